// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.util.List;
import org.practicetext.relay.admin.AdminWire.ApiKeyEntry;
import org.practicetext.relay.admin.AdminWire.BackupEntry;
import org.practicetext.relay.admin.AdminWire.IssuedApiKey;
import org.practicetext.relay.admin.AdminWire.IssuedUser;
import org.practicetext.relay.admin.AdminWire.LinkSettings;
import org.practicetext.relay.admin.AdminWire.NewApiKey;
import org.practicetext.relay.admin.AdminWire.NewBackup;
import org.practicetext.relay.admin.AdminWire.NewNumber;
import org.practicetext.relay.admin.AdminWire.NewPractice;
import org.practicetext.relay.admin.AdminWire.NewUser;
import org.practicetext.relay.admin.AdminWire.NumberEntry;
import org.practicetext.relay.admin.AdminWire.PracticeEntry;
import org.practicetext.relay.admin.AdminWire.UserEntry;

/**
 * The operator's acts on the relay's tenants. Two implementations do exactly the same: {@link
 * DirectAdministration} on the database (what the operator API runs, and the CLI when no relay
 * runs) and {@link OnlineAdministration} through a running relay's operator API. Practices are
 * named by slug; numbers, users and keys by their id within the practice. Refusals are {@code
 * Refusal}s with the message the operator reads.
 */
public interface Administration {
    PracticeEntry createPractice(NewPractice practice);

    List<PracticeEntry> practices();

    PracticeEntry practice(String slug);

    NumberEntry addNumber(String slug, NewNumber number);

    List<NumberEntry> numbers(String slug);

    /** Only a number no conversation was ever held on: the history of one keeps its number. */
    void removeNumber(String slug, long numberId);

    IssuedUser createUser(String slug, NewUser user);

    List<UserEntry> users(String slug);

    /** The user can no longer sign in, and their sessions end at once (never the practice's last active admin). */
    UserEntry deactivateUser(String slug, long userId);

    /** A new one-time password, answered once, that the user replaces at their next sign-in; their sessions end. */
    IssuedUser resetPassword(String slug, long userId);

    IssuedApiKey createApiKey(String slug, NewApiKey key);

    List<ApiKeyEntry> apiKeys(String slug);

    ApiKeyEntry revokeApiKey(String slug, long keyId);

    /** The practice's secure-link settings, changed where {@code change} has a value (ADR 0023). */
    LinkSettings linkSettings(String slug, LinkSettings change);

    /** An online backup of an H2 relay into its backup folder, answered once it is complete ({@link Backups}); refused on PostgreSQL. */
    BackupEntry backup(NewBackup backup);

    /** The complete backups in the backup folder, newest first. */
    List<BackupEntry> backups();
}
