// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.List;

/**
 * The SQL of the search box, shared by the conversation list and the contact picker: every typed
 * word must be the prefix of some word of the name (an index range scan of {@code contact_word}),
 * or the typed digits must appear in the phone number (the prefix of one of its suffixes). The conditions use only {@code ?}.
 */
final class SearchSql {
    private SearchSql() {
    }

    /**
     * Appends the condition for {@code search} on the contact id column {@code contactId}; answers
     * false (nothing appended) when the search is empty.
     */
    static boolean append(String search, String contactId, StringBuilder where, List<Object> params) {
        List<String> words = TextKey.words(search, 1);
        String digits = TextKey.phoneDigits(search);
        if (words.isEmpty() && digits.isEmpty()) {
            return false;
        }
        where.append(" AND (");
        if (!words.isEmpty()) {
            where.append("(");
            for (int i = 0; i < words.size(); i++) {
                where.append(i == 0 ? "" : " AND ").append(contactId)
                        .append(" IN (SELECT w.contact_id FROM contact_word w WHERE w.word >= ? AND w.word < ?)");
                params.add(words.get(i));
                params.add(TextKey.prefixEnd(words.get(i)));
            }
            where.append(")");
        }
        if (!digits.isEmpty()) {
            where.append(words.isEmpty() ? "" : " OR ").append(contactId)
                    .append(" IN (SELECT p.contact_id FROM phone_suffix p WHERE p.suffix >= ? AND p.suffix < ?)");
            params.add(digits);
            params.add(TextKey.prefixEnd(digits));
        }
        where.append(")");
        return true;
    }
}
