// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.List;

/**
 * The SQL of the search box, shared by the conversation list and the contact picker. Every typed
 * word must be found in the name: a word of one or two letters as the start of a name word, a
 * longer one anywhere inside a name word ("ohns" finds Johnson) — each an index range scan of
 * {@code contact_word}, which holds every suffix of every name word. Or the typed digits must
 * appear anywhere in the phone number (the prefix of one of its suffixes). Contacts whose every
 * typed word starts a name word (or whose number has the digits) rank before those matched
 * only inside a word. The conditions use only {@code ?}, so one statement answers a keystroke
 * (the list's {@link #broad} check aside).
 */
final class SearchSql {
    private static final String NAME_KEY = "SELECT w.contact_id FROM contact_word w WHERE w.word >= ? AND w.word < ?";
    private static final String WORD_START = "SELECT w.contact_id FROM contact_word w WHERE w.word_start = TRUE AND w.word >= ? AND w.word < ?";
    private static final String PHONE_KEY = "SELECT p.contact_id FROM phone_suffix p WHERE p.suffix >= ? AND p.suffix < ?";

    private SearchSql() {
    }

    /**
     * Appends the condition for {@code search} on the contact id column {@code contactId}; answers
     * false (nothing appended) when the search is empty. The condition is ONE {@code IN} of ONE
     * subquery (the typed words' contacts intersected, the digits' contacts added by a union):
     * H2 evaluates it once per statement and either looks the matches up through the contact id's
     * index or checks each row against the result, where an {@code OR} of two {@code IN}s made it
     * scan the whole table.
     */
    static boolean append(String search, String contactId, StringBuilder where, List<Object> params) {
        String matches = matches(search, false, params);
        if (matches.isEmpty()) {
            return false;
        }
        where.append(" AND ").append(contactId).append(" IN (").append(matches).append(")");
        return true;
    }

    /** Above this many word-start keys for the first typed word, a short search walks the list instead of sorting its matches. */
    static final int WALK_ABOVE = 1000;

    /**
     * Whether {@code search} is broad enough to answer by walking the list in its own order:
     * only words of one or two letters (no rank, no digits), and the first of them starts more
     * than {@link #WALK_ABOVE} name words (one bounded index range count). Then the page is full
     * after a few hundred rows of the walk, where looking every match up and sorting them read
     * thousands; a rare prefix ("q") would walk the whole list, so it takes the other way.
     */
    static boolean broad(Sql sql, String search) throws SQLException {
        List<String> words = TextKey.words(search, 1);
        if (words.isEmpty() || !TextKey.phoneDigits(search).isEmpty() || words.stream().anyMatch(w -> w.length() >= TextKey.MIN_INFIX)) {
            return false;
        }
        return sql.count("SELECT COUNT(*) FROM (SELECT 1 FROM contact_word w WHERE w.word_start = TRUE AND w.word >= ? AND w.word < ?"
                + " FETCH FIRST ? ROWS ONLY) k", words.getFirst(), TextKey.prefixEnd(words.getFirst()), WALK_ABOVE + 1) > WALK_ABOVE;
    }

    /**
     * The condition of a {@link #broad} search as one probe per typed word: does this row's
     * contact have a name word starting so (one seek of {@code contact_word_probe} each).
     */
    static void appendProbes(String search, String contactId, StringBuilder where, List<Object> params) {
        for (String word : TextKey.words(search, 1)) {
            where.append(" AND EXISTS (SELECT 1 FROM contact_word w WHERE w.contact_id = ").append(contactId)
                    .append(" AND w.word_start = TRUE AND w.word >= ? AND w.word < ?)");
            params.add(word);
            params.add(TextKey.prefixEnd(word));
        }
    }

    /**
     * The query of the contact ids {@code search} finds (empty when nothing is typed): every typed
     * word (one or two letters, or {@code startsOnly}: at a word start; longer: anywhere inside a
     * name word), or the digits anywhere in the number.
     */
    private static String matches(String search, boolean startsOnly, List<Object> params) {
        List<String> words = TextKey.words(search, 1);
        String digits = TextKey.phoneDigits(search);
        if (words.isEmpty() && digits.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        if (!words.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                names.append(i == 0 ? "" : " INTERSECT ").append(startsOnly || word.length() < TextKey.MIN_INFIX ? WORD_START : NAME_KEY);
                params.add(word);
                params.add(TextKey.prefixEnd(word));
            }
            query.append(names);
        }
        if (!digits.isEmpty()) {
            query.append(words.isEmpty() ? "" : " UNION ").append(PHONE_KEY);
            params.add(digits);
            params.add(TextKey.prefixEnd(digits));
        }
        // A set operation as a derived table: H2 then looks its rows up as one set; written
        // directly inside the IN it took five times as long on the benchmark's cache.
        return words.size() + (digits.isEmpty() ? 0 : 1) > 1 ? "SELECT m.contact_id FROM (" + query + ") m" : query.toString();
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
     * column: {@code contactId} is then written as {@code ?} and the value bound first, so a page
     * after a given row can continue inside the rank it had.
     */
    static String rankOf(String search, String contactId, Long contactIdValue, List<Object> params) {
        List<String> words = TextKey.words(search, 1);
        if (words.stream().noneMatch(w -> w.length() >= TextKey.MIN_INFIX)) {
            return "";
        }
        if (contactIdValue != null) {
            params.add(contactIdValue);
        }
        String column = contactIdValue == null ? contactId : "CAST(? AS BIGINT)";
        return "CASE WHEN " + column + " IN (" + matches(search, true, params) + ") THEN 0 ELSE 1 END";
    }
}
