// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.testing.DemoDesk;

class IncomingTextWatcherTest {
    DemoDesk desk;
    final List<IncomingText> shown = new ArrayList<>();
    final AtomicBoolean focused = new AtomicBoolean(false);
    Long openThread;

    @BeforeEach
    void signIn() {
        desk = DemoDesk.as("jordan");
        new IncomingTextWatcher(desk.session, focused::get, id -> openThread != null && openThread == id, shown::add);
    }

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    @Test
    void aTextWhileTheWindowIsInTheBackgroundIsAnnounced() {
        desk.patientTexts("+15552345678", "Running 5 minutes late!");
        desk.await("notification", () -> !shown.isEmpty());
        assertThat(shown.getLast().from()).isEqualTo("Marcus Johnson");
        assertThat(shown.getLast().preview()).isEqualTo("Running 5 minutes late!");
    }

    @Test
    void aTextInTheOpenThreadOfTheFocusedWindowIsNotAnnounced() {
        focused.set(true);
        openThread = desk.conversationOf("+15552345678").id();
        desk.patientTexts("+15552345678", "Thanks again");
        desk.patientTexts("+15551234567", "Also, what time again?");
        desk.await("Anna's notification", () -> shown.stream().anyMatch(t -> t.from().equals("Anna Smith")));
        assertThat(shown).noneMatch(t -> t.from().equals("Marcus Johnson"));
    }

    @Test
    void markingAnOldConversationUnreadIsNotAnnounced() {
        long tom = desk.conversationOf("+15557890123").id();
        desk.client.conversations().markUnread(tom);
        desk.await("Tom unread", () -> desk.client.conversations().conversation(tom).orElseThrow().unreadCount() > 0);
        desk.patientTexts("+15551234567", "One more question");
        desk.await("Anna's notification", () -> shown.stream().anyMatch(t -> t.from().equals("Anna Smith")));
        assertThat(shown).noneMatch(t -> t.from().equals("Tom Wilson"));
    }

    @Test
    void privacyLeavesTheTextOut() {
        desk.session.settings().hideTextInNotifications().set(true);
        desk.patientTexts("+15552345678", "My date of birth is 01/02/1980");
        desk.await("notification", () -> !shown.isEmpty());
        assertThat(shown.getLast().preview()).isNull();
        assertThat(shown.getLast().body()).doesNotContain("1980");
    }
}
