// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.practicetext.relay.admin.AdminEndpoints.Route;
import org.practicetext.relay.admin.AdminWire.NewApiKey;
import org.practicetext.relay.admin.AdminWire.NewBackup;
import org.practicetext.relay.admin.AdminWire.NewNumber;
import org.practicetext.relay.admin.AdminWire.NewPractice;
import org.practicetext.relay.admin.AdminWire.NewUser;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.JsonBody;

/**
 * The operator API under {@code /admin/v1}: a thin JSON face on {@link DirectAdministration}.
 * Installed only when {@code PT_OPERATOR_TOKEN} is set; then every request under the root needs
 * {@code Authorization: Bearer <token>} (checked before routing, like {@code /api/v1}, so an
 * unknown operator path answers 401 without the token and 404 with it).
 */
public final class OperatorRoutes {
    private final OperatorToken token;
    private final Administration admin;
    private final OperatorAudit audit;

    public OperatorRoutes(OperatorToken token, Administration admin, OperatorAudit audit) {
        this.token = token;
        this.admin = admin;
        this.audit = audit;
    }

    public void install(JavalinConfig config) {
        config.routes.before(AdminEndpoints.ROOT + "/*", this::authenticate);
        add(config, AdminEndpoints.PRACTICES, ctx -> ctx.json(admin.practices()));
        add(config, AdminEndpoints.PRACTICE_CREATE, ctx -> ctx.status(201).json(admin.createPractice(JsonBody.read(ctx, NewPractice.class))));
        add(config, AdminEndpoints.PRACTICE_SHOW, ctx -> ctx.json(admin.practice(slug(ctx))));
        add(config, AdminEndpoints.LINK_SETTINGS, ctx -> ctx.json(admin.linkSettings(slug(ctx),
                ctx.body().isBlank() ? new AdminWire.LinkSettings(null, null) : JsonBody.read(ctx, AdminWire.LinkSettings.class))));
        add(config, AdminEndpoints.NUMBERS, ctx -> ctx.json(admin.numbers(slug(ctx))));
        add(config, AdminEndpoints.NUMBER_ADD, ctx -> {
            String slug = slug(ctx);
            ctx.status(201).json(admin.addNumber(slug, JsonBody.read(ctx, NewNumber.class)));
        });
        add(config, AdminEndpoints.NUMBER_REMOVE, ctx -> {
            admin.removeNumber(slug(ctx), id(ctx, "number"));
            ctx.status(204);
        });
        add(config, AdminEndpoints.USERS, ctx -> ctx.json(admin.users(slug(ctx))));
        add(config, AdminEndpoints.USER_CREATE, ctx -> {
            String slug = slug(ctx);
            ctx.status(201).json(admin.createUser(slug, JsonBody.read(ctx, NewUser.class)));
        });
        add(config, AdminEndpoints.USER_DEACTIVATE, ctx -> ctx.json(admin.deactivateUser(slug(ctx), id(ctx, "user"))));
        add(config, AdminEndpoints.USER_PASSWORD, ctx -> ctx.json(admin.resetPassword(slug(ctx), id(ctx, "user"))));
        add(config, AdminEndpoints.API_KEYS, ctx -> ctx.json(admin.apiKeys(slug(ctx))));
        add(config, AdminEndpoints.API_KEY_CREATE, ctx -> {
            String slug = slug(ctx);
            ctx.status(201).json(admin.createApiKey(slug, JsonBody.read(ctx, NewApiKey.class)));
        });
        add(config, AdminEndpoints.API_KEY_REVOKE, ctx -> ctx.json(admin.revokeApiKey(slug(ctx), id(ctx, "API key"))));
        add(config, AdminEndpoints.BACKUPS, ctx -> ctx.json(admin.backups()));
        add(config, AdminEndpoints.BACKUP_CREATE, ctx -> ctx.status(201).json(admin.backup(
                JsonBody.tree(ctx) == null ? new NewBackup(null) : JsonBody.read(ctx, NewBackup.class))));
    }

    private void authenticate(Context ctx) {
        ctx.header(AdminEndpoints.HEADER, "v1");
        ctx.header("Cache-Control", "no-store"); // answers carry one-time secrets
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            audit.refused("no operator token", ctx.ip());
            throw ApiError.unauthorized("unauthorized", "The operator API needs Authorization: Bearer <PT_OPERATOR_TOKEN>.");
        }
        if (!token.matches(header.substring(7).strip())) {
            audit.refused("a wrong operator token", ctx.ip());
            throw ApiError.unauthorized("invalid_token", "The operator token does not match this relay's PT_OPERATOR_TOKEN.");
        }
    }

    private static void add(JavalinConfig config, Route route, Handler handler) {
        switch (route.method()) {
            case "GET" -> config.routes.get(route.template(), handler);
            case "POST" -> config.routes.post(route.template(), handler);
            case "DELETE" -> config.routes.delete(route.template(), handler);
            default -> throw new IllegalArgumentException("no operator route uses " + route.method());
        }
    }

    private static String slug(Context ctx) {
        return ctx.pathParam("slug");
    }

    private static long id(Context ctx, String what) {
        return org.practicetext.relay.http.PathParams.id(ctx, what);
    }
}
