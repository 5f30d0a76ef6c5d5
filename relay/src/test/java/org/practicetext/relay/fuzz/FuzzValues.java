// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The odd values the fuzz puts into fields: texts just under and just over each limit (in code
 * points and in UTF-16 units), emoji, control and bidi characters, lone surrogates, wrong JSON
 * types, nulls, huge and negative numbers, deep nesting. Each value comes with a short
 * description that names its shape but never its content, for the report.
 */
final class FuzzValues {
    /** A JSON value as text (so it can be anything, even invalid JSON) and what it is. */
    record Val(String json, String what) {
        static Val of(String json, String what) {
            return new Val(json, what);
        }
    }

    /** How a limit is counted. */
    enum Units { CODE_POINTS, UTF16 }

    static final String EMOJI = "😀";
    /** A family: seven code points, eleven UTF-16 units, one character on screen. */
    static final String FAMILY = "👨\u200D👩\u200D👧\u200D👦";
    static final String GSM_EXTENSION = "€[]{}^~|\\";
    static final String BIDI = "\u202E\u2066\u2067\u2068\u2069\u200F\u061C\u202A\u202B\u202C\u202D";
    static final String CONTROLS = "\u0001\u0002\u0007\b\u000B\f\u001B\u007F\u0085\u2028\u2029";
    static final String INVISIBLE = "\u200B\u200C\u200D\uFEFF\u2060\u00AD";

    private FuzzValues() {
    }

    // ---- JSON text ----

    /** A JSON string literal; control characters and lone surrogates become \\u escapes, so the JSON stays valid. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static Val str(String s, String what) {
        return Val.of(quote(s), what);
    }

    static String object(List<String[]> fields) {
        StringBuilder out = new StringBuilder("{");
        for (String[] f : fields) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(f[0])).append(':').append(f[1]);
        }
        return out.append('}').toString();
    }

    // ---- texts ----

    /** A text for a field limited to {@code limit} (counted in {@code units}); sometimes not a string at all. */
    static Val text(Random r, int limit, Units units, List<String> typical) {
        int pick = r.nextInt(100);
        if (pick < 30) {
            return str(typical.get(r.nextInt(typical.size())), "typical text");
        }
        if (pick < 42) {
            return wrongType(r);
        }
        if (pick < 70) {
            return atLimit(r, limit, units);
        }
        return oddText(r);
    }

    /** Texts just under, at and just over a limit, in ASCII, emoji and mixtures that count differently in the two units. */
    static Val atLimit(Random r, int limit, Units units) {
        int emojiLimit = units == Units.UTF16 ? limit / 2 : limit;
        return switch (r.nextInt(12)) {
            case 0 -> str("a".repeat(limit), limit + " ASCII (at the limit)");
            case 1 -> str("a".repeat(limit + 1), (limit + 1) + " ASCII (one over)");
            case 2 -> str("a".repeat(Math.max(0, limit - 1)), (limit - 1) + " ASCII (one under)");
            case 3 -> str(EMOJI.repeat(emojiLimit), emojiLimit + " emoji (at the limit in " + units + ")");
            case 4 -> str(EMOJI.repeat(emojiLimit + 1), (emojiLimit + 1) + " emoji (one over in " + units + ")");
            case 5 -> str(EMOJI.repeat(limit), limit + " emoji (" + 2 * limit + " UTF-16 units)");
            case 6 -> str("a".repeat(Math.max(0, limit - 1)) + EMOJI, (limit - 1) + " ASCII + an emoji (" + limit + " code points, " + (limit + 1) + " units)");
            case 7 -> str(FAMILY.repeat(Math.max(1, limit / 7)), (limit / 7) + " ZWJ families (" + 7 * (limit / 7) + " code points)");
            case 8 -> str(FAMILY.repeat(limit / 7 + 1), (limit / 7 + 1) + " ZWJ families (just over in code points)");
            case 9 -> str(repeatTo(GSM_EXTENSION, limit), limit + " GSM extension characters");
            case 10 -> str(" ".repeat(3) + "a".repeat(limit) + "\u00A0\t ", limit + " ASCII inside whitespace");
            default -> str(("e\u0301").repeat(limit / 2 + 1), (limit / 2 + 1) + " e + combining acute");
        };
    }

