// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.practicetext.desktop.DesktopClient;

/**
 * A signed-in desk for view-model tests: the demo practice, a client, the same-thread executor
 * seam and a session, plus "a patient texts" for live updates.
 */
public final class DemoDesk implements AutoCloseable {
    public final DesktopClient client;
    public final SameThreadUiTasks tasks = new SameThreadUiTasks();
    public final UiSession session;

    private DemoDesk(DesktopClient client) {
        this.client = client;
        this.session = UiSession.open(client, tasks, LocalSettings.load(null), Clock.systemUTC());
    }

    /** Signs in as a demo team member: alex (admin), jordan (staff) or sam (viewer). */
    public static DemoDesk as(String username) {
        return new DemoDesk(new TemporaryInMemoryClient());
    }

    /** A patient (or anyone) texts the practice; the desk learns of it through the sync. */
    public void patientTexts(String from, String body) {
        ((TemporaryInMemoryClient) client).receive(from, body);
    }

    /** The conversation with this E.164 number, as the cache has it now. */
    public org.practicetext.desktop.cache.ConversationRow conversationOf(String phone) {
        return client.contactByPhone(phone).flatMap(c -> client.conversation(c.conversationId())).orElseThrow();
    }

    public void stopRelay() {
        throw new UnsupportedOperationException("needs the real client");
    }

    public void startRelay() {
        throw new UnsupportedOperationException("needs the real client");
    }

    public void await(String what, BooleanSupplier condition) {
        tasks.drainUntil(what, Duration.ofSeconds(20), condition);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
