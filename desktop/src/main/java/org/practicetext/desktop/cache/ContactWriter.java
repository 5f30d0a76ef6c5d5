// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.ContactView;

/**
 * Upserts contacts from the feed with their search keys: the name's keys ({@link TextKey#nameKeys}:
 * each folded word and each suffix inside a word, a row of {@code contact_word} each, marked
 * whether it starts a word) and every suffix of the phone digits (a typed fragment is the prefix
 * of one). {@code relay_json} keeps the relay's own state so an optimistic block or unblock can
 * be undone exactly.
 */
final class ContactWriter {
    private static final String MERGE = """
            MERGE INTO contact (id, phone, display_phone, kind, name, sort_name, external_id, opted_out, opted_out_at,
                                blocked, line_type, relay_json, sync_gen)
            KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Upserts and says which contacts' relay state is new or different, and whether their opt-out or block turned. */
    List<DeskChange> upsert(Sql sql, Collection<ContactView> contacts, int generation, PhoneNumbers phones) throws SQLException {
        if (contacts.isEmpty()) {
            return List.of();
        }
        Map<Long, String> stored = RelayJson.stored(sql, "contact", contacts.stream().map(ContactView::id).toList());
        List<DeskChange> changes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> words = new ArrayList<>();
        List<Object[]> ids = new ArrayList<>();
        List<Object[]> suffixes = new ArrayList<>();
        for (ContactView c : contacts) {
            String display = phones.display(c.phone());
            String sortName = c.name() == null || c.name().isBlank() ? "~" + display : TextKey.fold(c.name());
            String json = SyncState.json(c);
            rows.add(new Object[] {c.id(), c.phone(), display, c.kind(), c.name(), sortName,
                    c.externalId(), c.optedOut(), c.optedOutAt(), c.blocked(), c.lineType(), json, generation});
            String before = stored.get(c.id());
            if (!json.equals(before)) {
                ContactView was = before == null ? null : SyncState.parse(before, ContactView.class);
                changes.add(new DeskChange.ContactChanged(c.id(), was == null ? c.optedOut() : was.optedOut() != c.optedOut(),
                        was == null ? c.blocked() : was.blocked() != c.blocked()));
            }
            ids.add(new Object[] {c.id()});
            TextKey.nameKeys(c.name()).forEach((key, wordStart) -> words.add(new Object[] {key, c.id(), wordStart}));
            for (String suffix : TextKey.phoneSuffixes(c.phone(), display)) {
                suffixes.add(new Object[] {suffix, c.id()});
            }
        }
        sql.batch(MERGE, rows);
        sql.batch("DELETE FROM contact_word WHERE contact_id = ?", ids);
        sql.batch("INSERT INTO contact_word (word, contact_id, word_start) VALUES (?, ?, ?)", words);
        sql.batch("DELETE FROM phone_suffix WHERE contact_id = ?", ids);
        sql.batch("INSERT INTO phone_suffix (suffix, contact_id) VALUES (?, ?)", suffixes);
        return changes;
    }
}
