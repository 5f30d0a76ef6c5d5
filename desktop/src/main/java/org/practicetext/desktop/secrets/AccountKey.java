// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An account's random 256-bit key (kept by the {@link SecretStore}, ADR 0026), and the keys made
 * from it for each use with HMAC-SHA256 over a label: the H2 cache's file password and the
 * {@link FileCipher} of the attachments and outbox files. {@code toString} hides it.
 */
public final class AccountKey {
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public AccountKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("an account key has " + BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    public static AccountKey random() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return new AccountKey(key);
    }

    public byte[] bytes() {
        return key.clone();
    }

    /** H2's file password for {@code CIPHER=AES} (hex: it must hold no space). */
    public char[] cachePassword() {
        return HexFormat.of().formatHex(derive("practicetext cache file v1")).toCharArray();
    }

    /** The cipher of the files beside the cache (attachments, outbox copies). */
    public FileCipher files() {
        return new FileCipher(derive("practicetext files v1"));
    }

    private byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "AccountKey[<hidden>]";
    }
}
