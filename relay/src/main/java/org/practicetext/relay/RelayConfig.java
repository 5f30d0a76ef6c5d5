// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.practicetext.relay.admin.OperatorToken;
import org.practicetext.relay.feed.FeedRoutes;
import org.practicetext.relay.feed.PollCaps;
import org.practicetext.relay.http.ConnectionLimits;
import org.practicetext.relay.http.TrustedProxies;
import org.practicetext.relay.media.MediaSettings;
import org.practicetext.relay.ops.OperatorSettings;
import org.practicetext.relay.payments.PaymentSettings;
import org.practicetext.relay.versions.DesktopVersions;

/**
 * The relay's configuration, read from environment variables (see README): {@code PT_PORT},
 * {@code PT_DB_URL}, {@code PT_DB_USER}, {@code PT_DB_PASSWORD}, {@code PT_PUBLIC_URL},
 * {@code PT_CARRIER}, {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN},
 * {@code PT_TWILIO_API_BASE}, {@code PT_TWILIO_MESSAGING_SERVICE_SID}, {@code PT_DATA_DIR}, {@code PT_SESSION_DAYS},
 * {@code PT_SIMULATED_STEP_MS}, {@code PT_NODE_ID}, {@code PT_TRUSTED_PROXIES},
 * {@code PT_HEADER_TIMEOUT_SECONDS}, {@code PT_IDLE_TIMEOUT_SECONDS}, {@code PT_MAX_POLLS_PER_TOKEN},
 * {@code PT_MAX_POLLS_PER_PRACTICE}, {@code PT_SHUTDOWN_SECONDS}, {@code PT_METRICS_TOKEN}, {@code PT_LOG_FORMAT},
 * {@code PT_OPERATOR_TOKEN} (the operator API is off without it), {@code PT_BACKUP_DIR}, {@code PT_MEDIA_MAX_BYTES},
 * {@code PT_MEDIA_DELETE_AT_CARRIER} ({@link MediaSettings}), {@code PT_PAYMENTS}, {@code STRIPE_SECRET_KEY},
 * {@code STRIPE_WEBHOOK_SECRET}, {@code PT_STRIPE_API_BASE}, {@code PT_CURRENCY} ({@link PaymentSettings}); and for the desks ({@link DesktopVersions}, checked at start):
 * {@code PT_OLDEST_PROTOCOL} (the oldest desktop protocol still served, default 1: every desk),
 * {@code PT_DESKTOP_LATEST_VERSION} (the newest desktop release, e.g. {@code 1.4.2}; the desks show
 * "Update available") and {@code PT_DESKTOP_DOWNLOAD_URL} (the http(s) page to get it from;
 * required with the version). docs/DEPLOYMENT.md describes them for the operator.
 */
