// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The search box's matching, shared by the conversation list and the contact picker. Every typed
 * word must be found in the name: a word of one or two letters as the start of a name word, a
 * longer one anywhere inside a name word ("ohns" finds Johnson) — each an index range scan of
 * {@code contact_word}, which holds every suffix of every name word. Or the typed digits must
 * appear anywhere in the phone number (the prefix of one of its suffixes). Contacts whose every
 * typed word starts a name word (or whose number has the digits) rank before those matched
 * only inside a word.
 *
 * <p>The matched contacts are read first ({@link #matches}: one range scan per typed word, the
 * sets intersected in memory), and the list then asks for the conversations of each rank's ids
 * ({@code = ANY(?)}, an index lookup per id): H2 evaluated a rank written as {@code CASE WHEN
 * ... IN (subquery)} once per matching row, five times the cost of the lookups themselves. A
 * search of one or two letters that starts many names is answered by walking the list instead
 * ({@link #broad}, {@link #appendProbes}).
 */
final class SearchSql {

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

    /**
     * The contacts a search finds: {@code all} of them, and those of the first rank ({@code
     * wordStarts}: every typed word starts a name word, or the number has the digits; a subset
     * of {@code all}). {@code ranked} is false when no typed word can match inside a word (then
     * the two are the same and the list has one rank).
     */
    record Matches(Set<Long> all, Set<Long> wordStarts, boolean ranked) {
        /** The contacts of the second rank: matched only inside a word. */
        Set<Long> insideOnly() {
            Set<Long> inside = new HashSet<>(all);
            inside.removeAll(wordStarts);
            return inside;
        }

        /** The rank of a contact's row in the list (0 first). */
        int rankOf(long contactId) {
            return !ranked || wordStarts.contains(contactId) ? 0 : 1;
        }
    }

    /**
     * What {@code search} finds, or null when nothing is typed: one range scan of {@code
     * contact_word} per typed word (of 3+ letters every key, each marked whether it starts a
     * word; of one or two only the word starts), one of {@code phone_suffix} for the digits.
     */
    static Matches matches(Sql sql, String search) throws SQLException {
        List<String> words = TextKey.words(search, 1);
        String digits = TextKey.phoneDigits(search);
        if (words.isEmpty() && digits.isEmpty()) {
            return null;
        }
        Set<Long> all = null;
        Set<Long> starts = null;
        boolean ranked = false;
        for (String word : words) {
            Set<Long> wordAll = new HashSet<>();
            Set<Long> wordStarts = new HashSet<>();
            if (word.length() < TextKey.MIN_INFIX) {
                sql.query("SELECT w.contact_id FROM contact_word w WHERE w.word_start = TRUE AND w.word >= ? AND w.word < ?",
                        rs -> wordStarts.add(rs.getLong(1)), word, TextKey.prefixEnd(word));
                wordAll.addAll(wordStarts);
            } else {
                ranked = true;
                sql.query("SELECT w.contact_id, w.word_start FROM contact_word w WHERE w.word >= ? AND w.word < ?", rs -> {
                    wordAll.add(rs.getLong(1));
                    return rs.getBoolean(2) && wordStarts.add(rs.getLong(1));
                }, word, TextKey.prefixEnd(word));
            }
            all = intersect(all, wordAll);
            starts = intersect(starts, wordStarts);
        }
        all = all == null ? new HashSet<>() : all;
        starts = starts == null ? new HashSet<>() : starts;
        if (!digits.isEmpty()) {
            Set<Long> phones = new HashSet<>();
            sql.query("SELECT p.contact_id FROM phone_suffix p WHERE p.suffix >= ? AND p.suffix < ?", rs -> phones.add(rs.getLong(1)),
                    digits, TextKey.prefixEnd(digits));
            all.addAll(phones);
            starts.addAll(phones);
        }
        return new Matches(all, starts, ranked);
    }

    private static Set<Long> intersect(Set<Long> so, Set<Long> more) {
        if (so == null) {
            return more;
        }
        so.retainAll(more);
        return so;
    }
}
