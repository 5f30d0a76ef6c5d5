// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Chooses the desk's {@link SecretStore}, once per data folder and process: the operating
 * system's store when it answers a probe within {@link #PROBE_TIMEOUT} (on a bare Linux the
 * Secret Service may be missing, throw or never answer), else the {@link FileSecretStore}
 * fallback. {@code PT_SECRET_STORE=keyring|file} chooses without probing (tests and CI use
 * {@code file}). When the fallback is used because nothing answered, {@link Choice#notice} says
 * so once per data folder, and a marker in the secrets folder ({@value #NOTICED}) keeps the
 * fallback for the later starts without probing again (no wait at each start on a bare Linux).
 * Deleting the marker probes again; a key the fallback held is then recovered at the next
 * sign-in from its password-wrapped copy, into the store that answered.
 */
public final class SecretStores {
    public static final String ENV = "PT_SECRET_STORE";
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    static final String NOTICED = "fallback-noticed";
    static final String NOTICE = "This computer has no secret store PracticeText can use, so the key that encrypts this workstation's copy of "
            + "the practice's messages is kept in an unprotected key file in your user folder. It keeps out other users of this computer, "
            + "not someone who copies your whole user folder.";

    private static final Map<Path, Choice> CHOSEN = new ConcurrentHashMap<>();

    /** The store chosen, and the one-time notice that the fallback is in use (empty once said, or when not the fallback's). */
    public record Choice(SecretStore store, Optional<String> notice) {
    }

    private SecretStores() {
    }

    /** The store for {@code secretsFolder}, chosen from the environment's {@value #ENV} (the first call per folder chooses). */
    public static Choice forFolder(Path secretsFolder) {
        return CHOSEN.computeIfAbsent(secretsFolder.toAbsolutePath().normalize(),
                folder -> choose(folder, System.getenv(ENV), SecretStores::keyring, PROBE_TIMEOUT));
    }

    /**
     * At exit: closes the operating-system stores chosen so far (their D-Bus connection's threads
     * would keep the process alive after its window closed); a later {@link #forFolder} chooses again.
     */
    public static void closeAll() {
        for (Choice choice : CHOSEN.values()) {
            if (choice.store() instanceof KeyringSecretStore keyring) {
                keyring.close();
            }
        }
        CHOSEN.clear();
    }

    /**
     * The choice for {@code wanted} ({@code keyring}, {@code file}, or null/blank to probe): {@code keyring} never falls
     * back (it fails when the store cannot be made), a probe that fails or takes longer than {@code timeout} does.
     */
    static Choice choose(Path folder, String wanted, Supplier<SecretStore> keyring, Duration timeout) {
        String mode = wanted == null ? "" : wanted.strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "file":
                return new Choice(new FileSecretStore(folder), Optional.empty());
            case "keyring":
                return new Choice(keyring.get(), Optional.empty());
            case "":
                break;
            default:
                throw new IllegalArgumentException(ENV + " must be keyring or file, not " + wanted);
        }
        if (Files.exists(folder.resolve(NOTICED))) {
            return new Choice(new FileSecretStore(folder), Optional.empty()); // chosen at an earlier start, and said then
        }
        Optional<SecretStore> answered = probe(keyring, timeout);
        if (answered.isPresent()) {
            return new Choice(answered.get(), Optional.empty());
        }
        return new Choice(new FileSecretStore(folder), firstTime(folder));
    }

    /** The store if it was made and answered a read within {@code timeout}; the probe's thread is a daemon, left behind if it hangs. */
    static Optional<SecretStore> probe(Supplier<SecretStore> keyring, Duration timeout) {
        FutureTask<SecretStore> task = new FutureTask<>(() -> {
            SecretStore store = keyring.get();
            store.read("probe");
            return store;
        });
        Thread thread = new Thread(task, "secret-store-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.of(task.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException | RuntimeException | LinkageError e) {
            task.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> firstTime(Path folder) {
        Path marker = folder.resolve(NOTICED);
        if (Files.exists(marker)) {
            return Optional.empty();
        }
        try {
            OwnerOnly.folder(folder);
            Files.writeString(marker, "No secret store answered: the unprotected key file is used (ADR 0026). Delete this file to look again.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write in " + folder, e);
        }
        return Optional.of(NOTICE);
    }

    static SecretStore keyring() {
        try {
            return KeyringSecretStore.create();
        } catch (com.github.javakeyring.BackendNotSupportedException e) {
            throw new IllegalStateException("no operating-system secret store: " + e.getMessage(), e);
        }
    }
}
