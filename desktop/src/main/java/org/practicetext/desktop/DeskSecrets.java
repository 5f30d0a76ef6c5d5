// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.practicetext.desktop.auth.FileTokenStore;
import org.practicetext.desktop.auth.SecretTokenStore;
import org.practicetext.desktop.auth.TokenStore;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.CacheEncryption;
import org.practicetext.desktop.cache.CacheKeyException;
import org.practicetext.desktop.secrets.AccountKey;
import org.practicetext.desktop.secrets.AccountKeys;
import org.practicetext.desktop.secrets.SecretStore;
import org.practicetext.desktop.secrets.SecretStores;

/**
 * The secrets of one data folder (ADR 0026): the chosen {@link SecretStore}, the accounts' cache
 * keys with their password-wrapped copies, and the sign-in tokens; and how an account's cache is
 * opened with them — at a sign-in, when the key is missing, recovered with the password or, when
 * that fails too, rebuilt from the relay with the unreadable files kept aside and the person told.
 * One per data folder and process, so the store is probed once.
 */
public final class DeskSecrets {
    private static final Map<Path, DeskSecrets> OPEN = new ConcurrentHashMap<>();

    static final String RECOVERED = "This workstation had lost the key to its copy of the practice's messages (a new Windows profile or a reset "
            + "keychain). It was recovered with your password: nothing was lost.";

    private final Path dataRoot;
    private final SecretStore store;
    private final AccountKeys keys;
    private final Path secretsFolder;
    /** Made on first use: its JSON (Jackson) is not needed to read a snapshot's key before the first paint (ADR 0021). */
    private volatile TokenStore tokens;
    private final AtomicReference<String> fallbackNotice;

    DeskSecrets(Path dataRoot, SecretStores.Choice choice) {
        this.dataRoot = dataRoot;
        this.store = choice.store();
        Path folder = DataFolders.secretsFolder(dataRoot);
        this.keys = new AccountKeys(store, folder);
        this.secretsFolder = folder;
        this.fallbackNotice = new AtomicReference<>(choice.notice().orElse(null));
    }

    /** The secrets of {@code dataRoot}, its store chosen on the first call ({@link SecretStores#forFolder}). */
    public static DeskSecrets of(Path dataRoot) {
        return OPEN.computeIfAbsent(dataRoot.toAbsolutePath().normalize(),
                root -> new DeskSecrets(root, SecretStores.forFolder(DataFolders.secretsFolder(root))));
    }

    public SecretStore store() {
        return store;
    }

    public AccountKeys keys() {
        return keys;
    }

    public TokenStore tokens() {
        TokenStore made = tokens;
        if (made == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new SecretTokenStore(store, new FileTokenStore(secretsFolder));
                }
                made = tokens;
            }
        }
        return made;
    }

    /** The one-time notice that the unprotected fallback is in use; empty after the first call. */
    Optional<String> takeFallbackNotice() {
        return Optional.ofNullable(fallbackNotice.getAndSet(null));
    }

    /** An opened cache, its key, and what the person should be told about it. */
    record Opened(CacheDatabase db, AccountKey key, List<String> notices) {
    }

    /**
     * Opens the account's cache at a sign-in with {@code password}: with the stored key; else with the key unwrapped from the
     * password's copy (and keeps it again); else, for a cache no key opens, sets it aside and starts a new one the relay fills.
     * A plain cache is converted, and the password's copy of the key is written again.
     */
    Opened openAtSignIn(Account account, char[] password, Clock clock) {
        String name = account.key();
        Path folder = DataFolders.cacheFolder(dataRoot, account);
        List<String> notices = new ArrayList<>();
        takeFallbackNotice().ifPresent(notices::add);
        AccountKey key = keys.stored(name).orElse(null);
        CacheDatabase db = key == null ? null : openOrNull(folder, key);
        if (db == null && CacheEncryption.encryptedCache(folder)) {
            Optional<AccountKey> unwrapped = keys.unwrap(name, password);
            db = unwrapped.map(k -> openOrNull(folder, k)).orElse(null);
            if (db != null) {
                key = unwrapped.get();
                keys.keep(name, key);
                notices.add(RECOVERED);
            } else {
                Path aside = CacheEncryption.setAside(folder, clock.instant());
                notices.add(lost(aside));
            }
        }
        if (db == null) {
            key = AccountKey.random();
            keys.keep(name, key);
            db = CacheDatabase.open(folder, key);
        }
        keys.wrap(name, key, password);
        return new Opened(db, key, notices);
    }

    /**
     * Opens the account's cache without a password (resuming): empty when the store has no key for an encrypted cache or its key
     * does not open it (the sign-in screen recovers it). A plain cache gets a new key and is converted.
     */
    Optional<Opened> openToResume(Account account) {
        String name = account.key();
        Path folder = DataFolders.cacheFolder(dataRoot, account);
        Optional<AccountKey> stored = keys.stored(name);
        if (stored.isEmpty() && CacheEncryption.encryptedCache(folder)) {
            return Optional.empty();
        }
        AccountKey key = stored.orElseGet(() -> {
            AccountKey made = AccountKey.random();
            keys.keep(name, made);
            return made;
        });
        CacheDatabase db = openOrNull(folder, key);
        if (db == null) {
            return Optional.empty();
        }
        List<String> notices = new ArrayList<>();
        takeFallbackNotice().ifPresent(notices::add);
        return Optional.of(new Opened(db, key, notices));
    }

    /** Forgets everything of {@code account} on this workstation: its cache folder (closed first), its key and wrapped copy, its token. */
    void remove(Account account) {
        tokens().delete(account);
        keys.forget(account.key());
        Path folder = DataFolders.cacheFolder(dataRoot, account);
        if (Files.exists(folder)) {
            CacheEncryption.deleteFolder(folder);
        }
    }

    private static CacheDatabase openOrNull(Path folder, AccountKey key) {
        try {
            return CacheDatabase.open(folder, key);
        } catch (CacheKeyException e) {
            return null;
        }
    }

    static String lost(Path aside) {
        return "This workstation had lost the key to its copy of the practice's messages (a new Windows profile or a reset keychain), "
                + "and your password could not unlock the copy kept for that (it was changed on another computer). The messages are being "
                + "fetched again from the practice's relay. Drafts, and messages, notes and changes that were waiting on this workstation to be sent "
                + "could not be recovered: please check the conversations you were working on. The unreadable files were kept in " + aside + ".";
    }
}
