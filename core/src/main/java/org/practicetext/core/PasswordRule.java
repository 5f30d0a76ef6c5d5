// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a team member's own password must be. The relay refuses a password that breaks it (400
 * with {@link #RULE}) and the desktop shows the same flaw as it is typed, so both say one thing.
 * Length is what protects a password (NIST SP 800-63B): at least 10 characters, at most 128,
 * not the username, not a run of one character, not a well-known password. No composition
 * rules (a digit, a capital), which make passwords harder to remember, not to guess.
 */
public final class PasswordRule {
    public static final int MIN = 10;
    public static final int MAX = 128;
    /** The rule in one sentence, as staff read it. */
    public static final String RULE = "A password must be " + MIN + " to " + MAX
            + " characters, not your username, not one character repeated and not a well-known password.";

    private static final Set<String> WELL_KNOWN = Set.of("1234567890", "0123456789", "12345678910", "password12", "password123",
            "password1234", "qwertyuiop", "1qaz2wsx3edc", "iloveyou12", "letmein123", "welcome123", "welcome1234", "changeme12",
            "changeme123", "administrator", "passw0rd12", "abcdefghij", "abc1234567", "qwerty1234", "asdfghjkl1", "dentist123",
            "frontdesk1", "frontdesk123");

    private PasswordRule() {
    }

    /** What is wrong with {@code password} for {@code username}, or empty when it may be used. */
    public static Optional<String> flaw(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return Optional.of("The password must be at least " + MIN + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX) {
            return Optional.of("The password must be at most " + MAX + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        if (password.codePoints().distinct().count() < 3) {
            return Optional.of("The password must not be one or two characters repeated.");
        }
        if (WELL_KNOWN.contains(lower)) {
            return Optional.of("That password is one of the first an attacker tries; choose another.");
        }
        return Optional.empty();
    }
}
