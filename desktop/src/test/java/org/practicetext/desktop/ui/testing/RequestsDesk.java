// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.Permission;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.conversations.Conversations;
import org.practicetext.desktop.directory.PracticeDirectory;
import org.practicetext.desktop.media.Attachments;
import org.practicetext.desktop.messages.Messages;
import org.practicetext.desktop.practice.PracticeAdmin;
import org.practicetext.desktop.requests.Requests;
import org.practicetext.desktop.session.Session;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.desktop.ui.common.ClientEvents;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.relay.TestClock;

/**
 * A real desk's client (on the demo relay) with its requests from memory ({@link FakeRequests}) and
 * every {@code sendRequest} kept instead of queued: for the composer's tools, their dialogs and the
 * settings section until the live requests are there. Everything else is the real client's; or,
 * {@link #windowless}, nothing else at all.
 */
public final class RequestsDesk {
    /** One {@code sendRequest} call as the composer made it. */
    public record SentRequest(long conversationId, String body, RequestDraft draft, OutgoingFile document) {
    }

    public final FakeRequests requests = new FakeRequests();
    public final List<SentRequest> sent = new CopyOnWriteArrayList<>();
    public final SameThreadUiTasks tasks = new SameThreadUiTasks();
    public final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));
    private StubClient client;

    /**
     * A session with no relay and no cache, for the dialogs' view models: its client has only these
     * requests and the change batches the test sends ({@link #settingsChanged}); everything else throws.
     */
    public UiSession windowless(Set<Permission> permissions) {
        client = new StubClient(null, requests);
        return new UiSession(client, tasks, new ClientEvents(client, tasks), new MessageTimes(clock, ZoneId.of("America/Chicago")),
                new PhoneNumbers("US"), LocalSettings.load(null), null, new PracticeView(1, "bright-smile", "Bright Smile Dental", "US", "America/Chicago"),
                permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    /** The feed changed the practice's settings (a windowless session's listeners hear it). */
    public void settingsChanged() {
        ChangeBatch batch = new ChangeBatch(List.of(new DeskChange.SettingsChanged()), Map.of(), Map.of(), null, null, null, null);
        client.send(batch);
        tasks.drain(java.time.Duration.ofMillis(30));
    }

    /** A session on the demo desk's client with these requests, on the desk's same-thread seam and clock (for view-model tests). */
    public UiSession session(DemoDesk desk) {
        return UiSession.open(around(desk.client), desk.tasks, LocalSettings.load(null), desk.clock());
    }

    /** {@code real} with these requests and a recorded {@code sendRequest}. */
    public DesktopClient around(DesktopClient real) {
        Messages messages = new RecordingMessages(real.messages());
        return new DesktopClient() {
            @Override
            public Session session() {
                return real.session();
            }

            @Override
            public Conversations conversations() {
                return real.conversations();
            }

            @Override
            public Messages messages() {
                return messages;
            }

            @Override
            public Attachments attachments() {
                return real.attachments();
            }

            @Override
            public PracticeDirectory directory() {
                return real.directory();
            }

            @Override
            public PracticeAdmin practice() {
                return real.practice();
            }

            @Override
            public Requests requests() {
                return requests;
            }

            @Override
            public void onConnection(Consumer<ConnectionState> listener) {
                real.onConnection(listener);
            }

            @Override
            public void onChange(Consumer<ChangeBatch> listener) {
                real.onChange(listener);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    private final class RecordingMessages implements Messages {
        private final Messages real;

        RecordingMessages(Messages real) {
            this.real = real;
        }

        @Override
        public String sendRequest(long conversationId, String body, RequestDraft request, OutgoingFile document) {
            sent.add(new SentRequest(conversationId, body, request, document));
            return "request-" + sent.size();
        }

        @Override
        public MessagePage messages(long conversationId, MessagePage.MessageCursor before, int pageSize) {
            return real.messages(conversationId, before, pageSize);
        }

        @Override
        public List<MessageHit> searchMessages(String text, int limit) {
            return real.searchMessages(text, limit);
        }

        @Override
        public List<OutboxItem> outbox() {
            return real.outbox();
        }

        @Override
        public Optional<String> draft(String threadKey) {
            return real.draft(threadKey);
        }

        @Override
        public void saveDraft(String threadKey, String body) {
            real.saveDraft(threadKey, body);
        }

        @Override
        public String send(long conversationId, String body, List<OutgoingFile> files) {
            return real.send(conversationId, body, files);
        }

        @Override
        public String sendTo(String phone, String body, List<OutgoingFile> files) throws InvalidPhoneNumberException {
            return real.sendTo(phone, body, files);
        }

        @Override
        public void retry(long outboxItemId) {
            real.retry(outboxItemId);
        }

        @Override
        public boolean retrySent(long messageId) {
            return real.retrySent(messageId);
        }

        @Override
        public void discard(long outboxItemId) {
            real.discard(outboxItemId);
        }
    }
}
