// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.PasswordChange;
import org.practicetext.protocol.SessionRequest;
import org.practicetext.relay.http.ErrorHandling;
import org.practicetext.relay.http.JsonBody;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.refusal.Refusal.Reason;
import org.practicetext.relay.tenancy.TeamMembers;

/**
 * Sign-in ({@code POST /api/v1/session}), sign-out ({@code DELETE /api/v1/session}), who am I
 * ({@code GET /api/v1/session}), changing one's own password ({@code POST /api/v1/account/password}),
 * and the bearer check in front of every other {@code /api/v1} call.
 */
public final class AuthRoutes {
    public static final String PRINCIPAL = "pt.principal";
    private static final String TOKEN_HASH = "pt.tokenHash";

    /** Longer than any password {@link org.practicetext.core.PasswordRule} allows, short enough that hashing it costs nothing more. */
    private static final int SECRET_MAX = 1024;

    private final Sessions sessions;
    private final TeamMembers team;

    public AuthRoutes(Sessions sessions, TeamMembers team) {
        this.sessions = sessions;
        this.team = team;
    }

    public void install(JavalinConfig config) {
        config.routes.before("/api/v1/*", ctx -> {
            String path = ctx.path().replaceAll("/+$", "");
            if (path.equals(Endpoints.SIGN_IN.template()) && ctx.method().name().equals(Endpoints.SIGN_IN.method().name())) {
                return;
            }
            if (path.equals(Endpoints.CAMPAIGN_MESSAGE.template())) {
                return; // authenticated by API key instead
            }
            if (path.matches("/api/v1/requests/[^/]+/complete") && ctx.header("Authorization") == null && ctx.header("X-Api-Key") != null) {
                return; // a form system reports a form completed with the practice's API key (RequestRoutes checks it)
            }
            if (path.equals(Endpoints.VERSION.template())) {
                return; // open: the sign-in screen asks before anyone signs in
            }
            String token = bearer(ctx);
            Principal who = sessions.authenticate(token);
            if (who.mustChangePassword() && !mayChooseAPassword(ctx, path)) {
                throw new Refusal(Reason.PASSWORD_CHANGE_REQUIRED, "Choose your own password first (" + Endpoints.ACCOUNT_PASSWORD + ").");
            }
            ctx.attribute(PRINCIPAL, who);
            ctx.attribute(TOKEN_HASH, Tokens.hash(token));
        });
        Routes.add(config, Endpoints.SIGN_IN, ctx -> {
            SessionRequest request = JsonBody.read(ctx, SessionRequest.class);
            ctx.json(sessions.signIn(request.practice(), request.username(), request.password(), ctx.ip()));
        });
        Routes.add(config, Endpoints.SESSION, ctx -> ctx.json(sessions.describe(principal(ctx))));
        Routes.add(config, Endpoints.ACCOUNT_PASSWORD, this::changePassword);
        Routes.add(config, Endpoints.SIGN_OUT, ctx -> {
            sessions.revoke(bearer(ctx));
            ctx.status(204);
        });
        config.routes.exception(Sessions.RetryLater.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.seconds()));
            ErrorHandling.write(ctx, 429, "too_many_attempts", e.getMessage());
        });
    }

    /**
     * Any member changes their own password: the current one is checked first, the new one must
     * keep {@link org.practicetext.core.PasswordRule} and differ from it, and every other session
     * of theirs ends (this one stays signed in). It is also how a one-time password or invite
     * code is replaced at first sign-in.
     */
    private void changePassword(Context ctx) {
        Principal who = principal(ctx);
        PasswordChange change = JsonBody.read(ctx, PasswordChange.class);
        String current = secret(change.currentPassword(), "currentPassword");
        String next = secret(change.newPassword(), "newPassword");
        sessions.checkCurrentPassword(who, current, ctx.ip());
        if (next.equals(current)) {
            throw new Refusal(Reason.WEAK_PASSWORD, "The new password must differ from the current one.");
        }
        team.setOwnPassword(who.practiceId(), who.userId(), who.username(), next, tokenHash(ctx));
        ctx.status(204);
    }

    private static String secret(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw Refusal.invalid(field + " is required.");
        }
        if (value.length() > SECRET_MAX) {
            throw Refusal.invalid(field + " is longer than " + SECRET_MAX + " characters.");
        }
        return value;
    }

    /** What a session signed in with a one-time password may do: choose a password, see who it is, sign out. */
    private static boolean mayChooseAPassword(Context ctx, String path) {
        String method = ctx.method().name();
        return path.equals(Endpoints.ACCOUNT_PASSWORD.template()) && method.equals(Endpoints.ACCOUNT_PASSWORD.method().name())
                || path.equals(Endpoints.SESSION.template()) && (method.equals(Endpoints.SESSION.method().name())
                        || method.equals(Endpoints.SIGN_OUT.method().name()));
    }

    public static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The SHA-256 of the caller's bearer token: names the sign-in without holding its secret. */
    public static String tokenHash(Context ctx) {
        return ctx.attribute(TOKEN_HASH);
    }

    /** The caller, who must hold {@code needed} (403 naming it otherwise). */
    public static Principal principal(Context ctx, org.practicetext.core.Permission needed) {
        Principal who = principal(ctx);
        who.require(needed);
        return who;
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
