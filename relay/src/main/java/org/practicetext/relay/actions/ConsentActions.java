// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.practicetext.core.ConsentChange;
import org.practicetext.core.ConsentSource;
import org.practicetext.core.Permission;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.consent.ConsentLog;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.ConsentRecords;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Users;

/**
 * A team member's consent acts on a contact (ADR 0025): block and unblock ({@code contacts.block}),
 * an opt-out the patient asked for in person ({@code sms.send}: anyone who may text may stop texts),
 * and undoing an opt-out staff recorded ({@code contacts.block}, with a reason). Each takes an
 * optional {@link org.practicetext.protocol.ConsentNote} and answers the contact. An act that
 * changes nothing (blocking a blocked contact) writes no record and answers the contact as it is.
 */
public final class ConsentActions {
    /** A reason's longest, in characters as people count them. */
    public static final int REASON_MAX = 200;

    private final PracticeWrites writes;
    private final ConsentLog consent;
    private final Clock clock;
    private final Contacts contacts = new Contacts();
    private final ConsentRecords records = new ConsentRecords();
    private final Users users = new Users();

    public ConsentActions(Database db, ChangeFeed feed, Clock clock) {
        this.writes = new PracticeWrites(db, feed);
        this.consent = new ConsentLog(feed);
        this.clock = clock;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.CONTACT_BLOCK, ctx -> act(ctx, Permission.CONTACTS_BLOCK, ConsentChange.BLOCKED, false));
        Routes.add(config, Endpoints.CONTACT_UNBLOCK, ctx -> act(ctx, Permission.CONTACTS_BLOCK, ConsentChange.UNBLOCKED, false));
        Routes.add(config, Endpoints.CONTACT_OPT_OUT, ctx -> act(ctx, Permission.SMS_SEND, ConsentChange.OPTED_OUT, false));
        Routes.add(config, Endpoints.CONTACT_OPT_IN, ctx -> act(ctx, Permission.CONTACTS_BLOCK, ConsentChange.OPTED_IN, true));
    }

    private void act(Context ctx, Permission permission, ConsentChange change, boolean reasonRequired) {
        Principal who = AuthRoutes.principal(ctx, permission);
        long id = RequestInput.pathId(ctx, "contact");
        RequestInput input = RequestInput.body(ctx);
        String reason = reasonRequired ? input.requiredLine("reason", REASON_MAX) : input.text("reason", REASON_MAX);
        ctx.json(writes.run(who.practiceId(), tx -> {
            ContactView c = contacts.byId(tx, who.practiceId(), id).orElseThrow(() -> Refusal.notFound("The contact " + id));
            if (!changes(c, change)) {
                return c;
            }
            if (change == ConsentChange.OPTED_IN) {
                refuseUnlessStaffOptedOut(tx, who.practiceId(), c);
            }
            Instant now = clock.instant();
            String name = users.byId(tx, who.practiceId(), who.userId()).map(Users.User::name).orElse(who.name()); // as it is at this moment
            consent.change(tx, who.practiceId(), ConsentLog.staff(id, consent.conversationOf(tx, who.practiceId(), id), change, now, who.userId(),
                    name, reason));
            return writes.events().contactChanged(tx, who.practiceId(), id);
        }));
    }

    private static boolean changes(ContactView c, ConsentChange change) {
        return switch (change) {
            case OPTED_OUT -> !c.optedOut();
            case OPTED_IN -> c.optedOut();
            case BLOCKED -> !c.blocked();
            case UNBLOCKED -> c.blocked();
        };
    }

    /** Twilio keeps refusing a number that texted STOP until it texts START, so only a staff opt-out is staff's to undo. */
    private void refuseUnlessStaffOptedOut(Tx tx, long practiceId, ContactView c) throws SQLException {
        Optional<ConsentRecordView> newest = records.newestOptOutOrIn(tx, practiceId, c.id());
        boolean byStaff = newest.map(r -> r.change() == ConsentChange.OPTED_OUT && r.source() == ConsentSource.STAFF)
                .orElse(ConsentSource.STAFF.wire().equals(c.optedOutVia()));
        if (!byStaff) {
            throw new Refusal(Refusal.Reason.OPT_IN_BY_PATIENT_ONLY, "This patient opted out " + (newest.map(r -> r.source() == ConsentSource.CARRIER)
                    .orElse(false) ? "at the carrier" : "by text") + ": texts resume only when they text START to the practice's number.");
        }
    }
}
