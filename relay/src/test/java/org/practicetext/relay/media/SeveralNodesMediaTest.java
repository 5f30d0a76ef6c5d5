// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.PostgresOnly;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.TestPostgres;

/** A file one node fetched is served by every node sharing the database, and fetched once. */
@PostgresOnly("several relay nodes share a database only on PostgreSQL")
class SeveralNodesMediaTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    FakeTwilioMedia twilio;
    RelayFixture nodeA;
    RelayFixture nodeB;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {nodeA, nodeB, twilio}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aPhotoFetchedThroughOneNodeIsReadFromTheOther() throws Exception {
        twilio = new FakeTwilioMedia();
        TestPostgres.TestDatabase database = TestPostgres.require().newDatabase();
        nodeA = node(dirA, database, "node-a");
        nodeB = node(dirB, database, "node-b");
        TestPractice practice = nodeA.newPractice();
        String sid = MediaFetchTest.mmsSid();
        byte[] jpeg = TestImages.jpeg(500, 300);
        String url = twilio.put(sid, "image/jpeg", jpeg);
        Map<String, String> params = RelayFixture.inbound(sid, "+15558675309", practice.number(), "");
        params.put("NumMedia", "1");
        params.put("MediaUrl0", url);
        params.put("MediaContentType0", "image/jpeg");

        assertThat(nodeA.webhook("/twilio/sms", params).statusCode()).isEqualTo(200);

        String onB = nodeB.signIn(practice, "staff");
        JsonNode message = nodeB.awaitEntity(onB, "message", m -> m.get("sid").asText().equals(sid)
                && m.get("media").get(0).get("state").asText().equals("ready"));
        HttpResponse<byte[]> file = nodeB.http.send(HttpRequest.newBuilder(URI.create(nodeB.uri("/api/v1/messages/" + message.get("id").asLong() + "/media/0")))
                .header("Authorization", "Bearer " + onB).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(jpeg);
        assertThat(twilio.seen()).filteredOn(s -> !s.path().startsWith("/cdn/")).hasSize(1);
    }

    private RelayFixture node(Path dir, TestPostgres.TestDatabase database, String id) throws IOException {
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("PT_NODE_ID", id);
        env.put("PT_TWILIO_API_BASE", twilio.base());
        env.put("TWILIO_ACCOUNT_SID", FakeTwilioMedia.ACCOUNT);
        return new RelayFixture(dir, env);
    }
}
