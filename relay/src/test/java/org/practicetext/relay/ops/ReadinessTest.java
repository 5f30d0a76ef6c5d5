// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code GET /ready} decides from its checks, without a server. */
class ReadinessTest {
    @Test
    void aCheckThatThrowsFailsWithItsExceptionsClassNotItsMessage() {
        Readiness readiness = new Readiness().register("database", () -> {
            throw new IllegalStateException("value '+15557650123' too long", new java.io.IOException("connection reset"));
        });

        ReadyView view = readiness.check();

        assertThat(view.status()).isEqualTo(ReadyView.Status.NOT_READY);
        assertThat(view.checks().get("database").detail()).isEqualTo("failed (IOException)");
    }

    @Test
    void stoppingIsNotReadyEvenWithEveryCheckPassing() {
        Readiness readiness = new Readiness().register("database", Optional::empty);
        assertThat(readiness.check().ready()).isTrue();

        readiness.stopping();

        assertThat(readiness.check().status()).isEqualTo(ReadyView.Status.STOPPING);
        assertThat(readiness.check().ready()).isFalse();
    }

    @Test
    void aFailingWebhookMakesAReadyRelayAttentionAndStillReady() {
        ReadyView view = new Readiness().register("database", Optional::empty).check().withBacklog(2, 1);

        assertThat(view.status()).isEqualTo(ReadyView.Status.ATTENTION);
        assertThat(view.ready()).isTrue();
    }

    @Test
    void aCheckNameIsTakenOnce() {
        Readiness readiness = new Readiness().register("listener", Optional::empty);

        assertThatThrownBy(() -> readiness.register("listener", Optional::empty)).hasMessageContaining("listener");
    }
}
