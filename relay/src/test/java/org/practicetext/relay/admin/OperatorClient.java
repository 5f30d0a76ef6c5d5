// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.practicetext.relay.RelayExtension;

/** Raw calls to a test relay's operator API, with the right token or with the one a test gives. */
record OperatorClient(RelayExtension relay, String token) {
    HttpResponse<String> call(String method, String path, String bearer, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.uri(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return relay.send(b.build());
    }

    /** With the operator token and {@code body} as JSON (none when null). */
    HttpResponse<String> call(String method, String path, Object body) {
        try {
            return call(method, path, token, body == null ? null : relay.json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
