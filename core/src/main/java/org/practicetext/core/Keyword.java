// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Locale;
import java.util.Set;

/**
 * The carrier keywords a patient can text. Only a single word counts ("Stop" does, "Stop please"
 * does not), in any case, with surrounding whitespace and trailing punctuation ignored.
 */
public enum Keyword {
    OPT_OUT, OPT_IN, HELP, NONE;

    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    /** Classifies a body, trusting Twilio's {@code OptOutType} (STOP/START/HELP) when it is present. */
    public static Keyword of(String body, String optOutType) {
        if (optOutType != null && !optOutType.isBlank()) {
            switch (optOutType.strip().toUpperCase(Locale.ROOT)) {
                case "STOP" -> {
                    return OPT_OUT;
                }
                case "START" -> {
                    return OPT_IN;
                }
                case "HELP" -> {
                    return HELP;
                }
                default -> {
                }
            }
        }
        return of(body);
    }

    public static Keyword of(String body) {
        if (body == null) {
            return NONE;
        }
        // strip() leaves no-break spaces, which some phones insert; treat every Unicode space alike.
        String word = body.replaceAll("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$", "").replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
        if (OPT_OUT_WORDS.contains(word)) {
            return OPT_OUT;
        }
        if (OPT_IN_WORDS.contains(word)) {
            return OPT_IN;
        }
        if (HELP_WORDS.contains(word)) {
            return HELP;
        }
        return NONE;
    }
}
