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
     * {@code POST …/users}. Without {@code password} the relay makes an initial one and answers it
     * once, in {@link IssuedUser#password}.
     */
    public record NewUser(String username, String name, String role, String password) {
    }

    public record UserEntry(long id, String username, String name, String role, boolean active) {
    }

    /** A user just made, or whose password was just reset; {@code password} is set only when the relay made it. */
    public record IssuedUser(UserEntry user, String password) {
    }

    /** {@code POST …/users/{id}/password}: the new password, or none for one the relay makes. */
    public record NewPassword(String password) {
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
}
