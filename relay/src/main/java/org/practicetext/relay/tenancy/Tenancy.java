// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.tenancy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import org.practicetext.core.E164Number;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.core.Role;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.InboxView;
import org.practicetext.relay.auth.PasswordHasher;
import org.practicetext.relay.auth.Tokens;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.ApiKeys;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Practices.Practice;
import org.practicetext.relay.store.StorageException;
import org.practicetext.relay.store.Tx;
import org.practicetext.relay.store.Users;

/** Setting up tenants: practices, their numbers and inboxes, team members and API keys. */
public final class Tenancy {
    public static final String DEFAULT_INBOX = "Front Desk";
    /** A person's or a practice's name, in characters (code points), as for a contact's name. */
    static final int NAME_MAX = 200;
    /** An inbox's or an API key's name, as for an inbox made in the settings. */
    static final int LABEL_MAX = 100;

    private final Database db;
    private final PracticeWrites writes;
    private final TeamMembers team;
    private final Clock clock;
    private final Practices practices = new Practices();
    private final ApiKeys apiKeys = new ApiKeys();

    /** For the command line working on the database while no relay runs: there is no parked long-poll to end. */
    public Tenancy(Database db, ChangeFeed feed, PasswordHasher hasher, Clock clock) {
        this(db, feed, hasher, clock, tokenHash -> {
        });
    }

    /**
     * @param tokenRevoked told the hash of each session token that a team change ended, once it
     *                     committed ({@link TeamMembers})
     */
    public Tenancy(Database db, ChangeFeed feed, PasswordHasher hasher, Clock clock, java.util.function.Consumer<String> tokenRevoked) {
        this.db = db;
        this.team = new TeamMembers(db, feed, hasher, clock, tokenRevoked);
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
    }

    private volatile java.util.function.LongConsumer practiceCreated = id -> { };

    /** What follows a new practice once it is stored (its communication settings are announced in its feed). */
    public void onPracticeCreated(java.util.function.LongConsumer listener) {
        this.practiceCreated = listener;
    }

    /** Creates a practice with its first inbox, "Front Desk". */
    public Practice createPractice(String slug, String name, String region, String timeZone) {
        Practice created = storePractice(slug, name, region, timeZone);
        practiceCreated.accept(created.id());
        return created;
    }

    private Practice storePractice(String slug, String name, String region, String timeZone) {
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw Refusal.invalid("The slug must be 2-63 lower-case letters, digits or dashes, e.g. smile-dental.");
        }
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("The practice needs a name.");
        }
        checkName("The practice's name", name, NAME_MAX);
        String r = region == null ? "US" : region.toUpperCase(Locale.ROOT);
        try {
            new PhoneNumbers(r); // validates the region
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("Unknown region: " + region + " (a two-letter country code such as US).");
        }
        String zone = timeZone == null ? "America/New_York" : timeZone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw Refusal.invalid("Unknown time zone: " + zone + " (a name such as America/Chicago).");
        }
        try {
            return db.inTransaction(tx -> {
                if (practices.bySlug(tx, slug).isPresent()) {
                    throw Refusal.conflict("A practice with the slug " + slug + " already exists.");
                }
                Practice practice = practices.create(tx, slug, name.strip(), r, zone, clock.instant());
                writes.lock(tx, practice.id());
                writes.events().changed(tx, practice.id(), EventTypes.PRACTICE, practice.id(), practice.view());
                InboxView inbox = practices.createInbox(tx, practice.id(), DEFAULT_INBOX);
                writes.events().changed(tx, practice.id(), EventTypes.INBOX, inbox.id(), inbox);
                return practice;
            });
        } catch (StorageException e) {
            if (e.isDuplicateKey()) {
                throw Refusal.conflict("A practice with the slug " + slug + " already exists.");
            }
            throw e;
        }
    }

    /** Maps a Twilio number to the practice; its new conversations land in {@code inboxName} (created if new). */
    public Practices.PracticeNumber addNumber(String slug, String number, String inboxName) {
        if (!E164Number.isE164(number)) {
            throw Refusal.invalid("The number must be in E.164 form, e.g. +15551234567.");
        }
        if (inboxName != null) {
            checkName("The inbox's name", inboxName, LABEL_MAX);
        }
        try {
            return db.inTransaction(tx -> {
                Practice practice = practice(tx, slug);
                writes.lock(tx, practice.id());
                if (practices.number(tx, number).isPresent()) {
                    throw Refusal.conflict(number + " already belongs to a practice.");
                }
                InboxView inbox = inboxNamed(tx, practice.id(), inboxName == null ? DEFAULT_INBOX : inboxName);
                return practices.addNumber(tx, practice.id(), number, inbox.id());
            });
        } catch (StorageException e) {
            if (e.isDuplicateKey()) {
                throw Refusal.conflict(number + " already belongs to a practice.");
            }
            throw e;
        }
    }

    /**
     * Adds a team member with their own password (the relay jar's {@code user create}, the demo),
     * through {@link TeamMembers}; a refused value becomes an {@link IllegalArgumentException}
     * with the same message, as the command line reports it.
     */
    public Users.User createUser(String slug, String username, String name, Role role, String password) {
        long practiceId = db.read(tx -> practice(tx, slug)).id();
        try {
            return team.addWithPassword(practiceId, username, name, role, password);
        } catch (Refusal e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The practice's team: the one service behind the app's Settings → Team and the operator's commands. */
    public TeamMembers team() {
        return team;
    }

    /** Creates an API key for automated senders; returns the key, which is shown only this once. */
    public String createApiKey(String slug, String name) {
        return issueApiKey(slug, name).key();
    }

    /** An API key just made: its id, its practice and its secret (only its hash is stored). */
    public record IssuedKey(long id, long practiceId, String key) {
    }

    public IssuedKey issueApiKey(String slug, String name) {
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("The API key needs a name (the system that will use it).");
        }
        checkName("The API key's name", name, LABEL_MAX);
        String key = Tokens.newSecret("ptk_");
        return db.inTransaction(tx -> {
            long practiceId = practice(tx, slug).id();
            return new IssuedKey(apiKeys.create(tx, practiceId, name.strip(), Tokens.hash(key), clock.instant()), practiceId, key);
        });
    }

    private InboxView inboxNamed(Tx tx, long practiceId, String name) throws SQLException {
        var existing = practices.inboxByName(tx, practiceId, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        InboxView inbox = practices.createInbox(tx, practiceId, name.strip());
        writes.events().changed(tx, practiceId, EventTypes.INBOX, inbox.id(), inbox);
        return inbox;
    }

    private Practice practice(Tx tx, String slug) throws SQLException {
        return practices.bySlug(tx, slug).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "There is no practice with the slug " + slug + "."));
    }

    /** The same rules as names typed in the app (relay/http/Texts): at most {@code max} characters, one line. */
    private static void checkName(String what, String name, int max) {
        String stripped = name.strip();
        if (Texts.length(stripped) > max) {
            throw Refusal.invalid(what + " is longer than " + max + " characters.");
        }
        String flaw = Texts.flaw(stripped, true);
        if (flaw != null) {
            throw Refusal.invalid(what + " " + flaw + ".");
        }
    }
}
