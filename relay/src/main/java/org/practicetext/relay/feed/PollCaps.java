// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

/**
 * How many long-polls may be parked at once: per sign-in ({@code PT_MAX_POLLS_PER_TOKEN}) and per
 * practice ({@code PT_MAX_POLLS_PER_PRACTICE}). A desk keeps one poll open, and a second for a
 * moment while it reconnects; the caps stop one token, or one practice, from holding thousands.
 */
public record PollCaps(int perToken, int perPractice) {
    public static final int DEFAULT_PER_TOKEN = 4;
    public static final int DEFAULT_PER_PRACTICE = 200;
    /** What a refused poll is told to wait: parked polls end within {@link FeedRoutes#MAX_WAIT_SECONDS}, most far sooner. */
    public static final int RETRY_AFTER_SECONDS = 10;

    public PollCaps {
        if (perToken < 1 || perPractice < 1) {
            throw new IllegalArgumentException("PT_MAX_POLLS_PER_TOKEN and PT_MAX_POLLS_PER_PRACTICE must be at least 1.");
        }
    }

    public static PollCaps defaults() {
        return new PollCaps(DEFAULT_PER_TOKEN, DEFAULT_PER_PRACTICE);
    }
}
