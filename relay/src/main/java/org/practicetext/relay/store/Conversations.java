// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.practicetext.core.ConversationStatus;
import org.practicetext.core.Direction;
import org.practicetext.core.WireWords;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;

/** Conversations: one practice number and one contact, open or closed, in one inbox. */
public final class Conversations {
    private final Contacts contacts = new Contacts();

    /** A number's conversation with a phone, and whether this call created its contact or the conversation itself. */
    public record Opened(ContactView contact, boolean contactCreated, ConversationView conversation, boolean conversationCreated) {
    }
    static final int PREVIEW_MAX = 140;
    private static final String SELECT = """
            SELECT c.id, c.contact_id, k.phone, n.phone AS practice_phone, c.status, c.inbox_id, c.assignee_id, c.unread_count,
                   c.last_message_at, c.last_message_preview, c.last_message_direction
            FROM conversation c JOIN contact k ON k.id = c.contact_id JOIN practice_number n ON n.id = c.practice_number_id
            """;

    public Optional<ConversationView> byId(Tx tx, long practiceId, long id) throws SQLException {
        return tx.queryOne(SELECT + " WHERE c.practice_id = ? AND c.id = ?", Conversations::view, practiceId, id);
    }

    public Optional<ConversationView> byPair(Tx tx, long practiceNumberId, long contactId) throws SQLException {
        return tx.queryOne(SELECT + " WHERE c.practice_number_id = ? AND c.contact_id = ?", Conversations::view, practiceNumberId, contactId);
    }

    /**
     * The conversation between a practice's number and a phone, found or created, inbound and
     * outbound alike: an unknown phone becomes a new contact of kind {@code lead}, and a new
     * conversation lands, open, in the number's inbox. The caller holds the practice's feed lock
     * and appends what was created.
     */
    public Opened findOrOpen(Tx tx, Practices.PracticeNumber number, String phone, Instant now) throws SQLException {
        long practiceId = number.practiceId();
        ContactsAhead contactsAhead = tx.kept(new ContactsKey(practiceId)) instanceof ContactsAhead c ? c : null;
        ConversationsAhead conversationsAhead = tx.kept(new ConversationsKey(number.id())) instanceof ConversationsAhead c ? c : null;
        Optional<ContactView> known = contactsAhead != null && contactsAhead.byPhone.containsKey(phone) ? contactsAhead.byPhone.get(phone)
                : contacts.byPhone(tx, practiceId, phone);
        ContactView contact = known.isPresent() ? known.get() : contacts.create(tx, practiceId, phone, "lead", null, null, now);
        Optional<ConversationView> existing = conversationsAhead != null && conversationsAhead.byContact.containsKey(contact.id())
                ? conversationsAhead.byContact.get(contact.id()) : byPair(tx, number.id(), contact.id());
        ConversationView conversation = existing.isPresent() ? existing.get() : create(tx, practiceId, number.id(), contact.id(), number.inboxId(), now);
        if (contactsAhead != null) {
            contactsAhead.byPhone.put(phone, Optional.of(contact));
        }
        if (conversationsAhead != null) {
            conversationsAhead.byContact.put(contact.id(), Optional.of(conversation));
        }
        return new Opened(contact, known.isEmpty(), conversation, existing.isEmpty());
    }

