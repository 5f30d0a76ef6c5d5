// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.stream.Collectors;
import org.practicetext.core.SegmentCount;
import org.practicetext.core.SmsEncoding;

/**
 * The composer's counter in words: "42/160 · 1 segment", "200/306 · 2 segments", and the warning
 * that names the characters which switched the text to Unicode, because one emoji silently
 * halves what a segment holds and doubles what the practice pays.
 */
public final class SegmentCounterText {
    private SegmentCounterText() {
    }

    /** "units/capacity · N segment(s)"; capacity is what the current number of segments holds. */
    public static String counter(SegmentCount count) {
        int segments = Math.max(1, count.segments());
        int capacity = segments == 1 ? count.encoding().singleSegmentLimit() : segments * count.encoding().perSegmentLimit();
        return count.units() + "/" + capacity + " · " + segments + (segments == 1 ? " segment" : " segments");
    }

    /** Empty for GSM-7; otherwise "“😀” switches this text to Unicode: 70 characters per segment". */
    public static String unicodeWarning(SegmentCount count) {
        if (count.encoding() != SmsEncoding.UCS2 || count.unicodeCharacters().isEmpty()) {
            return "";
        }
        List<String> named = count.unicodeCharacters().stream().limit(3).map(SegmentCounterText::quoted).toList();
        String list = named.size() == 1 ? named.getFirst()
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast();
        String more = count.unicodeCharacters().size() > 3 ? " (and " + (count.unicodeCharacters().size() - 3) + " more)" : "";
        String verb = named.size() == 1 && more.isEmpty() ? " switches" : " switch";
        return list + more + verb + " this text to Unicode: " + SmsEncoding.UCS2.singleSegmentLimit() + " characters per segment";
    }

    private static String quoted(String character) {
        String shown = character.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)) || character.codePoints().anyMatch(Character::isISOControl)
                ? character.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" "))
                : character;
        return "“" + shown + "”";
    }
}
