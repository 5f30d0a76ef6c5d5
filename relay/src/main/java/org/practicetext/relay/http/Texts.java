// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import org.practicetext.relay.refusal.Refusal;

/**
 * The rules every text a person typed follows before the relay stores it.
 *
 * <p><b>Length</b> is counted in Unicode code points, the way people count characters (an emoji
 * is one). A column holds a limit of N in {@code VARCHAR(2N)}, because a code point takes at
 * most two UTF-16 units, which is what H2 and PostgreSQL count.
 *
 * <p><b>Characters.</b> No text may hold half of a surrogate pair (it is not Unicode, and
 * storage turns it into "?") or a control character other than tab, line feed and carriage
 * return (PostgreSQL refuses U+0000; the rest are invisible garbage). A one-line text (a name,
 * an id) may hold no control character at all, nor the invisible controls that override the
 * direction of the text around them (U+202A–U+202E, U+2066–U+2069), which would let a name
 * display as something else in every list it appears in.
 */
public final class Texts {
    private Texts() {
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A multi-line text (a message or template body) of at most {@code max} characters; answers it unchanged. */
    public static String text(String field, String value, int max) {
        return checked(field, value, max, false);
    }

    /** A one-line text (a name, an id) of at most {@code max} characters; answers it unchanged. */
    public static String line(String field, String value, int max) {
        return checked(field, value, max, true);
    }

    /** What is wrong with the characters of {@code value}, as the end of a sentence that starts with its field's name; null when nothing is. */
    public static String flaw(String value, boolean oneLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode: it holds half of a surrogate pair (" + hex(c) + ")";
            } else if (isControl(c, oneLine)) {
                return "holds a control character (" + hex(c) + "); remove it";
            } else if (oneLine && isDirectionControl(c)) {
                return "holds an invisible character that changes the direction of the text (" + hex(c) + "); remove it";
            }
        }
        return null;
    }

    private static String checked(String field, String value, int max, boolean oneLine) {
        if (value == null) {
            return null;
        }
        int length = length(value);
        if (length > max) {
            throw Refusal.invalid(field + " is " + length + " characters; at most " + max + " are accepted.");
        }
        String flaw = flaw(value, oneLine);
        if (flaw != null) {
            throw Refusal.invalid(field + " " + flaw + ".");
        }
        return value;
    }

    private static boolean isControl(char c, boolean oneLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return oneLine;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isDirectionControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String hex(char c) {
        return String.format("U+%04X", (int) c);
    }
}