    /** Odd texts: controls, bidi overrides, invisibles, lone surrogates, noncharacters, injections, huge. */
    static Val oddText(Random r) {
        return switch (r.nextInt(20)) {
            case 0 -> str("", "empty text");
            case 1 -> str("   \t \u00A0\u2003 ", "only whitespace");
            case 2 -> str("Ann" + CONTROLS + "Lee", "control characters");
            case 3 -> str("Ann\u0000Lee", "a NUL character");
            case 4 -> str("\u202Egnp.exe\u202C Smith" + BIDI, "bidi overrides");
            case 5 -> str("Zo" + INVISIBLE + "ë", "invisible characters");
            case 6 -> str("Bad\uD800surrogate", "a lone high surrogate");
            case 7 -> str("Bad\uDFFFsurrogate", "a lone low surrogate");
            case 8 -> str("\uDE00\uD83D", "a reversed surrogate pair");
            case 9 -> str("\uFFFF\uFFFE\uE000" + new String(Character.toChars(0x10FFFF)), "noncharacters and private use");
            case 10 -> str("'; DROP TABLE contact; -- %_\\", "SQL metacharacters");
            case 11 -> str("<script>alert(1)</script>&amp;", "HTML");
            case 12 -> str("%s%n{0}${jndi:ldap://x}\u0000", "format strings");
            case 13 -> str("x".repeat(100_000), "100000 ASCII");
            case 14 -> str(EMOJI.repeat(60_000), "60000 emoji");
            case 15 -> str("مرحبا שלום 你好 Ελληνικά", "right-to-left and CJK");
            case 16 -> str("１２３ ٣١٢ ۴۵۶", "fullwidth and Arabic-Indic digits");
            case 17 -> str("line one\nline two\r\nline three", "line breaks");
            case 18 -> str("Z̷̢̛̖a̸͇̿l̵̰̈́g̶̣̀o̴͕͝".repeat(20), "stacked combining marks");
            default -> str(" \u0301\u0302\u0303", "combining marks without a base");
        };
    }

