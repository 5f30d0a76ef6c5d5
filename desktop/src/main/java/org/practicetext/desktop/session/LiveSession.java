// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.practicetext.core.Permission;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.AppInfo;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.auth.TokenStore;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.RequestQueries;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.SyncEngine;
import org.practicetext.desktop.update.UpdateNotice;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.PasswordChange;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.UserView;

/**
 * The session over a live relay. Who and where are read from the cache once and again after a
 * batch that changed the team or reset the cache ({@link #reread}); the cache always holds both,
 * since a client is only built after a sign-in wrote them.
 */
public final class LiveSession implements Session {
    private final Account account;
    private final CacheDatabase db;
    private final RelayApi api;
    private final TokenStore tokens;
    private final SyncEngine sync;
    private final AppInfo app;
    private volatile UserView me;
    private volatile PracticeView practice;
    private final List<String> notices = new ArrayList<>();
    private final AtomicBoolean removeCopy = new AtomicBoolean();
    private volatile Consumer<char[]> passwordChanged = p -> { };

    public LiveSession(Account account, CacheDatabase db, RelayApi api, TokenStore tokens, SyncEngine sync, AppInfo app) {
        this.app = app;
        this.account = account;
        this.db = db;
        this.api = api;
        this.tokens = tokens;
        this.sync = sync;
        this.me = db.read(SyncState::me).orElseThrow(() -> new IllegalStateException("the cache does not say who signed in"));
        this.practice = db.read(SyncState::practice).orElseThrow(() -> new IllegalStateException("the cache does not name the practice"));
    }

    /** What {@link #takeWorkstationNotices} answers next. */
    public synchronized void notice(List<String> told) {
        notices.addAll(told);
    }

    /** Called with the new password once it changed on this desk (the key's password-wrapped copy is written again). */
    public void onPasswordChanged(Consumer<char[]> listener) {
        this.passwordChanged = listener;
    }

    /** Whether the sign-out asked for this workstation's copy to go when the client closes. */
    public boolean removeCopyOnClose() {
        return removeCopy.get();
    }

    @Override
    public synchronized List<String> takeWorkstationNotices() {
        List<String> told = List.copyOf(notices);
        notices.clear();
        return told;
    }

    @Override
    public SignOutChoice signOutChoice() {
        int unsent = db.read(sql -> (int) sql.count("SELECT COUNT(*) FROM outbox"));
        boolean rule = new RequestQueries(db).settings().map(s -> s.privacy().removeCopyOnSignOut()).orElse(false);
        return new SignOutChoice(unsent, rule);
    }

    /** Reads who and where again, after the feed changed the team or reset the cache. */
    public void reread() {
        db.read(SyncState::me).ifPresent(user -> me = user);
        db.read(SyncState::practice).ifPresent(p -> practice = p);
    }

    @Override
    public UserView me() {
        return me;
    }

    @Override
    public PracticeView practice() {
        return practice;
    }

    @Override
    public boolean can(Permission permission) {
        return me.permissions() != null && me.permissions().contains(permission.key());
    }

    @Override
    public ConnectionState connection() {
        return sync.status().current();
    }

    @Override
    public Optional<UpdateNotice> checkForUpdate() throws RelayException {
        try {
            return UpdateNotice.of(app, api.versions());
        } catch (RelayException e) {
            if (e.tooOld()) {
                return Optional.of(UpdateNotice.tooOld(app, e.versions()));
            }
            throw e;
        }
    }

    @Override
    public void changePassword(char[] current, char[] next) throws RelayException {
        api.call(Endpoints.ACCOUNT_PASSWORD.at(), new PasswordChange(new String(current), new String(next)), Void.class);
        passwordChanged.accept(next);
    }

    @Override
    public void signOut(boolean removeCopy) {
        this.removeCopy.set(removeCopy);
        signOut();
    }

    @Override
    public void signOut() {
        if (signOutChoice().removalRequired()) {
            removeCopy.set(true); // the practice's rule, whichever way the desk signs out
        }
        sync.signedOut("You signed out.");
        api.signOut();
        api.useToken(null);
        tokens.delete(account);
    }
}
