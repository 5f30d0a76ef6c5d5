// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.media.Attachments;
import org.practicetext.desktop.ui.common.ClientEvents;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.relay.TestClock;

/**
 * A session whose client has only attachments (fake ones, answering from memory until told to be
 * offline) and change batches the test sends: for the attachment view models' rules, which need
 * neither a relay nor a cache. Everything else of the client throws.
 */
public final class AttachmentDesk {
    public final SameThreadUiTasks tasks = new SameThreadUiTasks();
    public final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));
    public final FakeAttachments attachments;
    public final UiSession session;
    private final StubClient client;

    public AttachmentDesk(Path folder) {
        attachments = new FakeAttachments(folder);
        client = new StubClient(attachments, null);
        session = new UiSession(client, tasks, new ClientEvents(client, tasks), new MessageTimes(clock, ZoneId.of("America/Chicago")),
                new PhoneNumbers("US"), LocalSettings.load(null), null, null, EnumSet.noneOf(org.practicetext.core.Permission.class));
    }

    /** The feed wrote these messages again (as the relay sends a message whose attachment changed); the UI hears it. */
    public void feedBrings(MessageRow... messages) {
        Map<Long, MessageRow> rows = new java.util.HashMap<>();
        for (MessageRow m : messages) {
            rows.put(m.id(), m);
        }
        ChangeBatch batch = new ChangeBatch(List.of(), Map.of(), rows, null, null, null, null);
        client.send(batch);
        tasks.drain(java.time.Duration.ofMillis(30));
    }

    /** Attachments from memory: every call is counted; offline, each fails as an unreachable relay does. */
    public static final class FakeAttachments implements Attachments {
        public static final byte[] PREVIEW = {(byte) 0xFF, (byte) 0xD8, 1};
        public static final byte[] FILE = {(byte) 0x89, 'P', 'N', 'G', 7, 7};
        public final List<String> calls = new ArrayList<>();
        public boolean online = true;
        private final Path folder;

        FakeAttachments(Path folder) {
            this.folder = folder;
        }

        private void reach(String call) throws RelayException {
            calls.add(call);
            if (!online) {
                throw new RelayException(0, "unreachable", "The relay at 127.0.0.1 cannot be reached (Connection refused).");
            }
        }

        @Override
        public java.util.Optional<byte[]> cachedPreview(long messageId, int position) {
            return java.util.Optional.empty();
        }

        @Override
        public byte[] preview(long messageId, int position) throws RelayException {
            reach("preview " + messageId + "/" + position);
            return PREVIEW;
        }

        @Override
        public Path file(long messageId, int position) throws RelayException {
            reach("file " + messageId + "/" + position);
            try {
                return Files.write(folder.resolve(messageId + "-" + position), FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void retry(long messageId, int position) throws RelayException {
            reach("retry " + messageId + "/" + position);
        }
    }
}
