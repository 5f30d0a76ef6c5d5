// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay that comes back on the same port and file: what it stored before is there after. */
class RestartableRelayTest {
    @TempDir
    Path dir;

    @Test
    void aRestartServesTheSameDataOnTheSamePort() {
        try (RestartableRelay relays = RestartableRelay.start(dir, Map.of("PT_MAX_POLLS_PER_PRACTICE", "7"))) {
            RelayFixture first = relays.fixture();
            RelayFixture.TestPractice practice = first.newPractice();
            String sid = RelayFixture.newSid();
            assertThat(first.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557654321", practice.number(), "Still open?")).statusCode())
                    .isEqualTo(200);

            int port = first.server.port();
            relays.stop();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("nothing listens while it is stopped")
                    .isInstanceOf(ConnectException.class);

            RelayFixture second = relays.restart();
            assertThat(second).isNotSameAs(first).isSameAs(relays.fixture());
            assertThat(second.server.port()).isEqualTo(relays.port()).isEqualTo(port);
            assertThat(second.entities(second.signIn(practice, "staff"), "message").values())
                    .extracting(m -> m.get("sid").asText()).containsExactly(sid);
        }
    }
}
