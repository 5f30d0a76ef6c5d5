// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.relay.LogCapture;
import org.slf4j.LoggerFactory;

/**
 * ADR 0026: at the levels the app ships with, nothing the desk (or the embedded relay beside it)
 * logs carries a patient's phone number or a message's text, through a whole day's flow against
 * a real relay: a patient texts in, the desk replies, the relay goes away while the desk sends
 * (the sync loop and the outbox fail and retry), and it comes back and the text goes out.
 */
class NoPatientDataInLogsTest {
    private static final String PHONE = "+15557311942";
    private static final String INBOUND = "Marisol here, my crown hurts near tooth fourteen QX7";
    private static final String REPLY = "Sorry to hear that Marisol, can you come in at 3 ZK4";
    private static final String OFFLINE_REPLY = "We kept 3 PM for you, bring your insurance card WB9";

    @Test
    void aDaysFlowLogsNoPhoneNumberAndNoText() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).as("the shipped root level").isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.practicetext.desktop").getEffectiveLevel()).isEqualTo(Level.INFO);
        try (LogCapture logs = new LogCapture(); DemoDesk desk = DemoDesk.as("jordan")) {
            // A screen with a bug whose exception quotes the text it was showing: its failure is logged without the quote.
            desk.client.onChange(batch -> {
                if (!batch.all(org.practicetext.desktop.cache.DeskChange.TextArrived.class).toList().isEmpty()) {
                    throw new IllegalStateException("could not show " + INBOUND + " from " + PHONE);
                }
            });
            desk.patientTexts(PHONE, INBOUND);
            desk.await("the text in the cache", () -> row(desk) != null && INBOUND.equals(row(desk).preview()));
            long conversation = row(desk).id();
            desk.client.messages().send(conversation, REPLY);
            desk.await("the reply sent", () -> lastBody(desk, conversation, REPLY));

            desk.stopRelay();
            desk.client.messages().send(conversation, OFFLINE_REPLY);
            desk.await("the desk offline", () -> desk.client.session().connection().kind() != org.practicetext.desktop.sync.ConnectionState.Kind.ONLINE);
            desk.startRelay();
            desk.await("the offline reply delivered", () -> desk.relayCount("SELECT COUNT(*) FROM message WHERE body = ?", OFFLINE_REPLY) == 1
                    && desk.client.messages().outbox().isEmpty());

            String text = logs.text();
            assertThat(text).as("the listener's failure was logged, by its class").contains("a change listener failed (IllegalStateException");
            for (String phi : List.of(PHONE, "5557311942", "(555) 731-1942", "555-731-1942", "Marisol", "tooth fourteen", "QX7", "ZK4", "WB9",
                    "insurance card")) {
                assertThat(text).as("no log line holds %s", phi).doesNotContain(phi);
            }
        }
    }

    private static ConversationRow row(DemoDesk desk) {
        return desk.client.conversations().conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 100).stream()
                .filter(r -> PHONE.equals(r.phone())).findFirst().orElse(null);
    }

    private static boolean lastBody(DemoDesk desk, long conversation, String body) {
        List<MessageRow> messages = desk.client.messages().messages(conversation, null, 20).messages();
        return messages.stream().anyMatch(m -> body.equals(m.body()) && !m.local());
    }
}
