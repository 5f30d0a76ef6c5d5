// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.stream.Collectors;
import org.practicetext.core.RequestTexts;
import org.practicetext.core.SegmentCount;
import org.practicetext.core.SmsEncoding;
import org.practicetext.core.SmsSegments;

/**
 * The composer's counter in a receptionist's words: "42 characters", "179 characters · 3 texts",
 * "150 characters · 10 left in this text" near the end of a text, and "· emoji make it 2 texts"
 * when characters outside the plain SMS alphabet are what pushed the count up, because one emoji
 * silently halves what a text holds and doubles what the practice pays. "Text" here is what the
 * carrier bills as one SMS segment.
 */
public final class SegmentCounterText {
    /** From this many characters left, the counter says how many are left in the current text. */
    static final int NEAR_THE_END = 10;

    /**
     * What the relay's secure link adds to the text: "\n" and a link such as
     * {@code https://relay.example-dental.com/l/} and a 22-character token. The desk does not know
     * the relay's public address, so it counts a realistic 45.
     */
    static final int LINK_LENGTH = 45;

    private SegmentCounterText() {
    }

    /**
     * The counter with files attached. Photos that go in the MMS make it an MMS ("MMS · 2 photos"),
     * which is not counted in texts; documents add the secure link to the text ("+ secure link"),
     * counted with it — or, with no text typed, the line the relay writes ("Bright Smile Dental sent
     * you a document: …").
     */
    public static String counter(String body, int mmsPhotos, int linked, String practiceName) {
        String typed = body == null ? "" : body;
        if (mmsPhotos == 0 && linked == 0) {
            return counter(typed);
        }
        int characters = typed.codePointCount(0, typed.length());
        String chars = typed.isBlank() ? "" : characters + (characters == 1 ? " character" : " characters");
        String link = linked == 0 ? "" : "secure link";
        if (mmsPhotos > 0) {
            String photos = "MMS · " + mmsPhotos + (mmsPhotos == 1 ? " photo" : " photos") + (link.isEmpty() ? "" : " + " + link);
            return chars.isEmpty() ? photos : chars + " · " + photos;
        }
        String sent = typed.isBlank()
                ? (practiceName == null ? "" : practiceName) + " sent you " + (linked == 1 ? "a document" : linked + " documents") + ": "
                : typed.stripTrailing() + "\n";
        int texts = Math.max(1, SmsSegments.count(sent + "x".repeat(LINK_LENGTH)).segments());
        String withLink = chars.isEmpty() ? "Secure link" : chars + " + secure link";
        return withLink + " · " + texts + (texts == 1 ? " text" : " texts");
    }

    /**
     * The counter of a request's text (ADR 0024): counted as the patient's phone will get it, with
     * the link the relay puts where {@code {link}} is (or after the text), a link exactly as long
     * as the relay's ({@code linkBase} + token), and its share said: "112 characters · includes a
     * 50-character link".
     */
    public static String requestCounter(String body, String linkBase) {
        String link = RequestTexts.sampleLink(linkBase == null ? "" : linkBase);
        String sent = RequestTexts.withLink(body == null ? "" : body, link);
        return counter(sent) + " · includes a " + link.length() + "-character link";
    }

    /** Characters typed (an emoji is one, as the person sees it), then the texts it takes when more than one, the room left near the end of a text, and why the count jumped. */
    public static String counter(String body) {
        String typed = body == null ? "" : body;
        SegmentCount count = SmsSegments.count(typed);
        int characters = typed.codePointCount(0, typed.length());
        StringBuilder text = new StringBuilder().append(characters).append(characters == 1 ? " character" : " characters");
        int texts = Math.max(1, count.segments());
        if (texts > plainTexts(count.units())) {
            text.append(" · ").append(culprit(count)).append(" it ").append(texts).append(" texts");
        } else if (texts > 1) {
            text.append(" · ").append(texts).append(" texts");
        }
        if (count.units() > 0 && count.remainingInSegment() <= NEAR_THE_END) {
            text.append(count.remainingInSegment() == 0 ? " · this text is full" : " · " + count.remainingInSegment() + " left in this text");
        }
        return text.toString();
    }

    /** Empty for GSM-7; otherwise "“😀” switches this text to Unicode: 70 characters per text". */
    public static String unicodeWarning(SegmentCount count) {
        if (count.encoding() != SmsEncoding.UCS2 || count.unicodeCharacters().isEmpty()) {
            return "";
        }
        List<String> named = count.unicodeCharacters().stream().limit(3).map(SegmentCounterText::quoted).toList();
        String list = named.size() == 1 ? named.getFirst()
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast();
        String more = count.unicodeCharacters().size() > 3 ? " (and " + (count.unicodeCharacters().size() - 3) + " more)" : "";
        String verb = named.size() == 1 && more.isEmpty() ? " switches" : " switch";
        return list + more + verb + " this text to Unicode: " + SmsEncoding.UCS2.singleSegmentLimit() + " characters per text";
    }

    /** The texts the same length would take in the plain SMS alphabet: more than that means Unicode made it longer. */
    private static int plainTexts(int units) {
        SmsEncoding gsm = SmsEncoding.GSM7;
        if (units <= gsm.singleSegmentLimit()) {
            return 1;
        }
        return (units + gsm.perSegmentLimit() - 1) / gsm.perSegmentLimit();
    }

    /** "emoji make", "the emoji makes", "“á” makes", "special characters make". */
    private static String culprit(SegmentCount count) {
        List<String> unicode = count.unicodeCharacters();
        boolean allEmoji = unicode.stream().allMatch(c -> c.codePoints().allMatch(cp -> Character.isEmoji(cp) || Character.isEmojiComponent(cp)));
        if (allEmoji) {
            return unicode.size() == 1 ? "the emoji makes" : "emoji make";
        }
        return unicode.size() == 1 ? quoted(unicode.getFirst()) + " makes" : "special characters make";
    }

    private static String quoted(String character) {
        String shown = character.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)) || character.codePoints().anyMatch(Character::isISOControl)
                ? character.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" "))
                : character;
        return "“" + shown + "”";
    }
}
