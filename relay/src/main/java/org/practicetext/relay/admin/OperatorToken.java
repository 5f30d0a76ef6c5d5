// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The operator's secret ({@code PT_OPERATOR_TOKEN}). Only its SHA-256 is kept, and a presented
 * token is compared by its digest with {@link MessageDigest#isEqual}, so the comparison takes the
 * same time however much of the token matches and whatever its length.
 */
public final class OperatorToken {
    /** Shorter tokens are refused at start: a guessable operator token opens every practice. */
    public static final int MIN_LENGTH = 32;

    private final byte[] digest;

    private OperatorToken(String token) {
        this.digest = sha256(token);
    }

    /** The configured token, or empty when the operator API is off (not set or blank). */
    public static Optional<OperatorToken> parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        String token = configured.strip();
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("PT_OPERATOR_TOKEN must be at least " + MIN_LENGTH
                    + " characters (e.g. the output of: openssl rand -hex 32), or unset to turn the operator API off.");
        }
        return Optional.of(new OperatorToken(token));
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "OperatorToken[secret]";
    }
}
