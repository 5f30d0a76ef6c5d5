// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The search box's matching, shared by the conversation list and the contact picker. Every typed
 * word must be found in the name: a word of one or two letters as the start of a name word, a
 * longer one anywhere inside a name word ("ohns" finds Johnson) — each an index range scan of
 * {@code contact_word}, which holds every suffix of every name word. Or the typed digits must
 * appear anywhere in the phone number (the prefix of one of its suffixes). Contacts whose every
 * typed word starts a name word (or whose number has the digits) rank before those matched
 * only inside a word.
 *
 * <p>Each rank is its own condition ({@link #finds}, {@link #findsInsideOnly}: ONE {@code IN} of
 * ONE subquery, which H2 evaluates once and looks up through the contact id's index), and the
 * list asks for the first rank's page, then the second's if the page is not full: a rank
 * written as a {@code CASE WHEN ... IN (subquery)} in the {@code ORDER BY} cost more than the
 * lookups themselves. A search of one or two letters that starts many names is answered by
 * walking the list instead ({@link #broad}, {@link #appendProbes}).
 */
final class SearchSql {
    private static final String NAME_KEY = "SELECT w.contact_id FROM contact_word w WHERE w.word >= ? AND w.word < ?";
    private static final String WORD_START = "SELECT w.contact_id FROM contact_word w WHERE w.word_start = TRUE AND w.word >= ? AND w.word < ?";
    private static final String PHONE_KEY = "SELECT p.contact_id FROM phone_suffix p WHERE p.suffix >= ? AND p.suffix < ?";

    private SearchSql() {
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

    /** Whether some typed word can match inside a name word: then the list has two ranks (word starts first). */
    static boolean ranked(String search) {
        return TextKey.words(search, 1).stream().anyMatch(w -> w.length() >= TextKey.MIN_INFIX);
    }

    /**
     * The condition that {@code contactId} is a contact {@code search} finds (empty when nothing
     * is typed): with {@code startsOnly} only those of the first rank (every typed word starts a
     * name word, or the number has the digits).
     */
    static String finds(String search, String contactId, boolean startsOnly, List<Object> params) {
        String matches = matches(search, startsOnly, params);
        return matches.isEmpty() ? "" : contactId + " IN (" + matches + ")";
    }

    /** The condition that {@code contactId} is found by {@code search} only inside a word (the second rank). */
    static String findsInsideOnly(String search, String contactId, List<Object> params) {
        String all = matches(search, false, params);
        String starts = matches(search, true, params);
        return contactId + " IN (SELECT m.contact_id FROM (" + all + " EXCEPT " + starts + ") m)";
    }

    /** Whether this contact is of the first rank for {@code search} (the rank a page after its row continues in). */
    static boolean firstRank(Sql sql, String search, long contactId) throws SQLException {
        List<Object> params = new ArrayList<>();
        String starts = matches(search, true, params);
        params.add(contactId);
        return sql.count("SELECT COUNT(*) FROM (" + starts + ") m WHERE m.contact_id = ?", params.toArray()) > 0;
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
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            query.append(i == 0 ? "" : " INTERSECT ").append(startsOnly || word.length() < TextKey.MIN_INFIX ? WORD_START : NAME_KEY);
            params.add(word);
            params.add(TextKey.prefixEnd(word));
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
}
