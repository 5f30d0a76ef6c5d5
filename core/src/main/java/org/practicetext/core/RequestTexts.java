// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a request and its link (ADR 0024). Staff edit the text freely; {@link #LINK} marks
 * where the relay puts the tracked link (after the text when they removed it). The desk counts
 * segments with {@link #counted}, a link of the exact length the relay will make, so the counter
 * shows what the patient's phone will get; the default texts fit one segment with a link of up to
 * {@link #ROOM_FOR_LINK} characters.
 */
public final class RequestTexts {
    /** Where the link goes. */
    public static final String LINK = "{link}";
    /** The characters of a token in a tracked link ({@code /l/} + 22). */
    public static final int TOKEN_LENGTH = 22;
    /** A link of this length (a public URL of up to 33 characters) still leaves the default texts in one segment. */
    public static final int ROOM_FOR_LINK = 58;

    private static final Pattern PLACEHOLDER = Pattern.compile(Pattern.quote(LINK), Pattern.CASE_INSENSITIVE);

    private RequestTexts() {
    }

    /** The text the patient gets: the first {@link #LINK} replaced by {@code url}, any other removed; no placeholder: the link after the text. */
    public static String withLink(String body, String url) {
        String text = body == null ? "" : body;
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) {
            String before = text.stripTrailing();
            return before.isEmpty() ? url : before + " " + url;
        }
        String head = text.substring(0, m.start());
        String tail = PLACEHOLDER.matcher(text.substring(m.end())).replaceAll("");
        return head + url + tail;
    }

    /** A link as long as the relay's will be, for counting: {@code linkBase} ends with {@code /l/}. */
    public static String sampleLink(String linkBase) {
        return linkBase + "x".repeat(TOKEN_LENGTH);
    }

    /** The segments the patient's phone will count for this text once the relay put the link in. */
    public static SegmentCount counted(String body, String linkBase) {
        return SmsSegments.count(withLink(body, sampleLink(linkBase)));
    }

    /**
     * The text a tool starts with, in one segment: {@code practice} is the practice's display name,
     * {@code firstName} the patient's (blank for a lead), {@code detail} the amount or the plan's total (may be blank).
     */
    public static String defaultText(RequestKind kind, String practice, String firstName, String detail) {
        String hi = firstName == null || firstName.isBlank() ? "" : "Hi " + firstName.strip() + ", ";
        String from = practice == null || practice.isBlank() ? "" : practice.strip();
        String text = switch (kind) {
            case PAYMENT -> hi + (hi.isEmpty() ? "Your" : "your") + " balance" + (blank(detail) ? "" : " of " + detail.strip()) + (from.isEmpty() ? "" : " at " + from)
                    + " can be paid here: " + LINK;
            case REVIEW -> "Thank you for visiting" + (from.isEmpty() ? " us" : " " + from) + "! Please tell us how we did: " + LINK;
            case FORMS -> hi + (hi.isEmpty() ? "Please" : "please") + " fill in your forms" + (from.isEmpty() ? "" : " for " + from) + " here: " + LINK;
            case TREATMENT_PLAN -> hi + (hi.isEmpty() ? "Your" : "your") + " treatment plan" + (from.isEmpty() ? "" : " from " + from) + " is ready: " + LINK;
        };
        if (SmsSegments.count(text.replace(LINK, "x".repeat(ROOM_FOR_LINK))).segments() > 1 && !hi.isEmpty()) {
            return defaultText(kind, practice, "", detail);
        }
        return text;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Lower-case word for a kind in a sentence: "payment request", "treatment plan". */
    public static String inSentence(RequestKind kind) {
        return kind.label().toLowerCase(Locale.ROOT);
    }
}
