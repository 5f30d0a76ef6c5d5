// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.List;
import org.practicetext.core.Permission;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.InboxView;
import org.practicetext.protocol.NumberView;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;

/**
 * Settings → Numbers: the caller's practice's Twilio numbers and the inbox each feeds, for a
 * settings manager. Read-only here: numbers are added by the operator, who holds the Twilio
 * account, and an inbox's numbers move when the inbox is deleted.
 */
public final class NumberActions {
    private final Database db;
    private final Practices practices = new Practices();

    public NumberActions(Database db) {
        this.db = db;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.NUMBERS, ctx -> {
            Principal who = AuthRoutes.principal(ctx, Permission.SETTINGS_MANAGE);
            ctx.json(db.read(tx -> {
                List<NumberView> out = new ArrayList<>();
                for (Practices.PracticeNumber n : practices.numbers(tx, who.practiceId())) {
                    String inbox = practices.inbox(tx, who.practiceId(), n.inboxId()).map(InboxView::name).orElse("");
                    out.add(new NumberView(n.id(), n.phone(), n.inboxId(), inbox));
                }
                return out;
            }));
        });
    }
}
