// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import org.practicetext.protocol.Json;

/** Reads a JSON request body; an empty body or JSON {@code null} is a 400 that says so, never a 500. */
public final class JsonBody {
    private JsonBody() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiError.badRequest("The request needs a JSON body.");
        }
        T value;
        try {
            value = Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed_json", "The request body is not valid JSON for this call: " + e.getOriginalMessage());
        }
        if (value == null) {
            throw ApiError.badRequest("The request needs a JSON object, not null.");
        }
        return value;
    }
}