    /** Anything but a string: numbers, booleans, containers, null, nested nulls, deep nesting. */
    static Val wrongType(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> Val.of("null", "null");
            case 1 -> Val.of("42", "a number");
            case 2 -> Val.of("-1", "-1");
            case 3 -> Val.of("1e400", "a number beyond double");
            case 4 -> Val.of("99999999999999999999999999999", "a huge integer");
            case 5 -> Val.of("true", "a boolean");
            case 6 -> Val.of("[]", "an empty array");
            case 7 -> Val.of("[null]", "an array holding null");
            case 8 -> Val.of("{}", "an empty object");
            case 9 -> Val.of("{\"a\":null}", "an object holding null");
            case 10 -> Val.of("[\"a\",1,null,{}]", "a mixed array");
            case 11 -> Val.of(nested(r.nextBoolean() ? 50 : 2_000, r.nextBoolean()), "deeply nested containers");
            case 12 -> Val.of("-0", "-0");
            case 13 -> Val.of("0.5", "a fraction");
            case 14 -> Val.of("\"\"", "an empty string");
            default -> Val.of("[[[[[[[[[[null]]]]]]]]]]", "nested arrays around null");
        };
    }

    static String nested(int depth, boolean arrays) {
        return arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "null" + "}".repeat(depth);
    }

    // ---- numbers and ids ----

    /** An entity id: the caller's own, another practice's, or an odd number or non-number. */
    static Val id(Random r, List<Long> own, List<Long> other) {
        int pick = r.nextInt(100);
        if (pick < 40 && !own.isEmpty()) {
            return Val.of(Long.toString(own.get(r.nextInt(own.size()))), "own id");
        }
        if (pick < 60 && !other.isEmpty()) {
            return Val.of(Long.toString(other.get(r.nextInt(other.size()))), "another practice's id");
        }
        return switch (r.nextInt(16)) {
            case 0 -> Val.of("0", "0");
            case 1 -> Val.of("-1", "-1");
            case 2 -> Val.of(Long.toString(Long.MAX_VALUE), "Long.MAX_VALUE");
            case 3 -> Val.of("9223372036854775808", "Long.MAX_VALUE + 1");
            case 4 -> Val.of(Long.toString(Long.MIN_VALUE), "Long.MIN_VALUE");
            case 5 -> Val.of("1e3", "an exponent");
            case 6 -> Val.of("1.0", "1.0");
            case 7 -> Val.of("1.5", "1.5");
            case 8 -> Val.of("\"1\"", "an id as a string");
            case 9 -> Val.of("\"abc\"", "a word");
            case 10 -> Val.of("true", "a boolean");
            case 11 -> Val.of("null", "null");
            case 12 -> Val.of("[1]", "an array");
            case 13 -> Val.of("{\"id\":1}", "an object");
            case 14 -> Val.of("1e400", "a number beyond double");
            default -> Val.of(Integer.toString(1 + r.nextInt(5_000)), "a small number");
        };
    }

    /** A path segment for an id: numbers of all kinds, non-numbers, percent-encoded NUL, unicode. */
    static Val pathId(Random r, List<Long> own, List<Long> other) {
        int pick = r.nextInt(100);
        if (pick < 45 && !own.isEmpty()) {
            return Val.of(Long.toString(own.get(r.nextInt(own.size()))), "own id");
        }
        if (pick < 65 && !other.isEmpty()) {
            return Val.of(Long.toString(other.get(r.nextInt(other.size()))), "another practice's id");
        }
        return switch (r.nextInt(22)) {
            case 0 -> Val.of("0", "0");
            case 1 -> Val.of("-1", "-1");
            case 2 -> Val.of("9223372036854775807", "Long.MAX_VALUE");
            case 3 -> Val.of("9223372036854775808", "Long.MAX_VALUE + 1");
            case 4 -> Val.of("9".repeat(10_000), "10000 digits");
            case 5 -> Val.of("abc", "a word");
            case 6 -> Val.of("%00", "%00");
            case 7 -> Val.of("1%00", "1%00");
            case 8 -> Val.of("%20" + 1, "a leading space");
            case 9 -> Val.of("1%20", "a trailing space");
            case 10 -> Val.of("+1", "+1");
            case 11 -> Val.of("1.0", "1.0");
            case 12 -> Val.of("0x10", "hex");
            case 13 -> Val.of(pct("١٢"), "Arabic-Indic digits");
            case 14 -> Val.of(pct("１"), "a fullwidth digit");
            case 15 -> Val.of(pct(EMOJI), "an emoji");
            case 16 -> Val.of("%ZZ", "a broken percent escape");
            case 17 -> Val.of("%E2%80%AE1", "a bidi override");
            case 18 -> Val.of("%C3%28", "invalid UTF-8");
            case 19 -> Val.of("%2F1", "an encoded slash");
            case 20 -> Val.of("..", "..");
            default -> Val.of("01", "a leading zero");
        };
    }

    /** Percent-encodes every byte of the UTF-8 form. */
    static String pct(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    // ---- phone numbers ----

    /** A typed phone number: valid ones in several spellings, invalid ones of every kind, non-strings. */
    static Val phone(Random r, List<String> pool) {
        int pick = r.nextInt(100);
        if (pick < 40) {
            String e164 = pool.get(r.nextInt(pool.size()));
            return switch (r.nextInt(4)) {
                case 0 -> str(e164, "an E.164 number");
                case 1 -> str("(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8), "a national number");
                case 2 -> str(e164.substring(2, 5) + "." + e164.substring(5, 8) + "." + e164.substring(8), "a dotted number");
                default -> str("  " + e164 + "\u00A0", "a number in whitespace");
            };
        }
        if (pick < 48) {
            return wrongType(r);
        }
        return switch (r.nextInt(24)) {
            case 0 -> str("", "empty");
            case 1 -> str("123", "too short");
            case 2 -> str("+", "a plus");
            case 3 -> str("+1", "a country code");
            case 4 -> str("+999 1234567", "an unknown country code");
            case 5 -> str("(555) 301-0001 ext. 12", "an extension");
            case 6 -> str("call me", "words");
            case 7 -> str("+1555301000100000", "too long");
            case 8 -> str("1".repeat(64), "64 digits");
            case 9 -> str("1".repeat(65), "65 digits");
            case 10 -> str("٥٥٥٣٠١٠٠٠١", "Arabic-Indic digits");
            case 11 -> str("５５５３０１０００１", "fullwidth digits");
            case 12 -> str("555301" + EMOJI + "0001", "an emoji inside");
            case 13 -> str("+1 (555) 301-0001\u0000", "a NUL at the end");
            case 14 -> str("\u202E1000103555", "a bidi override");
            case 15 -> str("+15005550001", "magic number: invalid");
            case 16 -> str("+15005550004", "magic number: opted out with the carrier");
            case 17 -> str("+15005550009", "magic number: landline");
            case 18 -> str("12345", "a short code");
            case 19 -> str("+44 20 7946 0958", "a UK number");
            case 20 -> str("+8613800138000", "a Chinese mobile");
            case 21 -> str("tel:+15553010001", "a tel: URI");
            case 22 -> str("+1 555 301 0001;ext=5", "an RFC 3966 extension");
            default -> str("0015553010001", "an international prefix");
        };
    }

    // ---- media URLs ----

    static Val mediaUrls(Random r) {
        int pick = r.nextInt(100);
        if (pick < 8) {
            return Val.of(pick(r, "[null]", "[\"https://media.example.test/a.jpg\",null]"), "a list holding null");
        }
        if (pick < 25) {
            return wrongType(r);
        }
        int count = switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1, 2 -> 1;
            case 3 -> 10;
            case 4 -> 11;
            default -> 1 + r.nextInt(3);
        };
        List<String> items = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Val v = mediaUrl(r);
            items.add(v.json());
            kinds.add(v.what());
        }
        return Val.of("[" + String.join(",", items) + "]", count + " media [" + String.join("; ", kinds.stream().distinct().toList()) + "]");
    }

    static Val mediaUrl(Random r) {
        return switch (r.nextInt(16)) {
            case 0, 1, 2, 3 -> str("https://media.example.test/p/" + r.nextInt(1000) + ".jpg", "a URL");
            case 4 -> str("https://media.example.test/" + "a".repeat(2000 - 27), "a 2000-character URL");
            case 5 -> str("https://media.example.test/" + "a".repeat(2001 - 27), "a 2001-character URL");
            case 6 -> str("https://media.example.test/" + "a".repeat(8000), "an 8000-character URL");
            case 7 -> Val.of("null", "null");
            case 8 -> str("ftp://media.example.test/a.jpg", "an ftp URL");
            case 9 -> str("javascript:alert(1)", "a javascript: URL");
            case 10 -> str("", "empty");
            case 11 -> Val.of("42", "a number");
            case 12 -> str("https://media.example.test/" + EMOJI.repeat(1000), "an emoji URL");
            case 13 -> str("https://media.example.test/a b\u0000c", "spaces and NUL");
            case 14 -> Val.of("{\"url\":\"https://x.test\"}", "an object");
            default -> str("http://" + "x".repeat(10) + ".test/" + "%41".repeat(700), "a percent-encoded URL");
        };
    }

    // ---- helpers ----

    static String repeatTo(String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.codePointCount(0, out.length()) < length; i++) {
            out.append(alphabet.charAt(i % alphabet.length()));
        }
        return out.toString();
    }

    static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    @SafeVarargs
    static <T> T pick(Random r, T... items) {
        return items[r.nextInt(items.length)];
    }
}
