// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.practicetext.desktop.auth.TokenStore;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.conversations.Conversations;
import org.practicetext.desktop.conversations.LiveConversations;
import org.practicetext.desktop.directory.LiveDirectory;
import org.practicetext.desktop.directory.PracticeDirectory;
import org.practicetext.desktop.lock.LiveLockSecrets;
import org.practicetext.desktop.lock.LockSecrets;
import org.practicetext.desktop.media.Attachments;
import org.practicetext.desktop.media.LiveAttachments;
import org.practicetext.desktop.media.MediaFiles;
import org.practicetext.desktop.media.MediaRelay;
import org.practicetext.desktop.media.PreviewPrefetch;
import org.practicetext.desktop.messages.LiveMessages;
import org.practicetext.desktop.messages.Messages;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.desktop.practice.LivePracticeAdmin;
import org.practicetext.desktop.practice.PracticeAdmin;
import org.practicetext.desktop.requests.LiveRequests;
import org.practicetext.desktop.requests.Requests;
import org.practicetext.desktop.secrets.AccountKey;
import org.practicetext.desktop.session.LiveSession;
import org.practicetext.desktop.session.Session;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.SyncEngine;

/**
 * The desktop client over a live relay: builds each feature's live part on one cache, one
 * relay connection and one sync engine, and starts syncing. Reads answer from the cache (so
 * they work offline), actions go through the outbox ({@link SyncEngine}), the practice's
 * settings go straight to the relay. Built by {@link DesktopClients}.
 */
public final class LiveDesktopClient implements DesktopClient {
    private final Account account;
    private final CacheDatabase db;
    private final RelayApi api;
    private final SyncEngine sync;
    private final LiveSession session;
    private final Conversations conversations;
    private final Messages messages;
    private final PracticeDirectory directory;
    private final PracticeAdmin practice;
    private final Attachments attachments;
    private final Requests requests;
    private final DeskSecrets secrets;
    private final MediaFiles mediaFiles;
    private final LockSecrets lock;

    LiveDesktopClient(Account account, DeskSecrets.Opened opened, Path mediaFolder, RelayApi api, DeskSecrets secrets, Clock clock, ClientOptions options) {
        this.account = account;
        this.db = opened.db();
        this.api = api;
        this.secrets = secrets;
        TokenStore tokens = secrets.tokens();
        // The sender's name is asked for only when a message is sent, after this constructor.
        this.sync = new SyncEngine(api, db, clock, options.sync(), this::senderName, () -> tokens.delete(account));
        this.session = new LiveSession(account, db, api, tokens, sync, options.app());
        session.notice(opened.notices());
        AccountKey key = opened.key();
        session.onPasswordChanged(next -> secrets.keys().wrap(account.key(), key, next));
        UserActions actions = new UserActions(db, sync, api::write);
        this.conversations = new LiveConversations(db, session, actions);
        this.messages = new LiveMessages(db, session, sync, actions);
        this.directory = new LiveDirectory(db, actions);
        this.practice = new LivePracticeAdmin(api, db, sync);
        this.requests = new LiveRequests(api, db, sync);
        this.mediaFiles = new MediaFiles(mediaFolder, MediaFiles.DEFAULT_CAP, clock, db.files());
        mediaFiles.sweep();
        LiveAttachments media = new LiveAttachments(db, mediaFiles, MediaRelay.over(api), clock);
        this.lock = new LiveLockSecrets(db, password -> passwordIsRight(account, password, options));
        this.attachments = media;
        sync.onChange(new PreviewPrefetch(media, options.tasks(), clock)::changed);
        sync.onChange(batch -> {
            if (batch.directoryChanged(DeskChange.DirectoryChanged.Part.USERS) || batch.all(DeskChange.SettingsChanged.class).findAny().isPresent()) {
                session.reread();
            }
        });
        sync.start(options.tasks());
    }

    private String senderName() {
        return session.me().name();
    }

    public Account account() {
        return account;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Conversations conversations() {
        return conversations;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public Attachments attachments() {
        return attachments;
    }

    @Override
    public PracticeDirectory directory() {
        return directory;
    }

    @Override
    public PracticeAdmin practice() {
        return practice;
    }

    @Override
    public Requests requests() {
        return requests;
    }

    @Override
    public LockSecrets lock() {
        return lock;
    }

    /** The relay's word on a password this desk has no verifier of: a sign-in of its own, signed out at once. */
    private static boolean passwordIsRight(Account account, char[] password, ClientOptions options) throws RelayException {
        try (RelayApi check = new RelayApi(account.relayUrl(), options.sync().readTimeout(), options.app())) {
            check.useToken(check.signIn(account.practice(), account.username(), password).token());
            check.signOut();
            return true;
        } catch (RelayException e) {
            if (e.status() == 401) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void onConnection(Consumer<ConnectionState> listener) {
        sync.status().listen(listener);
    }

    @Override
    public void onChange(Consumer<ChangeBatch> listener) {
        sync.onChange(listener);
    }

    @Override
    public void close() {
        sync.close();
        api.close();
        mediaFiles.closeOpened();
        db.close();
        if (session.removeCopyOnClose()) {
            secrets.remove(account);
        }
    }
}
