// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.ui.testing.DemoDesk;

class StatusLineViewModelTest {
    @RegisterExtension
    static final DemoDesk desk = DemoDesk.forClass("alex");
    static StatusLineViewModel status;

    @BeforeAll
    static void signIn() {
        status = new StatusLineViewModel(desk.session);
    }

    private static ConnectionState state(Kind kind, long applied, long total, int waiting) {
        // 14:42 UTC is 10:42 AM in the demo practice's zone (New York, daylight time in June).
        return new ConnectionState(kind, Instant.parse("2026-06-02T14:42:00Z"), applied, total, waiting, null);
    }

    @Test
    void onlineSaysOnline() {
        assertThat(status.describe(state(Kind.ONLINE, 0, 0, 0))).isEqualTo("Online");
    }

    @Test
    void offlineSaysCachedMessagesAndWhenLastSynced() {
        assertThat(status.describe(state(Kind.OFFLINE, 0, 0, 0))).isEqualTo("Offline — showing cached messages, last synced 10:42 AM");
    }

    @Test
    void catchingUpCountsWithThousandsSeparators() {
        assertThat(status.describe(state(Kind.CATCHING_UP, 1200, 5000, 0))).isEqualTo("Catching up 1,200 of 5,000");
    }

    @Test
    void waitingToSendIsAppended() {
        assertThat(status.describe(state(Kind.OFFLINE, 0, 0, 3))).endsWith(" · 3 waiting to send");
        assertThat(status.describe(state(Kind.ONLINE, 0, 0, 1))).isEqualTo("Online · 1 waiting to send");
    }

    @Test
    void offlineRaisesTheBannerAndOnlineLowersIt() {
        status.show(state(Kind.OFFLINE, 0, 0, 0));
        assertThat(status.offlineProperty().get()).isTrue();
        status.show(state(Kind.ONLINE, 0, 0, 0));
        assertThat(status.offlineProperty().get()).isFalse();
        assertThat(status.textProperty().get()).isEqualTo("Online");
    }

    @Test
    void aTextQueuedOfflineIsCountedAtOnceAndTheCountGoesBackWhenItIsSent() {
        try (DemoDesk offline = DemoDesk.as("jordan")) {
            StatusLineViewModel line = new StatusLineViewModel(offline.session);
            // What each screen sees when it hears of a change: the outbox count must already include it.
            List<Integer> countedWhenHeard = new ArrayList<>();
            offline.client.onChange(batch -> countedWhenHeard.add(offline.client.session().connection().waitingToSend()));
            long conversation = offline.client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
            offline.stopRelay();
            offline.await("offline", () -> line.offlineProperty().get());

            offline.client.messages().send(conversation, "We'll call you back shortly.");

            assertThat(countedWhenHeard).first().isEqualTo(1);
            offline.await("the status line counts it", () -> line.textProperty().get().startsWith("Offline — ")
                    && line.textProperty().get().endsWith(" · 1 waiting to send"));
            offline.startRelay();
            offline.await("sent, and the count gone", () -> line.textProperty().get().equals("Online"));
        }
    }
}