public record RelayConfig(
        String host,
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String publicUrl,
        String carrier,
        String twilioAccountSid,
        String twilioAuthToken,
        String twilioApiBase,
        String twilioMessagingServiceSid,
        Duration simulatedStep,
        Duration sessionLifetime,
        String nodeId,
        TrustedProxies trustedProxies,
        ConnectionLimits connectionLimits,
        PollCaps pollCaps,
        DesktopVersions desktopVersions,
        OperatorSettings operations,
        Optional<OperatorToken> operatorToken,
        MediaSettings media,
        PaymentSettings payments) {

    /** The auth token used in simulated mode when none is configured; never used to talk to Twilio. */
    public static final String SIMULATED_AUTH_TOKEN = "simulated-auth-token";
    /** Twilio's own API, the default of {@code PT_TWILIO_API_BASE}. */
    public static final String TWILIO_API = "https://api.twilio.com";

    public static RelayConfig fromEnvironment(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("PT_PORT", "8080"));
        String dataDir = env.getOrDefault("PT_DATA_DIR", "./data");
        String dbUrl = env.getOrDefault("PT_DB_URL", org.practicetext.relay.store.Database.h2Url(Path.of(dataDir).toAbsolutePath().normalize().toString()));
        String carrier = env.getOrDefault("PT_CARRIER", "twilio");
        if (!carrier.equals("twilio") && !carrier.equals("simulated")) {
            throw new IllegalArgumentException("PT_CARRIER must be twilio or simulated, not " + carrier);
        }
        String token = env.get("TWILIO_AUTH_TOKEN");
        if (token == null || token.isBlank()) {
            if (carrier.equals("twilio")) {
                throw new IllegalArgumentException("TWILIO_AUTH_TOKEN is required with PT_CARRIER=twilio (it checks webhook signatures).");
            }
            token = SIMULATED_AUTH_TOKEN;
        }
        String accountSid = env.get("TWILIO_ACCOUNT_SID");
        if (carrier.equals("twilio") && (accountSid == null || !accountSid.startsWith("AC"))) {
            throw new IllegalArgumentException("TWILIO_ACCOUNT_SID (AC…) is required with PT_CARRIER=twilio.");
        }
        return new RelayConfig(
                env.getOrDefault("PT_HOST", "0.0.0.0"),
                port,
                dbUrl,
                env.getOrDefault("PT_DB_USER", dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
                env.getOrDefault("PT_DB_PASSWORD", ""),
                blankToNull(env.get("PT_PUBLIC_URL")),
                carrier,
                accountSid,
                token,
                env.getOrDefault("PT_TWILIO_API_BASE", TWILIO_API),
                blankToNull(env.get("PT_TWILIO_MESSAGING_SERVICE_SID")),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("PT_SIMULATED_STEP_MS", "700"))),
                Duration.ofDays(Long.parseLong(env.getOrDefault("PT_SESSION_DAYS", "30"))),
                env.getOrDefault("PT_NODE_ID", defaultNodeId()),
                TrustedProxies.parse(env.get("PT_TRUSTED_PROXIES")),
                connectionLimits(env),
                new PollCaps(positive(env, "PT_MAX_POLLS_PER_TOKEN", PollCaps.DEFAULT_PER_TOKEN),
                        positive(env, "PT_MAX_POLLS_PER_PRACTICE", PollCaps.DEFAULT_PER_PRACTICE)),
                DesktopVersions.fromEnvironment(env),
                new OperatorSettings(Duration.ofSeconds(positive(env, "PT_SHUTDOWN_SECONDS", (int) OperatorSettings.DEFAULT_SHUTDOWN.toSeconds())),
                        blankToNull(env.get("PT_METRICS_TOKEN")), java.util.Objects.requireNonNullElse(blankToNull(env.get("PT_LOG_FORMAT")), "text").strip(),
                        Path.of(java.util.Objects.requireNonNullElse(blankToNull(env.get("PT_BACKUP_DIR")), dataDir + "/backups")).toAbsolutePath().normalize()),
                OperatorToken.parse(env.get("PT_OPERATOR_TOKEN")),
                MediaSettings.fromEnvironment(env),
                PaymentSettings.fromEnvironment(env, carrier));
    }

    private static ConnectionLimits connectionLimits(Map<String, String> env) {
        Duration header = Duration.ofSeconds(positive(env, "PT_HEADER_TIMEOUT_SECONDS", (int) ConnectionLimits.DEFAULT_HEADER_TIMEOUT.toSeconds()));
        Duration idle = Duration.ofSeconds(positive(env, "PT_IDLE_TIMEOUT_SECONDS", (int) ConnectionLimits.DEFAULT_IDLE_TIMEOUT.toSeconds()));
        int shortest = FeedRoutes.MAX_WAIT_SECONDS + 5;
        if (idle.toSeconds() < shortest) {
            throw new IllegalArgumentException("PT_IDLE_TIMEOUT_SECONDS must be at least " + shortest
                    + ", longer than the longest long-poll wait (" + FeedRoutes.MAX_WAIT_SECONDS + " s).");
        }
        return new ConnectionLimits(header, idle);
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, not " + text + ".");
    }


    /** Stable across restarts of the same machine, so a node recovers its own interrupted hand-offs. */
    private static String defaultNodeId() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "relay";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
