// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.List;

/**
 * The SQL of the search box, shared by the conversation list and the contact picker. Every typed
 * word must be found in the name: a word of one or two letters as the start of a name word, a
 * longer one anywhere inside a name word ("ohns" finds Johnson) — each an index range scan of
 * {@code contact_word}, which holds every suffix of every name word. Or the typed digits must
 * appear anywhere in the phone number (the prefix of one of its suffixes). Contacts whose every
 * typed word starts a name word (or whose number has the digits) rank before those matched
 * only inside a word. The conditions use only {@code ?}, so one statement answers a keystroke.
 */
final class SearchSql {
    private static final String NAME_KEY = " IN (SELECT w.contact_id FROM contact_word w WHERE w.word >= ? AND w.word < ?";
    private static final String WORD_START = " IN (SELECT w.contact_id FROM contact_word w WHERE w.word_start = TRUE AND w.word >= ? AND w.word < ?)";
    private static final String PHONE_KEY = " IN (SELECT p.contact_id FROM phone_suffix p WHERE p.suffix >= ? AND p.suffix < ?)";

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
                String word = words.get(i);
                where.append(i == 0 ? "" : " AND ").append(contactId).append(word.length() < TextKey.MIN_INFIX ? WORD_START : NAME_KEY + ")");
                params.add(word);
                params.add(TextKey.prefixEnd(word));
            }
            where.append(")");
        }
        if (!digits.isEmpty()) {
            where.append(words.isEmpty() ? "" : " OR ").append(contactId).append(PHONE_KEY);
            params.add(digits);
            params.add(TextKey.prefixEnd(digits));
        }
        where.append(")");
        return true;
    }

    /**
     * The leading ORDER BY term that puts word-start matches first ({@code "... , "}), or empty
     * when no typed word can match inside a word (then every match starts a word).
     */
    static String rank(String search, String contactId, List<Object> params) {
        String rank = rankOf(search, contactId, null, params);
        return rank.isEmpty() ? "" : rank + ", ";
    }

    /**
     * The rank term itself (0 for a word-start match, 1 for one only inside a word), or empty as
     * for {@link #rank}. With {@code contactIdValue}, the term ranks that contact instead of the
     * column: {@code contactId} is then written as {@code ?} and the value bound before each use,
     * so a page after a given row can continue inside the rank it had.
     */
    static String rankOf(String search, String contactId, Long contactIdValue, List<Object> params) {
        List<String> words = TextKey.words(search, 1);
        if (words.stream().noneMatch(w -> w.length() >= TextKey.MIN_INFIX)) {
            return "";
        }
        String column = contactIdValue == null ? contactId : "CAST(? AS BIGINT)";
        StringBuilder rank = new StringBuilder("CASE WHEN (");
        for (int i = 0; i < words.size(); i++) {
            rank.append(i == 0 ? "" : " AND ").append(column).append(WORD_START);
            if (contactIdValue != null) {
                params.add(contactIdValue);
            }
            params.add(words.get(i));
            params.add(TextKey.prefixEnd(words.get(i)));
        }
        rank.append(")");
        String digits = TextKey.phoneDigits(search);
        if (!digits.isEmpty()) {
            rank.append(" OR ").append(column).append(PHONE_KEY);
            if (contactIdValue != null) {
                params.add(contactIdValue);
            }
            params.add(digits);
            params.add(TextKey.prefixEnd(digits));
        }
        return rank.append(" THEN 0 ELSE 1 END").toString();
    }
}