    /**
     * Reads ahead, in two queries, the practice's contacts with {@code phones} and their
     * conversations on {@code number}, for a batch of inbound texts: {@link #findOrOpen} then
     * takes them from the transaction instead of asking for each text. Only what {@code
     * findOrOpen} answers is kept (ids, and the contact's state until {@link #forgetContact}).
     */
    public void readAhead(Tx tx, Practices.PracticeNumber number, List<String> phones) throws SQLException {
        ContactsAhead contactsAhead = tx.kept(new ContactsKey(number.practiceId())) instanceof ContactsAhead c ? c : new ContactsAhead();
        tx.keep(new ContactsKey(number.practiceId()), contactsAhead);
        List<String> distinct = phones.stream().distinct().filter(p -> !contactsAhead.byPhone.containsKey(p)).toList();
        for (String phone : distinct) {
            contactsAhead.byPhone.put(phone, Optional.empty());
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (ContactView c : contacts.byPhones(tx, number.practiceId(), distinct)) {
            contactsAhead.byPhone.put(c.phone(), Optional.of(c));
            ids.add(c.id());
        }
        ConversationsAhead conversationsAhead = tx.kept(new ConversationsKey(number.id())) instanceof ConversationsAhead c ? c : new ConversationsAhead();
        tx.keep(new ConversationsKey(number.id()), conversationsAhead);
        if (ids.isEmpty()) {
            return;
        }
        for (Long id : ids) {
            conversationsAhead.byContact.putIfAbsent(id, Optional.empty());
        }
        for (ConversationView v : tx.query(SELECT + " WHERE c.practice_number_id = ? AND c.contact_id IN (" + Tx.marks(ids.size()) + ")",
                Conversations::view, Tx.params(number.id(), ids))) {
            conversationsAhead.byContact.put(v.contactId(), Optional.of(v));
        }
    }

    /** The contact's state changed (an opt-out or opt-in): a later {@link #findOrOpen} in this transaction reads it again. */
    public void forgetContact(Tx tx, long practiceId, String phone) {
        if (tx.kept(new ContactsKey(practiceId)) instanceof ContactsAhead c) {
            c.byPhone.remove(phone);
        }
    }

    private record ContactsKey(long practiceId) {
    }

    private record ConversationsKey(long practiceNumberId) {
    }

    /** A practice's contacts read ahead by phone: empty for a phone with none (yet). */
    private static final class ContactsAhead {
        final java.util.Map<String, Optional<ContactView>> byPhone = new java.util.HashMap<>();
    }

    /** A number's conversations read ahead by contact id: empty for a contact with none on it (yet). */
    private static final class ConversationsAhead {
        final java.util.Map<Long, Optional<ConversationView>> byContact = new java.util.HashMap<>();
    }

    public ConversationView create(Tx tx, long practiceId, long practiceNumberId, long contactId, long inboxId, Instant now) throws SQLException {
        long id = tx.insert("""
                INSERT INTO conversation (practice_id, practice_number_id, contact_id, status, inbox_id, created_at)
                VALUES (?, ?, ?, 'open', ?, ?)""", practiceId, practiceNumberId, contactId, inboxId, now);
        return byId(tx, practiceId, id).orElseThrow();
    }

    /** Records a new message as the conversation's latest activity. */
    public void touch(Tx tx, long id, Instant at, String preview, String direction) throws SQLException {
        tx.update("""
                UPDATE conversation SET last_message_at = ?, last_message_preview = ?, last_message_direction = ?
                WHERE id = ? AND (last_message_at IS NULL OR last_message_at <= ?)""", at, preview(preview), direction, id, at);
    }

    /**
     * An inbound text arrived: {@link #reopenAndCountUnread} and {@link #touch} (direction "in")
     * in one statement.
     */
    public void receivedInbound(Tx tx, long id, Instant at, String preview) throws SQLException {
        tx.update("""
                UPDATE conversation SET status = 'open', unread_count = unread_count + 1,
                    last_message_preview = CASE WHEN last_message_at IS NULL OR last_message_at <= ? THEN ? ELSE last_message_preview END,
                    last_message_direction = CASE WHEN last_message_at IS NULL OR last_message_at <= ? THEN 'in' ELSE last_message_direction END,
                    last_message_at = CASE WHEN last_message_at IS NULL OR last_message_at <= ? THEN ? ELSE last_message_at END
                WHERE id = ?""", at, preview(preview), at, at, at, id);
    }

    public void reopenAndCountUnread(Tx tx, long id) throws SQLException {
        tx.update("UPDATE conversation SET status = 'open', unread_count = unread_count + 1 WHERE id = ?", id);
    }

    public void setStatus(Tx tx, long id, String status) throws SQLException {
        tx.update("UPDATE conversation SET status = ? WHERE id = ?", status, id);
    }

    public void setUnreadCount(Tx tx, long practiceId, long id, int count) throws SQLException {
        tx.update("UPDATE conversation SET unread_count = ? WHERE practice_id = ? AND id = ?", count, practiceId, id);
    }

    public void setAssignee(Tx tx, long practiceId, long id, Long userId) throws SQLException {
        tx.update("UPDATE conversation SET assignee_id = ? WHERE practice_id = ? AND id = ?", userId, practiceId, id);
    }

    public void setInbox(Tx tx, long practiceId, long id, long inboxId) throws SQLException {
        tx.update("UPDATE conversation SET inbox_id = ? WHERE practice_id = ? AND id = ?", inboxId, practiceId, id);
    }

    public List<Long> idsAssignedTo(Tx tx, long practiceId, long userId) throws SQLException {
        return tx.query("SELECT id FROM conversation WHERE practice_id = ? AND assignee_id = ? ORDER BY id", rs -> rs.getLong(1), practiceId, userId);
    }

    public List<Long> idsInInbox(Tx tx, long practiceId, long inboxId) throws SQLException {
        return tx.query("SELECT id FROM conversation WHERE practice_id = ? AND inbox_id = ? ORDER BY id", rs -> rs.getLong(1), practiceId, inboxId);
    }

    public List<Long> idsOfContact(Tx tx, long practiceId, long contactId) throws SQLException {
        return tx.query("SELECT id FROM conversation WHERE practice_id = ? AND contact_id = ? ORDER BY id", rs -> rs.getLong(1), practiceId, contactId);
    }

    /**
     * The message on one line, at most {@value #PREVIEW_MAX} characters (code points) with the
     * ellipsis. It is cut where a character as a reader sees it ends (a grapheme: an emoji with
     * its skin tone, a family, a flag, a letter with its accents), so no emoji is split into a
     * lone surrogate or a stray piece; only a single grapheme longer than the whole preview is cut
     * inside, and then still between code points.
     */
    static String preview(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= PREVIEW_MAX) {
            return flat;
        }
        int limit = flat.offsetByCodePoints(0, PREVIEW_MAX - 1);
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(flat);
        int cut = graphemes.isBoundary(limit) ? limit : graphemes.preceding(limit);
        if (cut <= 0) {
            cut = limit;
        }
        return flat.substring(0, cut).stripTrailing() + "…";
    }

    static ConversationView view(ResultSet rs) throws SQLException {
        return new ConversationView(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("phone"), rs.getString("practice_phone"),
                WireWords.fromWire(ConversationStatus.class, rs.getString("status")), rs.getLong("inbox_id"), Tx.nullableLong(rs, "assignee_id"), rs.getInt("unread_count"),
                Tx.instant(rs, "last_message_at"), rs.getString("last_message_preview"),
                WireWords.fromWireOrNull(Direction.class, rs.getString("last_message_direction")));
    }
}
