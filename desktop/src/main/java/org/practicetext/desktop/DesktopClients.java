// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.practicetext.desktop.auth.StoredToken;
import org.practicetext.desktop.auth.TokenStore;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.desktop.secrets.AccountKey;
import org.practicetext.desktop.secrets.FileCipher;
import org.practicetext.desktop.update.UpdateNotice;
import org.practicetext.protocol.SessionResponse;

/**
 * Builds desktop clients: {@link #signIn} with a password (network needed), {@link #resume} from
 * what the last run left on disk (no network needed: the cache is readable at once, sync starts
 * in the background).
 */
public final class DesktopClients {
    private DesktopClients() {
    }

    /** The operating system's per-user data folder for PracticeText; see {@link DataFolders}. */
    public static Path defaultDataRoot() {
        return DataFolders.defaultDataRoot();
    }

    public static DesktopClient signIn(Account account, char[] password, Path dataRoot, Clock clock) throws RelayException {
        return signIn(account, password, dataRoot, clock, ClientOptions.defaults());
    }

    /**
     * Signs in, stores the token, opens (or migrates) the account's cache and starts the sync loop.
     * A one-time password or invite code opens nothing yet: it throws {@link PasswordChangeRequired},
     * whose {@link PasswordChangeRequired#choose} sets the person's own password and then opens the
     * client (nothing is stored on this workstation before that).
     */
    public static DesktopClient signIn(Account account, char[] password, Path dataRoot, Clock clock, ClientOptions options)
            throws RelayException {
        RelayApi api = new RelayApi(account.relayUrl(), options.sync().readTimeout(), options.app());
        SessionResponse session;
        try {
            session = api.signIn(account.practice(), account.username(), password);
        } catch (RelayException e) {
            api.close();
            throw e;
        }
        if (session.passwordChangeRequired()) {
            api.useToken(session.token());
            throw new PasswordChangeRequired(account, password, api, chosen -> open(account, session, api, dataRoot, clock, options, chosen));
        }
        // The lock screen takes this password offline from now on (ADR 0026); PBKDF2 takes a moment,
        // spent before the client starts syncing so that no listener added after it misses a state.
        String verifier = org.practicetext.desktop.secrets.PasswordKeys.verifier(password);
        DesktopClient client = open(account, session, api, dataRoot, clock, options, password);
        client.lock().keepPasswordVerifier(verifier);
        return client;
    }

    /**
     * Stores the token and opens the account's cache with its key (recovering a lost key with {@code password}, or rebuilding a
     * cache no key opens: ADR 0026), then writes who signed in.
     */
    private static DesktopClient open(Account account, SessionResponse session, RelayApi api, Path dataRoot, Clock clock, ClientOptions options,
                                      char[] password) {
        DeskSecrets secrets;
        DeskSecrets.Opened opened;
        try {
            secrets = DeskSecrets.of(dataRoot);
            secrets.tokens().save(account, new StoredToken(session.token(), session.expiresAt()));
            api.useToken(session.token());
            opened = secrets.openAtSignIn(account, password, clock);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        CacheDatabase db = opened.db();
        db.write(sql -> {
            SyncState.saveMe(sql, session.user());
            SyncState.savePractice(sql, session.practice());
            return null;
        });
        return new LiveDesktopClient(account, opened, DataFolders.mediaFolder(dataRoot, account), api, secrets, clock, options);
    }

    public static Optional<DesktopClient> resume(Account account, Path dataRoot, Clock clock) {
        return resume(account, dataRoot, clock, ClientOptions.defaults());
    }

    /**
     * Opens the cache and the stored token without any network; empty when either is missing, or
     * the secret store has no key that opens the cache (then the app asks the user to sign in,
     * which recovers the key with the password).
     */
    public static Optional<DesktopClient> resume(Account account, Path dataRoot, Clock clock, ClientOptions options) {
        Path folder = DataFolders.cacheFolder(dataRoot, account);
        DeskSecrets secrets = DeskSecrets.of(dataRoot);
        Optional<StoredToken> token = secrets.tokens().load(account);
        if (token.isEmpty() || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Optional<DeskSecrets.Opened> opened = secrets.openToResume(account);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        CacheDatabase db = opened.get().db();
        boolean known = db.read(sql -> SyncState.me(sql).isPresent() && SyncState.practice(sql).isPresent());
        if (!known) {
            db.close();
            return Optional.empty();
        }
        RelayApi api = new RelayApi(account.relayUrl(), options.sync().readTimeout(), options.app());
        api.useToken(token.get().token());
        return Optional.of(new LiveDesktopClient(account, opened.get(), DataFolders.mediaFolder(dataRoot, account), api, secrets, clock, options));
    }

    /**
     * What {@code relayUrl} says about this app's version, before any sign-in (the sign-in screen
     * asks); empty when there is nothing to say. Fails like any call when the relay cannot be reached.
     */
    public static Optional<UpdateNotice> updateNotice(URI relayUrl, AppInfo app) throws RelayException {
        try (RelayApi api = new RelayApi(relayUrl, java.time.Duration.ofSeconds(10), app)) {
            return UpdateNotice.of(app, api.versions());
        }
    }

    /**
     * The cipher of the files the UI keeps beside an account's cache (its first-screen snapshot): from the account's key in the
     * secret store, without opening the cache; empty when the store has no key for it.
     */
    public static Optional<FileCipher> fileCipher(Path dataRoot, Account account) {
        return DeskSecrets.of(dataRoot).keys().stored(account.key()).map(AccountKey::files);
    }

    /** Where the tokens of {@code dataRoot} are kept: its secret store (ADR 0026). */
    static TokenStore tokens(Path dataRoot) {
        return DeskSecrets.of(dataRoot).tokens();
    }
}
