// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.Direction;
import org.practicetext.core.MediaState;
import org.practicetext.core.SmsEncoding;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedPage;
import org.practicetext.protocol.MediaItem;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.Sender;

/** The apply path on its own: idempotent upserts, the cursor in the same transaction, the sweep at the end of a resync. */
class FeedApplyTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final List<String> TABLES = List.of("contact", "contact_word", "conversation", "message", "message_posting", "inbox", "team_member",
            "template", "outbox");

    @TempDir
    Path temp;
    CacheDatabase db;
    FeedApplier applier;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
        applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void applyingTheSameBatchAgainChangesNothing() {
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me")
                .contact(7, "+13125550107", "patient", "Anna Smith", false, false)
                .conversation(70, 7, "+13125550107", "open", 1, null, 1, T0, "Hello there")
                .message(700, 70, "in", "Hello there", "received", T0)
                .message(701, 70, "out", "Hi Anna, how can we help?", "delivered", T0.plusSeconds(5));
        FeedPage page = feed.pages(100).getFirst();
        applier.apply(page, T0);
        Map<String, List<Map<String, Object>>> once = dump();
        long cursor = db.read(SyncState::read).cursor();

        applier.apply(page, T0);

        assertThat(dump()).isEqualTo(once);
        assertThat(db.read(SyncState::read).cursor()).isEqualTo(cursor);
        assertThat(once.get("message_posting")).isNotEmpty();
    }

    /**
     * A newer relay may send words this version does not know (a line type, a conversation state,
     * a sender kind…). They read as each enum's fallback, so the batch is applied, not refused;
     * a Twilio status stays as sent (the thread shows it as it is).
     */
    @Test
    void wordsFromANewerRelayAreAppliedAsTheirFallbackWords() {
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk")
                .contact(8, "+13125550108", "patient", "Ben Ode", false, false)
                .conversation(80, 8, "+13125550108", "open", 1, null, 1, T0, "Hello")
                .message(800, 80, "out", "Hello", "delivered", T0);
        FeedPage page = feed.pages(100).getFirst();
        for (var event : page.events()) {
            ObjectNode data = (ObjectNode) event.data();
            switch (event.type()) {
                case EventTypes.CONTACT -> data.put("kind", "vendor").put("lineType", "satellite");
                case EventTypes.CONVERSATION -> data.put("status", "snoozed").put("lastMessageDirection", "note");
                case EventTypes.MESSAGE -> {
                    data.put("status", "teleported").put("encoding", "utf16");
                    ((ObjectNode) data.get("sender")).put("kind", "robot");
                }
                default -> { }
            }
        }

        applier.apply(page, T0);

        ContactRow contact = new ContactQueries(db).byPhone("+13125550108").orElseThrow();
        assertThat(contact.kind()).isEqualTo("lead");
        assertThat(contact.lineType()).isEqualTo("unknown");
        ConversationRow conversation = new ConversationQueries(db).byId(80).orElseThrow();
        assertThat(conversation.status()).isEqualTo("open");
        assertThat(conversation.lastDirection()).isEqualTo("in");
        MessageRow message = new MessageQueries(db).page(80, null, 10).messages().getFirst();
        assertThat(message.senderKind()).isEqualTo("user");
        assertThat(message.status()).isEqualTo("teleported");
        assertThat(message.direction()).isEqualTo("out");
    }

    @Test
    void aBatchSaysWhatHappenedOnceAndTheSameStateAgainIsNoChange() {
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me")
                .contact(7, "+13125550107", "patient", "Anna Smith", false, false)
                .conversation(70, 7, "+13125550107", "open", 1, null, 1, T0, "Hello there")
                .message(700, 70, "in", "Hello there", "received", T0)
                .message(701, 70, "out", "Hi Anna, how can we help?", "delivered", T0.plusSeconds(5));
        FeedPage page = feed.pages(100).getFirst();

        assertThat(applier.apply(page, T0)).containsExactly(new DeskChange.SettingsChanged(),
                new DeskChange.DirectoryChanged(Set.of(DeskChange.DirectoryChanged.Part.USERS, DeskChange.DirectoryChanged.Part.INBOXES)),
                new DeskChange.ContactChanged(7, false, false), DeskChange.ConversationChanged.of(70),
                new DeskChange.TextArrived(70, 700), new DeskChange.MessageChanged(70, 701),
                new DeskChange.Resynced()); // a new cache's first snapshot is a full resync
        assertThat(applier.apply(feed.clear().contact(7, "+13125550107", "patient", "Anna Smith", false, false)
                .conversation(70, 7, "+13125550107", "open", 1, null, 1, T0, "Hello there")
                .message(700, 70, "in", "Hello there", "received", T0).pages(100).getFirst(), T0))
                .as("the same contact, conversation and text again").isEmpty();
        assertThat(applier.apply(feed.clear().contact(7, "+13125550107", "patient", "Anna Smith", true, false)
                .message(701, 70, "out", "Hi Anna, how can we help?", "failed", T0.plusSeconds(5)).pages(100).getFirst(), T0))
                .containsExactly(new DeskChange.ContactChanged(7, true, false), new DeskChange.MessageChanged(70, 701));
    }

    /** The relay sends the whole message again when a file arrives, with nothing else changed: the thread must still hear of it. */
    @Test
    void anAttachmentThatArrivesChangesItsMessageAndTheThreadSeesTheNewState() {
        Instant sent = T0.plusSeconds(1);
        MessageView pending = new MessageView(900, 90, Direction.IN, "", "received", null, null, "SM900", null, Sender.contact(null),
                List.of(MediaItem.arriving("https://api.twilio.com/media/ME1", "image/png")), 1, SmsEncoding.GSM7, sent, sent);
        FeedBuilder feed = new FeedBuilder().contact(9, "+13125550109", "patient", "Cy Ray", false, false)
                .conversation(90, 9, "+13125550109", "open", 1, null, 1, T0, "").add(EventTypes.MESSAGE, pending);
        applier.apply(feed.pages(100).getFirst(), T0);
        MessageView ready = new MessageView(900, 90, Direction.IN, "", "received", null, null, "SM900", null, Sender.contact(null),
                List.of(new MediaItem("https://api.twilio.com/media/ME1", "image/png", MediaState.READY, "card.png", 2048L, 640, 400, true, null, null, null, null)),
                1, SmsEncoding.GSM7, sent, sent);

        List<DeskChange> changes = applier.apply(feed.clear().add(EventTypes.MESSAGE, ready).pages(100).getFirst(), T0);

        assertThat(changes).containsExactly(new DeskChange.MessageChanged(90, 900));
        MediaItem stored = new MessageQueries(db).page(90, null, 10).messages().getFirst().media().getFirst();
        assertThat(stored.state()).isEqualTo(MediaState.READY);
        assertThat(stored.width()).isEqualTo(640);
        assertThat(stored.preview()).isTrue();
    }

    @Test
    void aResyncDropsThePreviewsOfMessagesTheRelayNoLongerHas() {
        FeedBuilder feed = new FeedBuilder().contact(9, "+13125550109", "patient", "Cy Ray", false, false)
                .conversation(90, 9, "+13125550109", "open", 1, null, 1, T0, "photo")
                .message(900, 90, "in", "photo", "received", T0).message(901, 90, "in", "another", "received", T0);
        applier.apply(feed.pages(100).getFirst(), T0);
        MediaPreviews previews = new MediaPreviews(db);
        previews.save(900, 0, new byte[] {1}, T0);
        previews.save(901, 0, new byte[] {2}, T0);

        db.write(sql -> {
            sql.update("UPDATE message SET sync_gen = sync_gen - 1 WHERE id = 900");
            FeedRows.sweep(sql, db.read(SyncState::read).generation());
            return null;
        });

        assertThat(previews.load(900, 0)).isEmpty();
        assertThat(previews.load(901, 0)).contains(new byte[] {2});
    }

    @Test
    void aStatusUpdateRewritesTheMessageButNotItsSearchWordsAndAFailureMarksTheConversation() {
        FeedBuilder feed = new FeedBuilder().contact(1, "+13125550101", "lead", null, false, false)
                .conversation(10, 1, "+13125550101", "open", 1, null, 0, T0, "Reminder")
                .message(100, 10, "out", "Reminder: cleaning tomorrow", "queued", T0);
        applier.apply(feed.pages(100).getFirst(), T0);
        List<Map<String, Object>> words = dump().get("message_posting");

        applier.apply(feed.clear().message(100, 10, "out", "Reminder: cleaning tomorrow", "failed", T0).pages(100).getFirst(), T0);

        assertThat(dump().get("message_posting")).isEqualTo(words);
        ConversationRow row = new ConversationQueries(db).byId(10).orElseThrow();
        assertThat(row.lastOutboundFailed()).isTrue();
        assertThat(new MessageQueries(db).page(10, null, 10).messages().getFirst().status()).isEqualTo("failed");
    }

    @Test
    void theCursorMovesWithEachPageAndTheLastPageOfASnapshotSweepsWhatTheRelayNoLongerHas() {
        FeedBuilder first = new FeedBuilder().contact(1, "+13125550101", "lead", null, false, false)
                .conversation(10, 1, "+13125550101", "open", 1, null, 0, T0, "old")
                .message(100, 10, "in", "old thread", "received", T0);
        first.pages(100).forEach(p -> applier.apply(p, T0));
        assertThat(db.read(SyncState::read).resyncing()).isFalse();

        db.write(sql -> {
            SyncState.beginResync(sql);
            return null;
        });
        FeedBuilder second = new FeedBuilder().contact(2, "+13125550102", "lead", null, false, false)
                .conversation(20, 2, "+13125550102", "open", 1, null, 0, T0, "new")
                .message(200, 20, "in", "new thread", "received", T0);
        List<FeedPage> pages = second.pages(2);
        applier.apply(pages.get(0), T0);
        assertThat(new ConversationQueries(db).list(ConversationFilter.defaults(), 1L, 10)).as("readable during the resync").hasSize(2);
        List<DeskChange> last = applier.apply(pages.get(1), T0);

        assertThat(last).contains(new DeskChange.Resynced());
        assertThat(new ConversationQueries(db).list(ConversationFilter.defaults(), 1L, 10)).extracting(ConversationRow::id).containsExactly(20L);
        assertThat(new MessageQueries(db).search("old", 10)).isEmpty();
        assertThat(db.read(SyncState::read).cursor()).isEqualTo(pages.get(1).next());
    }

    @Test
    void aMessageMayArriveBeforeItsConversationAndStillShowsInTheThread() {
        FeedBuilder feed = new FeedBuilder().message(100, 10, "in", "early bird", "received", T0)
                .contact(1, "+13125550101", "lead", null, false, false)
                .conversation(10, 1, "+13125550101", "open", 1, null, 1, T0, "early bird");
        feed.pages(1).forEach(p -> applier.apply(p, T0));

        assertThat(new MessageQueries(db).page(10, null, 10).messages()).extracting(MessageRow::body).containsExactly("early bird");
        assertThat(new ConversationQueries(db).unreadBadge()).isEqualTo(1);
    }

    @Test
    void theBadgeLeavesOutBlockedContacts() {
        new FeedBuilder().contact(1, "+13125550101", "lead", null, false, false).contact(2, "+13125550102", "lead", null, false, true)
                .conversation(10, 1, "+13125550101", "open", 1, null, 2, T0, "a")
                .conversation(20, 2, "+13125550102", "open", 1, null, 5, T0, "b")
                .pages(100).forEach(p -> applier.apply(p, T0));

        assertThat(new ConversationQueries(db).unreadBadge()).isEqualTo(2);
    }

    @Test
    void threadsArePagedNewestPageFirstAndOlderPagesOnDemand() {
        FeedBuilder feed = new FeedBuilder().contact(1, "+13125550101", "lead", null, false, false)
                .conversation(10, 1, "+13125550101", "open", 1, null, 0, T0, "m");
        for (int i = 1; i <= 25; i++) {
            feed.message(i, 10, i % 2 == 0 ? "out" : "in", "message " + i, "received", T0.plusSeconds(i / 2)); // pairs share a time
        }
        feed.pages(100).forEach(p -> applier.apply(p, T0));
        MessageQueries queries = new MessageQueries(db);
        List<Long> seen = new ArrayList<>();
        MessagePage page = queries.page(10, null, 10);
        assertThat(page.messages()).extracting(MessageRow::id).containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L);
        while (true) {
            List<Long> ids = page.messages().stream().map(MessageRow::id).toList();
            seen.addAll(0, ids);
            if (page.olderCursor() == null) {
                break;
            }
            page = queries.page(10, page.olderCursor(), 10);
        }
        assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
    }

    private Map<String, List<Map<String, Object>>> dump() {
        return db.read(sql -> {
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            for (String table : TABLES) {
                tables.put(table, sql.query("SELECT * FROM " + table + " ORDER BY 1, 2", rs -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(meta.getColumnName(i), value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value);
                    }
                    return row;
                }));
            }
            return tables;
        });
    }
}
