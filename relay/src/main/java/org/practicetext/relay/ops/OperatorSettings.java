// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What an operator sets for running the relay: how long a stop may take
 * ({@code PT_SHUTDOWN_SECONDS}), the bearer token that turns {@code GET /metrics} on
 * ({@code PT_METRICS_TOKEN}; off without it), and the log format ({@code PT_LOG_FORMAT},
 * {@code text} or {@code json}; read by logback.xml itself, checked here so a typo stops the
 * relay with a clear message instead of silencing its log), and the folder H2 backups are written
 * to ({@code PT_BACKUP_DIR}, default {@code backups} in {@code PT_DATA_DIR}).
 */
public record OperatorSettings(Duration shutdownTimeout, String metricsToken, String logFormat, Path backupFolder) {
    public static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(20);
    /** Shorter than this and a webhook in flight (up to the database's lock timeout, 10 s) could be cut. */
    public static final Duration SHORTEST_SHUTDOWN = Duration.ofSeconds(5);
    /** A token shorter than this is refused: a scrape token is a secret, not a password someone types. */
    public static final int SHORTEST_TOKEN = 16;

    public OperatorSettings {
        if (shutdownTimeout.compareTo(SHORTEST_SHUTDOWN) < 0) {
            throw new IllegalArgumentException("PT_SHUTDOWN_SECONDS must be at least " + SHORTEST_SHUTDOWN.toSeconds() + ".");
        }
        if (metricsToken != null && (metricsToken.length() < SHORTEST_TOKEN || !metricsToken.matches("[\\x21-\\x7E]+"))) {
            throw new IllegalArgumentException("PT_METRICS_TOKEN must be at least " + SHORTEST_TOKEN + " printable characters without spaces.");
        }
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("PT_LOG_FORMAT must be text or json, not " + logFormat + ".");
        }
    }

    public static OperatorSettings defaults() {
        return new OperatorSettings(DEFAULT_SHUTDOWN, null, "text", Path.of("./data/backups"));
    }
}
