// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Keys and verifiers made from something a person types (a password, a lock-screen PIN), with
 * PBKDF2-HMAC-SHA256 from the JDK: a random salt per secret and {@link #ITERATIONS} rounds, so a
 * copied file does not give the secret away cheaply (ADR 0026). The typed characters are never
 * kept; callers clear their arrays.
 */
public final class PasswordKeys {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    public static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private PasswordKeys() {
    }

    public static byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** 32 bytes derived from {@code secret} with {@code salt} and {@code iterations} rounds. */
    public static byte[] derive(char[] secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A self-describing verifier of {@code secret}: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. */
    public static String verifier(char[] secret) {
        byte[] salt = salt();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(derive(secret, salt, ITERATIONS));
    }

    /** Whether {@code secret} is what {@code verifier} was made from (constant time); false for a malformed verifier. */
    public static boolean matches(char[] secret, String verifier) {
        String[] parts = verifier == null ? new String[0] : verifier.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] expected = B64D.decode(parts[3]);
            return iterations > 0 && MessageDigest.isEqual(expected, derive(secret, B64D.decode(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
