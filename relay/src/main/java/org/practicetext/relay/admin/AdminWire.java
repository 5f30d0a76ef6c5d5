// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.time.Instant;

/**
 * The JSON of the operator API ({@code /admin/v1}): what the operator sends and what the relay
 * answers. Relay-only: the desktop never calls this API, so these are not protocol types.
 */
public final class AdminWire {
    private AdminWire() {
    }

    /** {@code POST /admin/v1/practices}. {@code region} defaults to US, {@code timeZone} to America/New_York. */
    public record NewPractice(String slug, String name, String region, String timeZone) {
    }

    public record PracticeEntry(long id, String slug, String name, String region, String timeZone, int numbers, int activeUsers) {
    }

    /** {@code POST …/numbers}: a Twilio number in E.164 and the inbox its new conversations land in (default Front Desk; created if new). */
    public record NewNumber(String number, String inbox) {
    }

    public record NumberEntry(long id, String number, long inboxId, String inbox) {
    }

    /**
     * {@code POST …/users}. With {@code password} (which must keep the password rule) the user
     * signs in with it; without, the relay makes a one-time password, answered once in {@link
     * IssuedUser#password}, that they replace at their first sign-in.
     */
    public record NewUser(String username, String name, String role, String password) {
    }

    /** {@code status}: {@code active}, {@code invited} (a one-time password not yet replaced) or {@code deactivated}. */
    public record UserEntry(long id, String username, String name, String role, String status) {
    }

    /**
     * A user just made, or whose password was just reset: {@code password} is the one-time
     * password the relay made (null when the operator chose it), valid until {@code passwordExpiresAt}.
     */
    public record IssuedUser(UserEntry user, String password, Instant passwordExpiresAt) {
    }

    /** {@code POST …/api-keys}: the name of the system that will use the key. */
    public record NewApiKey(String name) {
    }

    /** A key as listed: never its secret. */
    public record ApiKeyEntry(long id, String name, Instant createdAt, Instant revokedAt) {
    }

    /** A key just made: {@code key} is its secret, shown only in this answer. */
    public record IssuedApiKey(ApiKeyEntry apiKey, String key) {
    }

    /** {@code POST /admin/v1/backups}: the file name in the backup folder, or null for {@code practicetext-<UTC time>.zip}. */
    public record NewBackup(String name) {
    }

    /**
     * {@code POST …/links}: how the practice's secure links behave (ADR 0023): whether they ask the
     * patient's date of birth (when the practice knows it) and how many days they work (1 to 365).
     * A field left out keeps its value; the answer is the settings as they are.
     */
    public record LinkSettings(Boolean askBirthDate, Integer days) {
    }

    /** A complete backup in the relay's backup folder: {@code path} is where it is on the relay's machine. */
    public record BackupEntry(String name, String path, long bytes, Instant writtenAt) {
    }
}
