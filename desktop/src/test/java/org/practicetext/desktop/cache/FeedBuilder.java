// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;
import org.practicetext.core.ContactKind;
import org.practicetext.core.ConversationStatus;
import org.practicetext.core.Direction;
import org.practicetext.core.LineType;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.core.SmsEncoding;
import org.practicetext.core.WireWords;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.FeedPage;
import org.practicetext.protocol.InboxView;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.RequestView;
import org.practicetext.protocol.Sender;
import org.practicetext.protocol.UserView;

/**
 * Feed events as the relay writes them (the protocol records turned into JSON), numbered in
 * order, for tests and the benchmark that fill a cache without a relay.
 */
public final class FeedBuilder {
    public static final String FEED_ID = "feed-under-test";
    private final List<FeedEvent> events = new ArrayList<>();
    private long seq;

    public FeedBuilder practice(String region) {
        return add(EventTypes.PRACTICE, new PracticeView(1, "test", "Test Dental", region, "America/Chicago"));
    }

    public FeedBuilder inbox(long id, String name) {
        return add(EventTypes.INBOX, new InboxView(id, name, false));
    }

    public FeedBuilder user(long id, String username, String name) {
        return add(EventTypes.USER, new UserView(id, username, name, "staff", List.of("sms.view", "sms.send"), true));
    }

    public FeedBuilder contact(long id, String phone, String kind, String name, boolean optedOut, boolean blocked) {
        return add(EventTypes.CONTACT, new ContactView(id, phone, WireWords.fromWire(ContactKind.class, kind), name, null, optedOut, optedOut ? Instant.parse("2026-10-01T10:00:00Z") : null,
                optedOut ? "keyword" : null, blocked, null, null, LineType.MOBILE));
    }

    public FeedBuilder conversation(long id, long contactId, String phone, String status, long inboxId, Long assigneeId, int unread,
                                    Instant lastAt, String preview) {
        return add(EventTypes.CONVERSATION, new ConversationView(id, contactId, phone, "+13125550000", WireWords.fromWire(ConversationStatus.class, status), inboxId, assigneeId, unread,
                lastAt, preview, Direction.IN));
    }

    public FeedBuilder message(long id, long conversationId, String direction, String body, String status, Instant at) {
        Sender sender = direction.equals("in") ? Sender.contact(null) : Sender.user(1, "Sam Staff");
        return add(EventTypes.MESSAGE, new MessageView(id, conversationId, WireWords.fromWire(Direction.class, direction), body, status, null, null, "SM" + id, null, sender, List.of(),
                1, SmsEncoding.GSM7, at, at));
    }

    /** A payment request of {@code cents} in its conversation's message, at {@code status} (its steps' times filled as the relay would). */
    public FeedBuilder request(long id, long conversationId, long contactId, Long messageId, RequestKind kind, RequestStatus status, Long cents,
                               Instant at) {
        return add(EventTypes.REQUEST, requestView(id, conversationId, contactId, messageId, kind, status, cents, at));
    }

    public static RequestView requestView(long id, long conversationId, long contactId, Long messageId, RequestKind kind, RequestStatus status,
                                          Long cents, Instant at) {
        Instant opened = status.rank() >= RequestStatus.OPENED.rank() && status != RequestStatus.EXPIRED ? at.plusSeconds(600) : null;
        Instant finished = status.finished() ? at.plusSeconds(1200) : null;
        return new RequestView(id, kind, status, conversationId, contactId, messageId, "https://relay.test/l/tok" + id, at.plusSeconds(30L * 86400),
                at.plusSeconds(60), opened, finished, finished == null ? null : "Patient", null, "Cleaning on Dec 1", "INV-" + id, cents,
                "USD", List.of(), null, null, null, Sender.user(1, "Sam Staff"), at, finished != null ? finished : at);
    }

    /** A consent record (ADR 0025) as the relay writes it. */
    public FeedBuilder consent(ConsentRecordView record) {
        return add(EventTypes.CONSENT, record);
    }

    /** A keyword opt-out or opt-in: the patient's text as received, Twilio's OptOutType, the inbound message. */
    public static ConsentRecordView keyword(long id, long contactId, Long conversationId, ConsentChange change, Instant at, String text,
                                            String optOutType, Long messageId) {
        return new ConsentRecordView(id, contactId, conversationId, change, ConsentSource.KEYWORD, at, text, optOutType, null, messageId, null, null,
                null);
    }

    /** A team member's block, unblock, opt-out or opt-in, with who (the name as it was) and why (may be null). */
    public static ConsentRecordView staff(long id, long contactId, Long conversationId, ConsentChange change, Instant at, String byName,
                                          String reason) {
        return new ConsentRecordView(id, contactId, conversationId, change, ConsentSource.STAFF, at, null, null, null, null, 1L, byName, reason);
    }

    public FeedBuilder settings(String displayName) {
        return add(EventTypes.SETTINGS, new PracticeSettingsView(1, displayName, PracticeSettingsView.Features.DEFAULT, "USD", "simulated",
                "https://reviews.test/bright", List.of(), 182, List.of(new PracticeSettingsView.FormView(1, "New patient form", "https://forms.test/1")),
                PracticeSettingsView.LinkDays.DEFAULT, true, "https://relay.test/l/", PracticeSettingsView.Privacy.DEFAULT, Instant.parse("2026-11-01T00:00:00Z")));
    }

    public FeedBuilder add(String type, Object view) {
        events.add(new FeedEvent(++seq, type, Json.mapper().valueToTree(view)));
        return this;
    }

    public List<FeedEvent> events() {
        return List.copyOf(events);
    }

    /** All events as pages of {@code size}, the last one with {@code more = false}. */
    public List<FeedPage> pages(int size) {
        List<FeedPage> pages = new ArrayList<>();
        for (int from = 0; from < events.size(); from += size) {
            List<FeedEvent> page = events.subList(from, Math.min(events.size(), from + size));
            pages.add(new FeedPage(List.copyOf(page), page.getLast().seq(), from + size < events.size(), FEED_ID));
        }
        return pages;
    }

    /** Drops what was built, keeping the numbering (the next batch continues the feed). */
    public FeedBuilder clear() {
        events.clear();
        return this;
    }

}
