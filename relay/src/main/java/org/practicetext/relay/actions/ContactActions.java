// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Conversations;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Tx;

/**
 * Adding and editing patients and turning a lead into a patient (blocking and the other consent
 * acts are {@link ConsentActions}). A contact's phone is unique in its practice, so a phone another contact has is a 409
 * that names that contact. Changing a phone also re-announces the contact's conversations,
 * whose views carry the phone.
 */
public final class ContactActions {
    private static final String PATIENT = "patient";

    private final PracticeWrites writes;
    private final Clock clock;
    private final Contacts contacts = new Contacts();
    private final Conversations conversations = new Conversations();

    public ContactActions(Database db, ChangeFeed feed, Clock clock) {
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.CONTACT_CREATE, this::create);
        Routes.add(config, Endpoints.CONTACT_UPDATE, this::update);
        Routes.add(config, Endpoints.CONTACT_CONVERT, this::convert);
    }

    private void create(Context ctx) throws Exception {
        Principal who = manager(ctx);
        RequestInput input = RequestInput.body(ctx);
        String phone = ContactFields.phone(input.text("phone", 64), who.region()).value();
        String name = ContactFields.name(input.text("name"));
        String externalId = ContactFields.externalId(input.text("externalId"));
        ContactView created = writes.run(who.practiceId(), phone + " was just added by someone else.", tx -> {
            refuseTaken(tx, who.practiceId(), phone, 0);
            long id = contacts.create(tx, who.practiceId(), phone, PATIENT, name, externalId, clock.instant()).id();
            return writes.events().contactChanged(tx, who.practiceId(), id);
        });
        ctx.status(201).json(created);
    }

    private void update(Context ctx) throws Exception {
        Principal who = manager(ctx);
        long id = RequestInput.pathId(ctx, "contact");
        RequestInput input = RequestInput.body(ctx);
        if (!input.has("name") && !input.has("externalId") && !input.has("phone")) {
            throw Refusal.invalid("Nothing to change: send name, externalId or phone.");
        }
        String phone = input.has("phone") ? ContactFields.phone(input.text("phone", 64), who.region()).value() : null;
        String name = ContactFields.name(input.text("name"));
        String externalId = ContactFields.externalId(input.text("externalId"));
        ctx.json(writes.run(who.practiceId(), "That phone number was just given to another contact.", tx -> {
            ContactView c = find(tx, who, id);
            String newPhone = phone == null ? c.phone() : phone;
            if (!newPhone.equals(c.phone())) {
                refuseTaken(tx, who.practiceId(), newPhone, id);
            }
            ContactView changed = save(tx, who, c, newPhone, c.kind().wire(),
                    input.has("name") ? name : c.name(), input.has("externalId") ? externalId : c.externalId());
            if (!newPhone.equals(c.phone())) {
                for (long conversationId : conversations.idsOfContact(tx, who.practiceId(), id)) {
                    writes.events().conversationChanged(tx, who.practiceId(), conversationId);
                }
            }
            return changed;
        }));
    }

    /** Lead to patient. Given a name or external id, they replace the lead's; converting a patient again only applies them. */
    private void convert(Context ctx) throws Exception {
        Principal who = manager(ctx);
        long id = RequestInput.pathId(ctx, "contact");
        RequestInput input = RequestInput.body(ctx);
        String name = ContactFields.name(input.text("name"));
        String externalId = ContactFields.externalId(input.text("externalId"));
        ctx.json(writes.run(who.practiceId(), tx -> {
            ContactView c = find(tx, who, id);
            return save(tx, who, c, c.phone(), PATIENT, name == null ? c.name() : name, externalId == null ? c.externalId() : externalId);
        }));
    }

    private ContactView save(Tx tx, Principal who, ContactView c, String phone, String kind, String name, String externalId) throws SQLException {
        if (c.phone().equals(phone) && c.kind().wire().equals(kind) && Objects.equals(c.name(), name) && Objects.equals(c.externalId(), externalId)) {
            return c;
        }
        contacts.update(tx, who.practiceId(), c.id(), phone, kind, name, externalId);
        return writes.events().contactChanged(tx, who.practiceId(), c.id());
    }

    private void refuseTaken(Tx tx, long practiceId, String phone, long exceptId) throws SQLException {
        Optional<ContactView> owner = contacts.byPhone(tx, practiceId, phone);
        if (owner.isPresent() && owner.get().id() != exceptId) {
            throw ContactFields.phoneTaken(owner.get());
        }
    }

    private ContactView find(Tx tx, Principal who, long id) throws SQLException {
        return contacts.byId(tx, who.practiceId(), id).orElseThrow(() -> Refusal.notFound("The contact " + id));
    }

    private static Principal manager(Context ctx) {
        return AuthRoutes.principal(ctx, Permission.CONTACTS_MANAGE);
    }
}
