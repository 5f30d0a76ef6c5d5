// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing, per account and per client address, with different thresholds.
 *
 * <p>An account's {@value #ACCOUNT_FREE_FAILURES}th failure locks it for 30 seconds; each further
 * failure doubles the wait, up to 15 minutes; its count is forgotten after an hour without
 * failures, or cleared by a successful sign-in. An address gets {@value #ADDRESS_FREE_FAILURES}
 * failures before the same locks, forgotten after 15 minutes without failures, and a success does
 * not clear it: a practice's front desk shares one public address, so the address limit is there
 * against one machine spraying guesses over many accounts, not against a few typos.
 *
 * <p>Three rules make it hold under attack:
 * <ul>
 * <li><b>A check is reserved before the password is verified</b> ({@link #begin}), in the same
 *     step that checks the limits. An account with {@code n} failures left may have at most
 *     {@code n} checks in flight, so sixty concurrent guesses get five checks, not six or sixty.
 * <li><b>A locked address refuses every account, even with the right password.</b> Checking the
 *     password first would answer a right guess differently from a wrong one, and the lock
 *     would no longer slow guessing at all; the threshold is high so that honest typos behind a
 *     shared address never reach it.
 * <li><b>Memory is bounded.</b> In memory, at most {@value #MAX_TRACKED} accounts and as many addresses are
 *     remembered; beyond that the least recently failed record is forgotten first. A stream of
 *     random usernames can push out an older record, but only by failing from addresses that
 *     the address limit locks in turn.
 * </ul>
 * Checks in flight are counted per relay node. Failures and locks are also kept in the database
 * ({@link SharedFailures}, table {@code sign_in_failure}) when the throttle has it, so failures
 * spread over several nodes on one database lock an account or an address as on one node; a
 * check reads the shared lock before it starts (ADR 0017).
 */
public final class LoginThrottle {
    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 50;
    static final int MAX_TRACKED = 10_000;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";

    private final Clock clock;
    /** The failures every node sees; null keeps them on this node only. */
    private final SharedFailures shared;
    private final FailureCounts accounts = new FailureCounts(ACCOUNT_FREE_FAILURES, FIRST_LOCK, MAX_LOCK, Duration.ofHours(1), MAX_TRACKED);
    private final FailureCounts addresses = new FailureCounts(ADDRESS_FREE_FAILURES, FIRST_LOCK, MAX_LOCK, Duration.ofMinutes(15), MAX_TRACKED);

    public LoginThrottle(Clock clock) {
        this(clock, null);
    }

    /** With failures shared through the database with the other relay nodes (null: this node only). */
    public LoginThrottle(Clock clock, SharedFailures shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /**
     * Reserves one password check for the account from the address, or refuses with how long to
     * wait. Exactly one of {@link Attempt#failed}, {@link Attempt#succeeded} or
     * {@link Attempt#abandoned} must follow.
     */
    public Attempt begin(String account, String address) {
        Instant now = clock.instant();
        if (shared != null) {
            long sharedWait = Math.max(shared.waitSeconds(ACCOUNT, account, now), shared.waitSeconds(ADDRESS, address, now));
            if (sharedWait > 0) {
                throw new Sessions.RetryLater(sharedWait);
            }
        }
        return beginHere(account, address, now);
    }

    private synchronized Attempt beginHere(String account, String address, Instant now) {
        long wait = Math.max(accounts.waitSeconds(account, now), addresses.waitSeconds(address, now));
        if (wait > 0) {
            throw new Sessions.RetryLater(wait);
        }
        accounts.reserve(account, now);
        addresses.reserve(address, now);
        return new Attempt(account, address);
    }

    /** Records kept right now (accounts plus addresses), for tests and metrics. */
    public synchronized int tracked() {
        return accounts.size() + addresses.size();
    }

    private void failed(String account, String address) {
        Instant now = clock.instant();
        synchronized (this) {
            accounts.failed(account, now);
            addresses.failed(address, now);
        }
        if (shared != null) {
            shared.failed(ACCOUNT, account, now, accounts);
            shared.failed(ADDRESS, address, now, addresses);
        }
    }

    private void succeeded(String account, String address) {
        synchronized (this) {
            accounts.cleared(account);
            addresses.released(address);
        }
        if (shared != null) {
            shared.cleared(ACCOUNT, account);
        }
    }

    private synchronized void abandoned(String account, String address) {
        accounts.released(account);
        addresses.released(address);
    }

    /** One reserved password check. */
    public final class Attempt {
        private final String account;
        private final String address;
        private boolean settled;

        private Attempt(String account, String address) {
            this.account = account;
            this.address = address;
        }

        public void failed() {
            if (settle()) {
                LoginThrottle.this.failed(account, address);
            }
        }

        public void succeeded() {
            if (settle()) {
                LoginThrottle.this.succeeded(account, address);
            }
        }

        /** The check could not be made (the database failed): it counts for nothing. */
        public void abandoned() {
            if (settle()) {
                LoginThrottle.this.abandoned(account, address);
            }
        }

        private synchronized boolean settle() {
            boolean first = !settled;
            settled = true;
            return first;
        }
    }
}
