// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * A practice under test with its admin, staff member and viewer signed in: patients text it
 * through signed webhooks, team members act through the API, and the feed shows what changed.
 */
final class Clinic {
    final RelayFixture relay;
    final TestPractice practice;
    final String admin;
    final String staff;
    final String viewer;

    Clinic(RelayFixture relay) {
        this.relay = relay;
        this.practice = relay.newPractice();
        this.admin = relay.signIn(practice, "admin");
        this.staff = relay.signIn(practice, "staff");
        this.viewer = relay.signIn(practice, "viewer");
    }

    /** A patient texts the practice; answers the id of the conversation it landed in. */
    long textFrom(String phone, String body) {
        HttpResponse<String> r = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), phone, practice.number(), body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return conversationWith(phone).get("id").asLong();
    }

    JsonNode conversationWith(String phone) {
        return relay.entities(admin, "conversation").values().stream()
                .filter(c -> c.get("phone").asText().equals(phone)).findFirst().orElseThrow();
    }

    JsonNode contactWith(String phone) {
        return relay.entities(admin, "contact").values().stream()
                .filter(c -> c.get("phone").asText().equals(phone)).findFirst().orElseThrow();
    }

    /** The newest state of one entity as the feed carries it. */
    JsonNode latest(String type, long id) {
        return relay.entities(admin, type).get(id);
    }

    long userId(String username) {
        return relay.entities(admin, "user").values().stream()
                .filter(u -> u.get("username").asText().equals(username)).findFirst().orElseThrow().get("id").asLong();
    }

    long inboxId(String name) {
        return relay.entities(admin, "inbox").values().stream()
                .filter(i -> i.get("name").asText().equals(name)).findFirst().orElseThrow().get("id").asLong();
    }

    long cursor() {
        return relay.head(admin);
    }

    /** The data of every event of a type after {@code cursor}. */
    List<JsonNode> eventsSince(long cursor, String type) {
        return relay.events(admin, cursor).stream().filter(e -> e.get("type").asText().equals(type)).map(e -> e.get("data")).toList();
    }

    Reply post(String token, String path) {
        return post(token, path, null);
    }

    Reply post(String token, String path, Object body) {
        return call(token, "POST", path, "application/json", body == null ? "" : json(body));
    }

    Reply patch(String token, String path, Object body) {
        return call(token, "PATCH", path, "application/json", json(body));
    }

    Reply delete(String token, String path) {
        return call(token, "DELETE", path, "application/json", "");
    }

    Reply importCsv(String token, String csv) {
        return call(token, "POST", "/api/v1/contacts/import", "text/csv", csv);
    }

    Reply call(String token, String method, String path, String contentType, String body) {
        return send(token, method, path, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    Reply send(String token, String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(relay.uri(path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .expectContinue(body.contentLength() > RelayFixture.LARGE_BODY) // a refused large body is then never sent
                .method(method, body).build();
        HttpResponse<String> r = relay.send(request);
        return new Reply(r.statusCode(), r.body().isEmpty() ? relay.json.createObjectNode() : relay.read(r));
    }

    private String json(Object body) {
        try {
            return relay.json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
