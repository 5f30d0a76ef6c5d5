// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.practicetext.core.Role;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.protocol.TeamMemberView;
import org.practicetext.relay.admin.AdminWire.ApiKeyEntry;
import org.practicetext.relay.admin.AdminWire.BackupEntry;
import org.practicetext.relay.admin.AdminWire.IssuedApiKey;
import org.practicetext.relay.admin.AdminWire.IssuedUser;
import org.practicetext.relay.admin.AdminWire.NewApiKey;
import org.practicetext.relay.admin.AdminWire.NewBackup;
import org.practicetext.relay.admin.AdminWire.NewNumber;
import org.practicetext.relay.admin.AdminWire.NewPractice;
import org.practicetext.relay.admin.AdminWire.NewUser;
import org.practicetext.relay.admin.AdminWire.NumberEntry;
import org.practicetext.relay.admin.AdminWire.PracticeEntry;
import org.practicetext.relay.admin.AdminWire.UserEntry;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.ApiKeys;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Practices.Practice;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Users;
import org.practicetext.relay.tenancy.TeamMembers;
import org.practicetext.relay.tenancy.Tenancy;

/**
 * The operator's acts on the database itself: the operator API runs them inside the relay, and
 * the CLI runs them when no relay holds the database. Practices, numbers and keys go through
 * {@link Tenancy} and team members through {@link TeamMembers}, the service behind the app's
 * Settings → Team, so every path keeps the same rules; each act is written to the {@link OperatorAudit}.
 */
public final class DirectAdministration implements Administration {
    private final org.practicetext.relay.store.SecureLinks links = new org.practicetext.relay.store.SecureLinks();
    private final Database db;
    private final Tenancy tenancy;
    private final TeamMembers team;
    private final Clock clock;
    private final OperatorAudit audit;
    private final Practices practices = new Practices();
    private final Users users = new Users();
    private final ApiKeys apiKeys = new ApiKeys();
    private final Backups backups;

