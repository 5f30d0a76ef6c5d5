// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.SignInFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in failures of every relay node on the database ({@link SignInFailures}), keyed by
 * the SHA-256 of the account or address. A failure is counted in its own transaction, the key's
 * row locked meanwhile, so failures on several nodes at once all count. If the database cannot
 * count one, the node's own count still holds (it is logged without the key).
 */
public final class SharedFailures {
    private static final Logger LOG = LoggerFactory.getLogger(SharedFailures.class);

    private final Database db;
    private final SignInFailures rows = new SignInFailures();

    public SharedFailures(Database db) {
        this.db = db;
    }

    /** Seconds the key is still locked for by failures on any node (0: not locked). */
    long waitSeconds(String kind, String key, Instant now) {
        String hash = Tokens.hash(key);
        Optional<SignInFailures.Row> row = db.read(tx -> rows.row(tx, kind, hash, false));
        if (row.isEmpty() || row.get().lockedUntil() == null || !row.get().lockedUntil().isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, row.get().lockedUntil()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Counts one failure of the key, with the lock rule and window of {@code rule}. */
    void failed(String kind, String key, Instant now, FailureCounts rule) {
        String hash = Tokens.hash(key);
        for (int attempt = 1; ; attempt++) {
            try {
                db.inTransaction(tx -> {
                    Optional<SignInFailures.Row> row = rows.row(tx, kind, hash, true);
                    boolean current = row.isPresent() && (!row.get().lastFailure().plus(rule.forgetAfter()).isBefore(now)
                            || row.get().lockedUntil() != null && row.get().lockedUntil().isAfter(now));
                    int failures = current ? row.get().failures() + 1 : 1;
                    rows.put(tx, kind, hash, new SignInFailures.Row(failures, now, rule.lockedUntil(failures, now)));
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                // Two nodes inserting the key's first row at once: one insert fails; again, it then updates.
                if (attempt >= 2) {
                    LOG.warn("a failed sign-in ({}) could not be counted in the database ({}); counted on this node only", kind,
                            e.getClass().getSimpleName());
                    return;
                }
            }
        }
    }

    /** Forgets the key's failures (a successful sign-in). */
    void cleared(String kind, String key) {
        String hash = Tokens.hash(key);
        try {
            db.inTransaction(tx -> {
                rows.clear(tx, kind, hash);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("a successful sign-in's failures could not be cleared in the database ({})", e.getClass().getSimpleName());
        }
    }
}
