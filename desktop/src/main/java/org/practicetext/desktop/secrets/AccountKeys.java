// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The accounts' cache keys: each in the {@link SecretStore} as {@code <account>.cache-key}, and a
 * copy wrapped with a key derived from the person's password ({@link PasswordKeys}, AES-GCM) in
 * the secrets folder as {@code <account>.wrapped-key}, beside the token and never in a cache
 * folder. The wrapped copy is what recovers the cache when the secret store lost the key (a new
 * Windows profile, a reset keychain): the next sign-in unwraps it with the password (ADR 0026).
 *
 * <p>The wrapped file is one line, {@code v1$<iterations>$<salt>$<nonce>$<sealed key>} (Base64),
 * the account's key name as associated data, so a copy cannot be swapped between accounts.
 */
public final class AccountKeys {
    static final String WRAPPED = ".wrapped-key";
    private static final String STORED = ".cache-key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecretStore store;
    private final Path folder;
    private final int iterations;

    public AccountKeys(SecretStore store, Path secretsFolder) {
        this(store, secretsFolder, PasswordKeys.ITERATIONS);
    }

    /** {@code iterations}: the rounds of a newly wrapped copy (a test may take fewer; a copy names its own). */
    public AccountKeys(SecretStore store, Path secretsFolder, int iterations) {
        this.store = store;
        this.folder = secretsFolder;
        this.iterations = iterations;
    }

    public SecretStore store() {
        return store;
    }

    /** The key the secret store keeps for {@code account}; empty when it has none (or not a key). */
    public Optional<AccountKey> stored(String account) {
        return store.read(account + STORED).filter(b -> b.length == AccountKey.BYTES).map(AccountKey::new);
    }

    public void keep(String account, AccountKey key) {
        store.write(account + STORED, key.bytes());
    }

    public Path wrappedFile(String account) {
        return folder.resolve(SecretStore.checkName(account) + WRAPPED);
    }

    public boolean hasWrapped(String account) {
        return Files.isRegularFile(wrappedFile(account));
    }

    /** Writes the copy of {@code key} wrapped with {@code password} (at sign-in, and when the password changes on this desk). */
    public void wrap(String account, AccountKey key, char[] password) {
        byte[] salt = PasswordKeys.salt();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] sealed = seal(Cipher.ENCRYPT_MODE, PasswordKeys.derive(password, salt, iterations), nonce, account, key.bytes());
        String line = "v1$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(nonce) + "$" + B64.encodeToString(sealed) + "\n";
        OwnerOnly.write(folder, wrappedFile(account), line.getBytes(StandardCharsets.US_ASCII));
    }

    /** The key unwrapped with {@code password}; empty when there is no copy, or the password is not the one it was wrapped with. */
    public Optional<AccountKey> unwrap(String account, char[] password) {
        String line;
        try {
            line = Files.readString(wrappedFile(account), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + wrappedFile(account), e);
        }
        String[] parts = line.split("\\$");
        if (parts.length != 5 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            if (rounds <= 0) {
                return Optional.empty();
            }
            byte[] wrapping = PasswordKeys.derive(password, B64D.decode(parts[2]), rounds);
            byte[] key = seal(Cipher.DECRYPT_MODE, wrapping, B64D.decode(parts[3]), account, B64D.decode(parts[4]));
            return key == null || key.length != AccountKey.BYTES ? Optional.empty() : Optional.of(new AccountKey(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Forgets the account's key and its wrapped copy (sign-out with the workstation's copy removed). */
    public void forget(String account) {
        store.delete(account + STORED);
        try {
            Files.deleteIfExists(wrappedFile(account));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + wrappedFile(account), e);
        }
    }

    /** AES-GCM with {@code key}; null when a sealed value does not open (a wrong password). */
    private static byte[] seal(int mode, byte[] key, byte[] nonce, String account, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ByteBuffer.wrap(account.getBytes(StandardCharsets.UTF_8)));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.DECRYPT_MODE) {
                return null;
            }
            throw new IllegalStateException("AES-GCM is missing from this runtime", e);
        }
    }
}
