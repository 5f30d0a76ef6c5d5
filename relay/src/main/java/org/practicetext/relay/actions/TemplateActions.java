// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.TemplateView;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Templates;
import org.practicetext.relay.store.Tx;

/**
 * Saved replies (settings). Only a settings manager changes them; every team member receives
 * them through the feed, deleted ones as tombstones. A body is 1 to 1600 characters, the most
 * Twilio accepts in one message; names are unique among a practice's live templates so the
 * composer's picker is unambiguous.
 */
public final class TemplateActions {
    static final int NAME_MAX = 100;
    static final int BODY_MAX = 1600;

    private final PracticeWrites writes;
    private final Clock clock;
    private final Templates templates = new Templates();

    public TemplateActions(Database db, ChangeFeed feed, Clock clock) {
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.TEMPLATE_CREATE, this::create);
        Routes.add(config, Endpoints.TEMPLATE_UPDATE, this::update);
        Routes.add(config, Endpoints.TEMPLATE_DELETE, this::delete);
    }

    private void create(Context ctx) throws Exception {
        Principal who = manager(ctx);
        RequestInput input = RequestInput.body(ctx);
        String name = input.requiredLine("name", NAME_MAX);
        String body = input.requiredText("body", BODY_MAX);
        TemplateView created = writes.run(who.practiceId(), "A template named " + name + " was just created.", tx -> {
            refuseTaken(tx, who.practiceId(), name, 0);
            long id = templates.create(tx, who.practiceId(), name, body, clock.instant()).id();
            return announce(tx, who.practiceId(), id);
        });
        ctx.status(201).json(created);
    }

    private void update(Context ctx) throws Exception {
        Principal who = manager(ctx);
        long id = RequestInput.pathId(ctx, "template");
        RequestInput input = RequestInput.body(ctx);
        if (!input.has("name") && !input.has("body")) {
            throw Refusal.invalid("Nothing to change: send name or body.");
        }
        String name = input.has("name") ? input.requiredLine("name", NAME_MAX) : null;
        String body = input.has("body") ? input.requiredText("body", BODY_MAX) : null;
        ctx.json(writes.run(who.practiceId(), tx -> {
            TemplateView current = live(tx, who.practiceId(), id);
            String newName = name == null ? current.name() : name;
            String newBody = body == null ? current.body() : body;
            if (newName.equals(current.name()) && newBody.equals(current.body())) {
                return current;
            }
            refuseTaken(tx, who.practiceId(), newName, id);
            templates.update(tx, who.practiceId(), id, newName, newBody, clock.instant());
            return announce(tx, who.practiceId(), id);
        }));
    }

    private void delete(Context ctx) {
        Principal who = manager(ctx);
        long id = RequestInput.pathId(ctx, "template");
        ctx.json(writes.run(who.practiceId(), tx -> {
            live(tx, who.practiceId(), id);
            templates.delete(tx, who.practiceId(), id, clock.instant());
            return announce(tx, who.practiceId(), id);
        }));
    }

    private TemplateView announce(Tx tx, long practiceId, long id) throws SQLException {
        TemplateView view = templates.byId(tx, practiceId, id).orElseThrow();
        writes.events().changed(tx, practiceId, EventTypes.TEMPLATE, id, view);
        return view;
    }

    /** The template, if it is in the caller's practice and not deleted. */
    private TemplateView live(Tx tx, long practiceId, long id) throws SQLException {
        return templates.byId(tx, practiceId, id).filter(t -> !t.deleted()).orElseThrow(() -> Refusal.notFound("The template " + id));
    }

    private void refuseTaken(Tx tx, long practiceId, String name, long exceptId) throws SQLException {
        Optional<TemplateView> same = templates.byName(tx, practiceId, name);
        if (same.isPresent() && same.get().id() != exceptId) {
            throw Refusal.conflict("The practice already has a template named " + same.get().name() + ".");
        }
    }

    private static Principal manager(Context ctx) {
        return AuthRoutes.principal(ctx, Permission.SETTINGS_MANAGE);
    }
}
