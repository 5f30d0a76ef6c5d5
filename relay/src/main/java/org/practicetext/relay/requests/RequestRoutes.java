// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.requests;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.RequestAction;
import org.practicetext.protocol.RequestSent;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.auth.Tokens;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.JsonBody;
import org.practicetext.relay.http.PathParams;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.ApiKeys;
import org.practicetext.relay.store.Database;

/**
 * The desks' routes for requests and communication settings (ADR 0024), and the one a form system
 * calls with the practice's API key ({@code complete}). Every request is looked up in the caller's
 * practice: another practice's id is a 404.
 */
public final class RequestRoutes {
    private final RequestService requests;
    private final Database db;
    private final ApiKeys apiKeys = new ApiKeys();

    public RequestRoutes(RequestService requests, Database db) {
        this.requests = requests;
        this.db = db;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.SETTINGS, ctx -> ctx.json(requests.settings().view(AuthRoutes.principal(ctx, Permission.SMS_VIEW).practiceId())));
        Routes.add(config, Endpoints.SETTINGS_UPDATE, ctx -> {
            Principal who = AuthRoutes.principal(ctx, Permission.SETTINGS_MANAGE);
            ctx.json(requests.settings().update(who.practiceId(), JsonBody.read(ctx, PracticeSettingsUpdate.class)));
        });
        Routes.add(config, Endpoints.REQUESTS, this::list);
        Routes.add(config, Endpoints.REQUEST, ctx -> ctx.json(requests.get(AuthRoutes.principal(ctx, Permission.SMS_VIEW).practiceId(), id(ctx))));
        Routes.add(config, Endpoints.REQUEST_CANCEL, ctx -> ctx.json(requests.cancel(staff(ctx), id(ctx), action(ctx).note())));
        Routes.add(config, Endpoints.REQUEST_MARK_PAID, ctx -> ctx.json(requests.markPaid(staff(ctx), id(ctx), action(ctx).note())));
        Routes.add(config, Endpoints.REQUEST_RESEND, this::resend);
        Routes.add(config, Endpoints.REQUEST_COMPLETE, this::complete);
    }

    private void list(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_VIEW);
        String conversation = ctx.queryParam(Endpoints.CONVERSATION);
        Long conversationId = null;
        if (conversation != null) {
            if (!conversation.matches("[0-9]{1,18}")) {
                throw ApiError.badRequest(Endpoints.CONVERSATION + " must be a conversation id.");
            }
            conversationId = Long.parseLong(conversation);
        }
        String open = ctx.queryParam(Endpoints.OPEN);
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw ApiError.badRequest(Endpoints.OPEN + " must be true or false.");
        }
        ctx.json(requests.list(who.practiceId(), conversationId, "true".equals(open)));
    }

    private void resend(Context ctx) {
        RequestService.Staff who = staff(ctx);
        RequestAction action = action(ctx);
        if (action.clientId() == null || !action.clientId().matches("[A-Za-z0-9._:-]{1,64}")) {
            throw ApiError.badRequest("clientId is required to resend: 1-64 letters, digits or . _ : - (the new message's key).");
        }
        RequestSent sent = requests.resend(who, id(ctx), action.clientId());
        ctx.status(202).json(sent);
    }

    /** Staff with a session, or the practice's form system with its API key (and no session). */
    private void complete(Context ctx) {
        Principal who = AuthRoutes.principal(ctx);
        long id = id(ctx);
        if (who != null) {
            ctx.json(requests.complete(who.practiceId(), staff(ctx), null, id));
            return;
        }
        String key = ctx.header("X-Api-Key");
        if (key == null || key.isBlank()) {
            throw ApiError.unauthorized("unauthorized", "Sign in, or send the practice's API key in the X-Api-Key header.");
        }
        Optional<ApiKeys.Holder> caller = db.read(tx -> apiKeys.live(tx, Tokens.hash(key.strip())));
        ApiKeys.Holder holder = caller.orElseThrow(() -> ApiError.unauthorized("invalid_api_key", "This API key is not valid or was revoked."));
        ctx.json(requests.complete(holder.practiceId(), null, "Form system", id));
    }

    private static RequestService.Staff staff(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_SEND);
        return new RequestService.Staff(who.practiceId(), who.userId(), who.name(), who.role(), who.region());
    }

    private static long id(Context ctx) {
        return PathParams.id(ctx, "request");
    }

    /** The optional body of an action (a note, a client id); none is an empty action. */
    private static RequestAction action(Context ctx) {
        if (ctx.body().isBlank()) {
            return new RequestAction(null, null);
        }
        return JsonBody.read(ctx, RequestAction.class);
    }
}