    /** {@code backupFolder}: where {@link #backup} writes ({@code PT_BACKUP_DIR}). */
    public DirectAdministration(Database db, Tenancy tenancy, Clock clock, OperatorAudit audit, Path backupFolder) {
        this.db = db;
        this.backups = new Backups(db, backupFolder, clock, audit);
        this.tenancy = tenancy;
        this.team = tenancy.team();
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public PracticeEntry createPractice(NewPractice p) {
        Practice created = tenancy.createPractice(p.slug(), p.name(), p.region(), p.timeZone());
        audit.record("created the practice", created.id(), created.slug());
        return practice(created.slug());
    }

    @Override
    public List<PracticeEntry> practices() {
        return db.read(tx -> {
            List<PracticeEntry> all = new ArrayList<>();
            for (Practice p : practices.all(tx)) {
                all.add(entry(tx, p));
            }
            return all;
        });
    }

    @Override
    public PracticeEntry practice(String slug) {
        return db.read(tx -> entry(tx, practiceOf(tx, slug)));
    }

    @Override
    public AdminWire.LinkSettings linkSettings(String slug, AdminWire.LinkSettings change) {
        if (change.days() != null && (change.days() < 1 || change.days() > 365)) {
            throw Refusal.invalid("days must be from 1 to 365: how long a secure link works.");
        }
        AdminWire.LinkSettings now = db.inTransaction(tx -> {
            Practice p = practiceOf(tx, slug);
            org.practicetext.relay.store.SecureLinks.Settings before = links.settings(tx, p.id());
            org.practicetext.relay.store.SecureLinks.Settings after = new org.practicetext.relay.store.SecureLinks.Settings(change.askBirthDate() == null ? before.askBirthDate() : change.askBirthDate(),
                    change.days() == null ? before.days() : change.days());
            if (!after.equals(before)) {
                links.setSettings(tx, p.id(), after);
            }
            return new AdminWire.LinkSettings(after.askBirthDate(), after.days());
        });
        if (change.askBirthDate() != null || change.days() != null) {
            audit.record("set the secure links to ask the date of birth: " + now.askBirthDate() + ", " + now.days() + " day(s)",
                    db.read(tx -> practiceOf(tx, slug)).id(), slug);
        }
        return now;
    }

    @Override
    public NumberEntry addNumber(String slug, NewNumber n) {
        Practices.PracticeNumber added = tenancy.addNumber(slug, n.number(), n.inbox());
        audit.record("added number " + added.id(), added.practiceId(), slug);
        return db.read(tx -> number(tx, added));
    }

    @Override
    public List<NumberEntry> numbers(String slug) {
        return db.read(tx -> {
            List<NumberEntry> all = new ArrayList<>();
            for (Practices.PracticeNumber n : practices.numbers(tx, practiceOf(tx, slug).id())) {
                all.add(number(tx, n));
            }
            return all;
        });
    }

    @Override
    public void removeNumber(String slug, long numberId) {
        long practiceId = db.inTransaction(tx -> {
            Practice p = practiceOf(tx, slug);
            practices.numberById(tx, p.id(), numberId).orElseThrow(() -> Refusal.notFound("The number " + numberId + " of " + slug));
            long held = practices.conversationsOn(tx, numberId);
            if (held > 0) {
                throw Refusal.conflict("The number " + numberId + " has " + held + " conversation" + (held == 1 ? "" : "s")
                        + " and their history keeps it; it stays with " + slug + ".");
            }
            practices.removeNumber(tx, p.id(), numberId);
            return p.id();
        });
        audit.record("removed number " + numberId, practiceId, slug);
    }

    @Override
    public IssuedUser createUser(String slug, NewUser u) {
        Role role = role(u.role());
        long practiceId = practiceId(slug);
        IssuedUser issued;
        if (u.password() != null) {
            issued = new IssuedUser(user(team.addWithPassword(practiceId, u.username(), u.name(), role, u.password()).teamView()), null, null);
        } else {
            OneTimeSecret secret = team.addWithSetup(practiceId, u.username(), u.name(), role, OneTimeSecret.PASSWORD);
            issued = new IssuedUser(user(secret.member()), secret.secret(), secret.expiresAt());
        }
        audit.record("created user " + issued.user().id() + " (" + role.wire() + ")", practiceId, slug);
        return issued;
    }

    @Override
    public List<UserEntry> users(String slug) {
        return team.list(practiceId(slug)).stream().map(DirectAdministration::user).toList();
    }

    @Override
    public UserEntry deactivateUser(String slug, long userId) {
        long practiceId = practiceId(slug);
        UserEntry user = user(team.deactivate(practiceId, userId));
        audit.record("deactivated user " + userId, practiceId, slug);
        return user;
    }

    @Override
    public IssuedUser resetPassword(String slug, long userId) {
        long practiceId = practiceId(slug);
        OneTimeSecret secret = team.resetPassword(practiceId, userId);
        audit.record("reset the password of user " + userId, practiceId, slug);
        return new IssuedUser(user(secret.member()), secret.secret(), secret.expiresAt());
    }

    @Override
    public IssuedApiKey createApiKey(String slug, NewApiKey k) {
        Tenancy.IssuedKey issued = tenancy.issueApiKey(slug, k.name());
        audit.record("created API key " + issued.id(), issued.practiceId(), slug);
        ApiKeyEntry entry = db.read(tx -> apiKeys.byId(tx, issued.practiceId(), issued.id()).map(DirectAdministration::key).orElseThrow());
        return new IssuedApiKey(entry, issued.key());
    }

    @Override
    public List<ApiKeyEntry> apiKeys(String slug) {
        return db.read(tx -> apiKeys.all(tx, practiceOf(tx, slug).id()).stream().map(DirectAdministration::key).toList());
    }

    @Override
    public ApiKeyEntry revokeApiKey(String slug, long keyId) {
        ApiKeys.Key revoked = db.inTransaction(tx -> {
            Practice p = practiceOf(tx, slug);
            apiKeys.byId(tx, p.id(), keyId).orElseThrow(() -> Refusal.notFound("The API key " + keyId + " of " + slug));
            apiKeys.revoke(tx, p.id(), keyId, clock.instant());
            return apiKeys.byId(tx, p.id(), keyId).orElseThrow();
        });
        audit.record("revoked API key " + keyId, revoked.practiceId(), slug);
        return key(revoked);
    }

    @Override
    public BackupEntry backup(NewBackup backup) {
        return backups.create(backup == null ? null : backup.name());
    }

    @Override
    public List<BackupEntry> backups() {
        return backups.list();
    }

    private long practiceId(String slug) {
        return db.read(tx -> practiceOf(tx, slug)).id();
    }

    private Practice practiceOf(Tx tx, String slug) throws SQLException {
        return practices.bySlug(tx, slug).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "There is no practice with the slug " + slug + "."));
    }

    private PracticeEntry entry(Tx tx, Practice p) throws SQLException {
        int numbers = practices.numbers(tx, p.id()).size();
        int active = (int) users.all(tx, p.id()).stream().filter(Users.User::active).count();
        return new PracticeEntry(p.id(), p.slug(), p.name(), p.region(), p.timeZone(), numbers, active);
    }

    private NumberEntry number(Tx tx, Practices.PracticeNumber n) throws SQLException {
        String inbox = practices.inbox(tx, n.practiceId(), n.inboxId()).map(i -> i.name()).orElse(null);
        return new NumberEntry(n.id(), n.phone(), n.inboxId(), inbox);
    }

    static Role role(String wire) {
        if (wire == null) {
            throw Refusal.invalid("role is required: admin, staff, viewer or billing.");
        }
        return Role.fromWire(wire).orElseThrow(() -> Refusal.invalid("role must be admin, staff, viewer or billing, not " + wire + "."));
    }

    private static UserEntry user(TeamMemberView u) {
        return new UserEntry(u.id(), u.username(), u.name(), u.role(), u.status());
    }

    private static ApiKeyEntry key(ApiKeys.Key k) {
        return new ApiKeyEntry(k.id(), k.name(), k.createdAt(), k.revokedAt());
    }
}
