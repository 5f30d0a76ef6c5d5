// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer of the relay: its status and JSON body, with the error's code and message when it is one. */
record Reply(int status, JsonNode body) {
    String code() {
        return body.path("error").path("code").asText();
    }

    String message() {
        return body.path("error").path("message").asText();
    }

    long id() {
        return body.get("id").asLong();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
