// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.practicetext.core.Role;
import org.practicetext.protocol.SessionResponse;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.refusal.Refusal.Reason;
import org.practicetext.relay.store.CrossNodeWakes;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.SessionTokens;
import org.practicetext.relay.store.Users;

/**
 * Sign-in and bearer tokens. A token is 32 random bytes shown once; only its SHA-256 is stored.
 * Tokens expire after a fixed lifetime and can be revoked (sign out, or a user deactivated).
 */
public final class Sessions {
    private final Database db;
    private final CrossNodeWakes otherNodes;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration lifetime;
    private final Practices practices = new Practices();
    private final Users users = new Users();
    private final SessionTokens tokens = new SessionTokens();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();

    public Sessions(Database db, PasswordHasher hasher, Clock clock, Duration lifetime) {
        this(db, hasher, clock, lifetime, CrossNodeWakes.NONE);
    }

    /** With a sign-out told to the other relay nodes through {@code otherNodes}, so their parked polls of the token end too. */
    public Sessions(Database db, PasswordHasher hasher, Clock clock, Duration lifetime, CrossNodeWakes otherNodes) {
        this.otherNodes = otherNodes;
        this.db = db;
        this.hasher = hasher;
        this.throttle = new LoginThrottle(clock, new SharedFailures(db));
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public SessionResponse signIn(String practiceSlug, String username, String password, String address) {
        if (isBlank(practiceSlug) || isBlank(username) || password == null || password.isEmpty()) {
            throw Refusal.invalid("practice, username and password are all required.");
        }
        String account = (practiceSlug.strip() + "/" + username.strip()).toLowerCase(java.util.Locale.ROOT);
        LoginThrottle.Attempt attempt = throttle.begin(account, address); // reserved before the password is checked
        Optional<Practices.Practice> practice;
        Optional<Users.User> user;
        boolean ok;
        try {
            practice = db.read(tx -> practices.bySlug(tx, practiceSlug.strip()));
            user = practice.isEmpty() ? Optional.empty() : db.read(tx -> users.byLogin(tx, practice.get().id(), username.strip()));
            ok = hasher.verify(password, user.map(Users.User::passwordHash).orElse(null)) && user.get().active()
                    && !setupExpired(user.get());
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        if (!ok) {
            attempt.failed();
            throw new Refusal(Reason.BAD_CREDENTIALS, "The practice, username or password is not right.");
        }
        attempt.succeeded();
        String token = Tokens.newSecret("pt_");
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        db.inTransaction(tx -> {
            tokens.create(tx, Tokens.hash(token), user.get().id(), practice.get().id(), now, expires);
            return null;
        });
        return new SessionResponse(token, user.get().view(), practice.get().view(), expires, user.get().mustChangePassword());
    }

    /** Resolves a bearer token to its caller, or says precisely why not. */
    public Principal authenticate(String token) {
        if (isBlank(token)) {
            throw new Refusal(Reason.SIGN_IN_REQUIRED, "Sign in first: send Authorization: Bearer <token>.");
        }
        return authenticateHash(Tokens.hash(token));
    }

    /**
     * The same check for a token known by its hash, as a parked long-poll repeats it before it
     * serves anything: the token may have been revoked, or may have expired, while it waited.
     */
    public Principal authenticateHash(String tokenHash) {
        Optional<SessionTokens.Holder> row = db.read(tx -> tokens.holder(tx, tokenHash));
        if (row.isEmpty()) {
            throw new Refusal(Reason.INVALID_TOKEN, "This sign-in is not valid. Sign in again.");
        }
        SessionTokens.Holder r = row.get();
        if (r.revokedAt() != null || !r.active()) {
            throw new Refusal(Reason.TOKEN_REVOKED, "You were signed out. Sign in again.");
        }
        if (!r.expiresAt().isAfter(clock.instant())) {
            throw new Refusal(Reason.TOKEN_EXPIRED, "Your sign-in has expired. Sign in again.");
        }
        return new Principal(r.userId(), r.username(), r.name(), Role.valueOf(r.role()), r.practiceId(), r.slug(), r.region(),
                r.mustChangePassword());
    }

    /**
     * Checks the caller's current password before they change it, counted by the same sign-in
     * throttle (a stolen token must not become a way to guess the password); a wrong one is
     * refused with {@link Reason#WRONG_PASSWORD} (403, not 401: the session itself is fine).
     */
    public void checkCurrentPassword(Principal who, String password, String address) {
        String account = (who.practiceSlug() + "/" + who.username()).toLowerCase(java.util.Locale.ROOT);
        LoginThrottle.Attempt attempt = throttle.begin(account, address);
        boolean ok;
        try {
            Optional<Users.User> user = db.read(tx -> users.byId(tx, who.practiceId(), who.userId()));
            ok = hasher.verify(password, user.map(Users.User::passwordHash).orElse(null));
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        if (!ok) {
            attempt.failed();
            throw new Refusal(Reason.WRONG_PASSWORD, "The current password is not right.");
        }
        attempt.succeeded();
    }

    public org.practicetext.protocol.SessionInfo describe(Principal who) {
        return db.read(tx -> new org.practicetext.protocol.SessionInfo(
                users.byId(tx, who.practiceId(), who.userId()).orElseThrow().view(),
                practices.byId(tx, who.practiceId()).orElseThrow().view()));
    }

    public void revoke(String token) {
        String hash = Tokens.hash(token);
        db.inTransaction(tx -> {
            tokens.revoke(tx, hash, clock.instant());
            otherNodes.sessionEnded(tx, hash);
            return null;
        });
        revoked(hash);
    }

    /** Tells the listeners that the token with this hash was revoked; call it after the revocation committed. */
    public void revoked(String tokenHash) {
        revocationListeners.forEach(listener -> listener.accept(tokenHash));
    }

    /**
     * A one-time password or invite code past its time signs in no one: it fails like a wrong
     * password (the same answer, so an expired secret reveals nothing), and the admin resets it.
     */
    private boolean setupExpired(Users.User user) {
        return user.mustChangePassword() && user.setupExpiresAt() != null && !user.setupExpiresAt().isAfter(clock.instant());
    }

    /**
     * Told the token hash of each revocation once it has committed, e.g. to end the token's
     * parked long-polls at once instead of at their next wake-up.
     */
    public void onRevoke(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Too many failed sign-ins (or all allowed checks already running): answered 429 with {@code Retry-After}. */
    public static final class RetryLater extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final long seconds;

        RetryLater(long seconds) {
            super("Too many failed sign-ins. Try again in " + seconds + " seconds.");
            this.seconds = seconds;
        }

        public long seconds() {
            return seconds;
        }
    }
}
