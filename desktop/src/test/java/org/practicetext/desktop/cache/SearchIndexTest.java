// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.Direction;
import org.practicetext.core.SmsEncoding;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.Sender;
import org.roaringbitmap.RoaringBitmap;

/**
 * The message-text index stays exactly what the message rows say, whatever wrote them: after
 * every write path (a snapshot, a feed page, an edited body, a status update, a local bubble, the
 * relay's copy replacing it, a discarded one, the sweep at the end of a resync) the posting lists
 * equal the words of the bodies in the table, and the search answers accordingly.
 */
class SearchIndexTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path temp;
    CacheDatabase db;
    FeedApplier applier;
    Outbox outbox;
    MessageQueries messages;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        outbox = new Outbox(db, Clock.systemUTC(), () -> "Me");
        applier = new FeedApplier(db, outbox);
        messages = new MessageQueries(db);
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me")
                .contact(1, "+13125550101", "patient", "Anna Smith", false, false)
                .conversation(10, 1, "+13125550101", "open", 1, null, 1, T0, "crown")
                .contact(2, "+13125550102", "patient", "Marcus Johnson", false, false)
                .conversation(20, 2, "+13125550102", "open", 1, null, 1, T0, "filling");
        for (int i = 1; i <= 300; i++) {
            // ids spread over several 65,536-id blocks, as a relay shared by many practices gives them
            feed.message(i * 1000L, i % 2 == 0 ? 10 : 20, "in", i % 3 == 0 ? "Crown fitting on Monday" : "Filling appointment " + i,
                    "received", T0.plusSeconds(i));
        }
        feed.pages(100).forEach(page -> applier.apply(page, T0));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSnapshotIsIndexedAcrossBlocksAndFoundNewestFirst() {
        assertIndexMatchesTheRows();
        assertThat(messages.search("crown mon", 500)).hasSize(100);
        assertThat(messages.search("crown", 3)).extracting(MessageHit::messageId).containsExactly(300_000L, 297_000L, 294_000L);
        assertThat(messages.search("fill appo", 500)).hasSize(200);
        assertThat(messages.search("fill crown", 10)).isEmpty();
    }

    @Test
    void anEditedBodyIsFoundByItsNewWordsOnlyAndAStatusUpdateChangesNothing() {
        Map<String, TreeSet<Long>> before = index();
        applier.apply(new FeedBuilder().message(3000, 20, "in", "Crown fitting on Monday", "read", T0.plusSeconds(3)).pages(10).getFirst(), T0);
        assertThat(index()).isEqualTo(before);

        applier.apply(new FeedBuilder().message(3000, 20, "in", "Whitening instead", "received", T0.plusSeconds(3)).pages(10).getFirst(), T0);

        assertIndexMatchesTheRows();
        assertThat(messages.search("whiten", 10)).extracting(MessageHit::messageId).containsExactly(3000L);
        assertThat(messages.search("crown", 500)).extracting(MessageHit::messageId).doesNotContain(3000L).hasSize(99);
    }

    @Test
    void aLocalBubbleIsFoundUntilTheRelaysCopyReplacesIt() {
        Outbox.Entry sent = outbox.enqueueSend(10L, "+13125550101", "(312) 555-0101", "Your retainer is ready");
        assertIndexMatchesTheRows();
        assertThat(messages.search("retainer", 10)).extracting(MessageHit::messageId).containsExactly(-sent.id());

        applier.apply(new FeedBuilder().add(EventTypes.MESSAGE, new MessageView(400_000, 10, Direction.OUT, "Your retainer is ready", "sent", null,
                null, "SM1", sent.clientId(), Sender.user(1, "Me"), List.of(), 1, SmsEncoding.GSM7, T0.plusSeconds(999), T0.plusSeconds(999)))
                .pages(10).getFirst(), T0);

        assertIndexMatchesTheRows();
        assertThat(messages.search("retainer", 10)).extracting(MessageHit::messageId).containsExactly(400_000L);
    }

    @Test
    void aDiscardedBubbleAndAMessageToANewNumberLeaveNothingBehind() {
        Outbox.Entry toNewNumber = outbox.enqueueSend(null, "+13125550199", "(312) 555-0199", "Welcome to the practice");
        assertThat(messages.search("welcome", 10)).singleElement()
                .satisfies(hit -> assertThat(hit.contactDisplay()).isEqualTo("(312) 555-0199"));
        db.write(sql -> sql.update("UPDATE outbox SET state = 'failed' WHERE id = ?", toNewNumber.id()));

        outbox.discard(toNewNumber.id());

        assertIndexMatchesTheRows();
        assertThat(messages.search("welcome", 10)).isEmpty();
    }

    @Test
    void theSweepAtTheEndOfAResyncTakesTheGoneMessagesOutOfTheIndex() {
        db.write(sql -> {
            SyncState.beginResync(sql);
            return null;
        });
        FeedBuilder again = new FeedBuilder().contact(1, "+13125550101", "patient", "Anna Smith", false, false)
                .conversation(10, 1, "+13125550101", "open", 1, null, 1, T0, "crown");
        for (int i = 2; i <= 300; i += 2) {
            again.message(i * 1000L, 10, "in", i % 3 == 0 ? "Crown fitting on Monday" : "Filling appointment " + i, "received", T0.plusSeconds(i));
        }
        again.pages(1000).forEach(page -> applier.apply(page, T0));

        assertIndexMatchesTheRows();
        assertThat(messages.search("crown", 500)).hasSize(50).allSatisfy(hit -> assertThat(hit.conversationId()).isEqualTo(10L));
    }

    @Test
    void readingTheNewestBlocksFirstFindsWhatReadingEveryBlockWould() {
        Outbox.Entry local = outbox.enqueueSend(10L, "+13125550101", "(312) 555-0101", "Crown fitting moved to Monday");
        for (String search : List.of("crown", "crown mon", "mon crown", "fill appo", "appointment 29", "appointment 2", "fill crown", "fi")) {
            for (int limit : List.of(1, 3, 50, 120, 500)) {
                assertThat(messages.search(search, limit)).extracting(MessageHit::messageId).as("%s, %d", search, limit)
                        .containsExactlyElementsOf(newestHaving(search, limit));
            }
        }
        assertThat(messages.search("crown", 1)).extracting(MessageHit::messageId).containsExactly(-local.id());
    }

    /** The reference: every row read, each typed word the prefix of one of its words, newest first. */
    private List<Long> newestHaving(String search, int limit) {
        List<String> typed = TextKey.words(search, 2);
        return db.read(sql -> sql.query("SELECT id, body FROM message ORDER BY created_at DESC, id DESC", rs -> {
            List<String> words = TextKey.words(rs.getString(2), 2);
            return typed.stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t))) ? rs.getLong(1) : null;
        })).stream().filter(java.util.Objects::nonNull).limit(limit).toList();
    }

    /** The index as word → message ids, read from its rows. */
    private Map<String, TreeSet<Long>> index() {
        return db.read(sql -> {
            Map<String, TreeSet<Long>> index = new TreeMap<>();
            sql.query("SELECT term, block, ids FROM message_posting", rs -> {
                RoaringBitmap lows = new RoaringBitmap();
                try {
                    lows.deserialize(ByteBuffer.wrap(rs.getBytes(3)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                long block = rs.getLong(2);
                TreeSet<Long> ids = index.computeIfAbsent(rs.getString(1), t -> new TreeSet<>());
                lows.forEach((int low) -> ids.add((block << 16) | low));
                return null;
            });
            return index;
        });
    }

    /** What the index must be: every word of every body in the table, nothing else. */
    private Map<String, TreeSet<Long>> wordsOfTheRows() {
        return db.read(sql -> {
            Map<String, TreeSet<Long>> words = new TreeMap<>();
            sql.query("SELECT id, body FROM message", rs -> {
                for (String word : TextKey.words(rs.getString(2), 2)) {
                    words.computeIfAbsent(word, w -> new TreeSet<>()).add(rs.getLong(1));
                }
                return null;
            });
            return words;
        });
    }

    private void assertIndexMatchesTheRows() {
        assertThat(index()).isEqualTo(wordsOfTheRows()).isNotEmpty();
    }
}
