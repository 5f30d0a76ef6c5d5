// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The part of a message shown in a search hit: the text around the first word that matched, cut at word edges. */
final class Snippets {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    private static final int BEFORE = 30;
    private static final int LENGTH = 100;

    private Snippets() {
    }

    static String around(String body, List<String> foldedPrefixes) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        int at = 0;
        Matcher words = WORD.matcher(text);
        search:
        while (words.find()) {
            String folded = TextKey.fold(words.group());
            for (String prefix : foldedPrefixes) {
                if (folded.startsWith(prefix)) {
                    at = words.start();
                    break search;
                }
            }
        }
        int start = Math.max(0, at - BEFORE);
        while (start > 0 && start < at && text.charAt(start - 1) != ' ') {
            start++;
        }
        int end = Math.min(text.length(), start + LENGTH);
        return (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : "");
    }
}
