// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.practicetext.core.PhoneNumbers;

/**
 * How text is folded for search, the same way when it is stored and when it is typed: lower
 * case, accents removed ("José" and "jose" are one word), split on anything that is not a letter
 * or digit. Words are cut to {@link #MAX_WORD} characters so a prefix of a long word still finds it.
 * Names are also found from inside a word ({@link #nameKeys}); message text by word prefix only.
 */
public final class TextKey {
    public static final int MAX_WORD = 40;
    /** The shortest typed fragment that is matched inside a word; shorter ones match word starts only. */
    public static final int MIN_INFIX = 3;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PHONE_TEXT = Pattern.compile("[\\d\\s()+.\\-]+");

    private TextKey() {
    }

    /** Lower case without accents; ligatures and widths unified (NFKD). */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("æ", "ae").replace("œ", "oe");
    }

    /** The distinct folded words of {@code text} that are at least {@code minLength} long, in order of appearance. */
    public static List<String> words(String text, int minLength) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(fold(text))) {
            if (word.length() >= minLength) {
                words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
            }
        }
        return List.copyOf(words);
    }

    /**
     * The search keys of a name, each with whether it starts a word: every folded word (for
     * prefix search) and every suffix of {@link #MIN_INFIX} or more characters inside a word (a
     * fragment typed from the middle, "ohns" of "johnson", is the prefix of one). A key that is
     * both counts as a word start.
     */
    public static java.util.Map<String, Boolean> nameKeys(String name) {
        java.util.Map<String, Boolean> keys = new java.util.LinkedHashMap<>();
        for (String word : words(name, 1)) {
            keys.put(word, true);
        }
        for (String word : words(name, MIN_INFIX + 1)) {
            for (int i = 1; i + MIN_INFIX <= word.length(); i++) {
                keys.putIfAbsent(word.substring(i), false);
            }
        }
        return keys;
    }

    /** Every suffix of the phone's digits, E.164 and national: a digit fragment typed anywhere in the number is a prefix of one. */
    public static java.util.Set<String> phoneSuffixes(String e164, String display) {
        java.util.Set<String> suffixes = new LinkedHashSet<>();
        for (String digits : List.of(PhoneNumbers.digitsKey(e164), PhoneNumbers.digitsKey(display))) {
            String capped = digits.length() > 20 ? digits.substring(digits.length() - 20) : digits;
            for (int i = 0; i < capped.length(); i++) {
                suffixes.add(capped.substring(i));
            }
        }
        return suffixes;
    }

    /** The digits of a search that looks like a phone number ("555-12", "(555) 123"), or empty. */
    public static String phoneDigits(String search) {
        if (search == null || !PHONE_TEXT.matcher(search.strip()).matches()) {
            return "";
        }
        return PhoneNumbers.digitsKey(search);
    }

    /** The exclusive upper bound of all words starting with {@code prefix}, for an index range scan. */
    public static String prefixEnd(String prefix) {
        return prefix + Character.MAX_VALUE;
    }
}
