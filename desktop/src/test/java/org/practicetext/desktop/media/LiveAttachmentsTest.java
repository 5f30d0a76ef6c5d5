// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.relay.TestClock;

/** Attachments over a relay that can go away: what was fetched once reads again without it, and is fetched only once. */
class LiveAttachmentsTest {
    @TempDir
    Path temp;
    CacheDatabase db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T15:00:00Z"));
    final FakeRelay relay = new FakeRelay();
    LiveAttachments attachments;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        attachments = new LiveAttachments(db, new MediaFiles(temp.resolve("cache").resolve("media"), MediaFiles.DEFAULT_CAP, clock), relay, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFileFetchedOnceOpensAgainWithTheRelayGone() throws Exception {
        Path first = attachments.file(41, 0);
        relay.online = false;

        Path again = attachments.file(41, 0);

        assertThat(again).isEqualTo(first);
        assertThat(Files.readAllBytes(again)).isEqualTo(FakeRelay.FILE);
        assertThat(relay.calls).containsExactly("file 41/0");
    }

    @Test
    void aFileNeverFetchedSaysTheRelayCannotBeReachedWhenOffline() {
        relay.online = false;

        assertThatThrownBy(() -> attachments.file(41, 1)).isInstanceOf(RelayException.class)
                .satisfies(e -> assertThat(((RelayException) e).status()).isZero());
        assertThat(temp.resolve("cache").resolve("media").toFile().list()).isEmpty();
    }

    @Test
    void aPreviewIsFetchedOnceAndKeptInTheCacheAcrossARestart() throws Exception {
        assertThat(attachments.cachedPreview(41, 0)).isEmpty();
        assertThat(attachments.preview(41, 0)).isEqualTo(FakeRelay.PREVIEW);
        db.close();
        db = CacheDatabase.open(temp.resolve("cache"));
        attachments = new LiveAttachments(db, new MediaFiles(temp.resolve("cache").resolve("media"), MediaFiles.DEFAULT_CAP, clock), relay, clock);
        relay.online = false;

        assertThat(attachments.cachedPreview(41, 0)).contains(FakeRelay.PREVIEW);
        assertThat(attachments.preview(41, 0)).isEqualTo(FakeRelay.PREVIEW);
        assertThat(relay.calls).containsExactly("preview 41/0");
    }

    @Test
    void aRetryGoesToTheRelayForThatAttachment() throws Exception {
        attachments.retry(41, 2);

        assertThat(relay.calls).containsExactly("retry 41/2");
    }

    /** The relay's media endpoints, answering fixed bytes until it goes offline. */
    static final class FakeRelay implements MediaRelay {
        static final byte[] FILE = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        static final byte[] PREVIEW = {(byte) 0xFF, (byte) 0xD8, 9, 9};
        final List<String> calls = new ArrayList<>();
        boolean online = true;

        private void reach() throws RelayException {
            if (!online) {
                throw new RelayException(0, "unreachable", "The relay cannot be reached.");
            }
        }

        @Override
        public byte[] preview(long messageId, int position) throws RelayException {
            reach();
            calls.add("preview " + messageId + "/" + position);
            return PREVIEW.clone();
        }

        @Override
        public String download(long messageId, int position, Path into) throws RelayException {
            reach();
            calls.add("file " + messageId + "/" + position);
            try {
                Files.write(into, FILE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return "image/png";
        }

        @Override
        public void retry(long messageId, int position) throws RelayException {
            reach();
            calls.add("retry " + messageId + "/" + position);
        }
    }
}
