// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.SessionRequest;
import org.practicetext.relay.http.ErrorHandling;
import org.practicetext.relay.http.JsonBody;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;

/**
 * Sign-in ({@code POST /api/v1/session}), sign-out ({@code DELETE /api/v1/session}), who am I
 * ({@code GET /api/v1/session}), and the bearer check in front of every other {@code /api/v1} call.
 */
public final class AuthRoutes {
    public static final String PRINCIPAL = "pt.principal";
    private static final String TOKEN_HASH = "pt.tokenHash";

    private final Sessions sessions;

    public AuthRoutes(Sessions sessions) {
        this.sessions = sessions;
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
            if (path.equals(Endpoints.VERSION.template())) {
                return; // open: the sign-in screen asks before anyone signs in
            }
            String token = bearer(ctx);
            ctx.attribute(PRINCIPAL, sessions.authenticate(token));
            ctx.attribute(TOKEN_HASH, Tokens.hash(token));
        });
        Routes.add(config, Endpoints.SIGN_IN, ctx -> {
            SessionRequest request = JsonBody.read(ctx, SessionRequest.class);
            ctx.json(sessions.signIn(request.practice(), request.username(), request.password(), ctx.ip()));
        });
        Routes.add(config, Endpoints.SESSION, ctx -> ctx.json(sessions.describe(principal(ctx))));
        Routes.add(config, Endpoints.SIGN_OUT, ctx -> {
            sessions.revoke(bearer(ctx));
            ctx.status(204);
        });
        config.routes.exception(Sessions.RetryLater.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.seconds()));
            ErrorHandling.write(ctx, 429, "too_many_attempts", e.getMessage());
        });
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
