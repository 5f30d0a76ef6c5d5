// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.practicetext.protocol.Json;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.JsonBody;
import org.practicetext.relay.http.Texts;

/**
 * A request's path id and JSON body, read so that every bad value answers 400 with a message
 * that names the field, never a bare "malformed request".
 */
final class RequestInput {
    private final JsonNode body;

    private RequestInput(JsonNode body) {
        this.body = body;
    }

    /** The {@code {id}} path parameter of a URL about {@code what} ("conversation", "inbox"…). */
    static long pathId(Context ctx, String what) {
        return parseId(ctx.pathParam("id"), "The " + what + " id");
    }

    static long parseId(String text, String what) {
        return org.practicetext.relay.http.PathParams.positive(text, what);
    }

    /** The JSON object sent (checked as {@link JsonBody} checks every body); an empty body counts as {@code {}} so actions with optional fields need none. */
    static RequestInput body(Context ctx) {
        JsonNode node = JsonBody.tree(ctx);
        if (node == null) {
            return new RequestInput(Json.mapper().createObjectNode());
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object.");
        }
        return new RequestInput(node);
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** The field as text, stripped; null when absent, null or blank. */
    String text(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(field + " must be a string.");
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    /** Like {@link #text(String)}: one line (a name, a phone) of at most {@code maxLength} characters (see {@link Texts}). */
    String text(String field, int maxLength) {
        return Texts.line(field, text(field), maxLength);
    }

    /** A required one-line text of at most {@code maxLength} characters. */
    String requiredLine(String field, int maxLength) {
        return required(field, text(field, maxLength));
    }

    /** A required text that may have several lines (a template body) of at most {@code maxLength} characters. */
    String requiredText(String field, int maxLength) {
        return required(field, Texts.text(field, text(field), maxLength));
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw ApiError.badRequest(field + " is required.");
        }
        return value;
    }

    /**
     * A required secret (a password) exactly as sent: not stripped, since spaces may be part of it;
     * at most {@code maxLength} characters so a huge body never reaches the password hash.
     */
    String requiredSecret(String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.badRequest(field + " is required.");
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(field + " must be a string.");
        }
        String value = node.asText();
        if (value.isEmpty()) {
            throw ApiError.badRequest(field + " is required.");
        }
        if (value.length() > maxLength) {
            throw ApiError.badRequest(field + " is longer than " + maxLength + " characters.");
        }
        return value;
    }

    long requiredId(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.badRequest(field + " is required.");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            throw ApiError.badRequest(field + " must be a positive whole number.");
        }
        return node.asLong();
    }
}
