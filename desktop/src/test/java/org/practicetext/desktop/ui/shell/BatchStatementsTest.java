// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.patients.PatientsViewModel;
import org.practicetext.desktop.ui.settings.BlockedContactsViewModel;
import org.practicetext.desktop.ui.settings.InboxesViewModel;
import org.practicetext.desktop.ui.settings.OptedOutViewModel;
import org.practicetext.desktop.ui.sms.IncomingText;
import org.practicetext.desktop.ui.sms.IncomingTextWatcher;
import org.practicetext.desktop.ui.sms.SmsPageViewModel;
import org.practicetext.desktop.ui.testing.CacheStatements;
import org.practicetext.desktop.ui.testing.DemoDesk;

/**
 * The acceptance check of typed change events: one feed batch (a text arrives in the open
 * thread) is applied and delivered to every real listener of a window — badge, status line,
 * list, thread, composer and its templates, the incoming-text watcher, Patients and the
 * settings lists — and the cache's own statistics count what ran. Each read runs once per
 * batch, however many listeners use what it read.
 */
class BatchStatementsTest {
    /**
     * What the sync loop runs on every step, batch or not (the next outbox item, the waiting
     * count, the cursor): counted in the total, but not a listener's read.
     */
    private static final List<String> LOOP_STEP = List.of("FROM outbox WHERE state = ? ORDER BY id FETCH FIRST 1 ROW ONLY",
            "SELECT COUNT(*) FROM outbox WHERE state = ?", "FROM sync_state WHERE id = 1");

    DemoDesk desk;
    final List<IncomingText> shown = new ArrayList<>();

    @BeforeEach
    void signIn() {
        desk = DemoDesk.as("alex");
    }

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    @Test
    void aTextArrivingInTheOpenThreadReadsEachChangedKindOnce() throws Exception {
        UiSession session = desk.session;
        NavigationViewModel navigation = new NavigationViewModel(session);
        new StatusLineViewModel(session);
        SmsPageViewModel sms = new SmsPageViewModel(session);
        new IncomingTextWatcher(session, () -> false, id -> false, shown::add);
        new PatientsViewModel(session);
        new OptedOutViewModel(session);
        new BlockedContactsViewModel(session);
        new InboxesViewModel(session);
        navigation.refreshBadge();
        long anna = desk.conversationOf("+15551234567").id();
        sms.thread().attentiveProperty().set(false);
        sms.open(anna);
        desk.await("Anna's thread", () -> sms.thread().conversationProperty().get() != null && !sms.thread().messages().isEmpty());
        int badge = navigation.unreadBadgeProperty().get();
        desk.tasks.drain(Duration.ofMillis(300));

        try (CacheStatements statements = CacheStatements.of(desk.desktopData())) {
            statements.reset();
            desk.patientTexts("+15551234567", "Can I move my cleaning to Friday?");
            desk.await("the text everywhere", () -> !shown.isEmpty()
                    && navigation.unreadBadgeProperty().get() == badge + 1
                    && sms.thread().messages().getLast().body().equals("Can I move my cleaning to Friday?")
                    && sms.list().conversations().getFirst().id() == anna
                    && sms.list().conversations().getFirst().preview().equals("Can I move my cleaning to Friday?"));
            desk.tasks.drain(Duration.ofMillis(300));
            Map<String, Integer> ran = statements.since();

            int total = ran.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("[batch-statements] one applied batch (a text in the open thread), delivered to all listeners: "
                    + total + " statements, " + ran.entrySet().stream().filter(e -> e.getKey().startsWith("SELECT")).mapToInt(Map.Entry::getValue).sum()
                    + " of them SELECT, " + ran.getOrDefault("ROLLBACK", 0) + " connections handed back");
            ran.forEach((sql, n) -> System.out.println("[batch-statements]   " + n + " × " + sql));
            Map<String, Integer> readTwice = ran.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("SELECT") && e.getValue() > 1 && LOOP_STEP.stream().noneMatch(e.getKey()::contains))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(readTwice).as("reads that ran more than once for one batch").isEmpty();
        }
    }
}
