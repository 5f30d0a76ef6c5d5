// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.practicetext.protocol.Json;
import org.practicetext.relay.http.ApiError;

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
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest(what + " must be a positive whole number, not \"" + text + "\".");
    }

    /** The JSON object sent; an empty body counts as {@code {}} so actions with optional fields need none. */
    static RequestInput body(Context ctx) throws JsonProcessingException {
        String text = ctx.body();
        if (text.isBlank()) {
            return new RequestInput(Json.mapper().createObjectNode());
        }
        JsonNode node = Json.mapper().readTree(text);
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object.");
        }
        return new RequestInput(node);
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** The field as text, stripped; null when absent, null or blank. */
    String text(String field) {
        return text(field, Integer.MAX_VALUE);
    }

    /** Like {@link #text(String)}, refusing more than {@code maxLength} characters. */
    String text(String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(field + " must be a string.");
        }
        String value = node.asText().strip();
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ApiError.badRequest(field + " is at most " + maxLength + " characters.");
        }
        return value.isEmpty() ? null : value;
    }

    String requiredText(String field, int maxLength) {
        String value = text(field, maxLength);
        if (value == null) {
            throw ApiError.badRequest(field + " is required.");
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
