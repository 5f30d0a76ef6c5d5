// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.practicetext.core.Permission;
import org.practicetext.core.Role;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.tenancy.TeamMembers;

/**
 * Settings → Team: a practice admin ({@code settings.manage}) lists, adds, changes, resets and
 * deactivates the members of their own practice only; the rules are {@link TeamMembers}'. A
 * member of another practice is "not found", as if it did not exist.
 */
public final class TeamActions {
    private static final int NAME_FIELD_MAX = 200;

    private final TeamMembers team;

    public TeamActions(TeamMembers team) {
        this.team = team;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.TEAM_LIST, ctx -> ctx.json(team.list(manager(ctx).practiceId())));
        Routes.add(config, Endpoints.TEAM_ADD, this::add);
        Routes.add(config, Endpoints.TEAM_CHANGE, this::change);
        Routes.add(config, Endpoints.TEAM_RESET_PASSWORD, ctx -> {
            Principal who = manager(ctx);
            ctx.json(team.resetPassword(who.practiceId(), RequestInput.pathId(ctx, "team member")));
        });
        Routes.add(config, Endpoints.TEAM_DEACTIVATE, ctx -> {
            Principal who = manager(ctx);
            ctx.json(team.deactivate(who.practiceId(), RequestInput.pathId(ctx, "team member")));
        });
    }

    private void add(Context ctx) {
        Principal who = manager(ctx);
        RequestInput input = RequestInput.body(ctx);
        String username = input.requiredLine("username", TeamMembers.USERNAME_FIELD_MAX);
        String name = input.text("name", NAME_FIELD_MAX);
        Role role = role(input.requiredLine("role", 20));
        String setup = input.requiredLine("setup", 20);
        ctx.status(201).json(team.addWithSetup(who.practiceId(), username, name, role, setup));
    }

    private void change(Context ctx) {
        Principal who = manager(ctx);
        long id = RequestInput.pathId(ctx, "team member");
        RequestInput input = RequestInput.body(ctx);
        if (!input.has("role") && !input.has("name")) {
            throw Refusal.invalid("Nothing to change: send role or name.");
        }
        Role role = input.has("role") ? role(input.requiredLine("role", 20)) : null;
        String name = input.has("name") ? input.requiredLine("name", NAME_FIELD_MAX) : null;
        ctx.json(team.change(who.practiceId(), id, role, name));
    }

    private static Role role(String word) {
        return Role.fromWire(word).orElseThrow(() -> Refusal.invalid("role must be admin, staff, viewer or billing."));
    }

    private static Principal manager(Context ctx) {
        return AuthRoutes.principal(ctx, Permission.SETTINGS_MANAGE);
    }
}
