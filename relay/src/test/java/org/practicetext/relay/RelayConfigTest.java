// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits' environment variables: defaults, and a precise refusal of values that cannot work. */
class RelayConfigTest {
    private static RelayConfig config(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("PT_CARRIER", "simulated"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return RelayConfig.fromEnvironment(env);
    }

    @Test
    void limitsHaveTheirDocumentedDefaults() {
        RelayConfig config = config();

        assertThat(config.connectionLimits().headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connectionLimits().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.pollCaps().perToken()).isEqualTo(4);
        assertThat(config.pollCaps().perPractice()).isEqualTo(200);
        assertThat(config.trustedProxies().isEmpty()).isTrue();
    }

    @Test
    void anIdleTimeoutShorterThanALongPollIsRefused() {
        assertThatThrownBy(() -> config("PT_IDLE_TIMEOUT_SECONDS", "30")).hasMessageContaining("PT_IDLE_TIMEOUT_SECONDS must be at least 35");
        assertThat(config("PT_IDLE_TIMEOUT_SECONDS", "35").connectionLimits().idleTimeout()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void badNumbersAndAddressesAreRefusedByName() {
        assertThatThrownBy(() -> config("PT_MAX_POLLS_PER_TOKEN", "0")).hasMessageContaining("PT_MAX_POLLS_PER_TOKEN");
        assertThatThrownBy(() -> config("PT_HEADER_TIMEOUT_SECONDS", "ten")).hasMessageContaining("PT_HEADER_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> config("PT_TRUSTED_PROXIES", "10.0.0.0/8, proxy")).hasMessageContaining("proxy");
    }

    @Test
    void byDefaultEveryDeskIsServedAndNoUpdateIsAnnounced() {
        var versions = config().desktopVersions();

        assertThat(versions.oldestProtocol()).isEqualTo(1);
        assertThat(versions.latestDesktop()).isNull();
        assertThat(versions.downloadUrl()).isNull();
    }

    @Test
    void theDesktopVersionsAreReadAndAnnounced() {
        var versions = config("PT_OLDEST_PROTOCOL", "2", "PT_DESKTOP_LATEST_VERSION", "1.4.2",
                "PT_DESKTOP_DOWNLOAD_URL", "https://example.org/practicetext").desktopVersions();

        assertThat(versions.info()).isEqualTo(new org.practicetext.protocol.VersionInfo(2, 2, "1.4.2", "https://example.org/practicetext"));
    }

    @Test
    void desktopVersionsThatCannotWorkStopTheRelayByName() {
        assertThatThrownBy(() -> config("PT_OLDEST_PROTOCOL", "3")).hasMessageContaining("PT_OLDEST_PROTOCOL must be a whole number from 1 to 2");
        assertThatThrownBy(() -> config("PT_OLDEST_PROTOCOL", "0")).hasMessageContaining("PT_OLDEST_PROTOCOL");
        assertThatThrownBy(() -> config("PT_OLDEST_PROTOCOL", "two")).hasMessageContaining("PT_OLDEST_PROTOCOL");
        assertThatThrownBy(() -> config("PT_DESKTOP_LATEST_VERSION", "1.4.x", "PT_DESKTOP_DOWNLOAD_URL", "https://example.org/d"))
                .hasMessageContaining("PT_DESKTOP_LATEST_VERSION must be a release version like 1.4.2, not 1.4.x");
        assertThatThrownBy(() -> config("PT_DESKTOP_LATEST_VERSION", "1.5.0-SNAPSHOT", "PT_DESKTOP_DOWNLOAD_URL", "https://example.org/d"))
                .hasMessageContaining("no -qualifier");
        assertThatThrownBy(() -> config("PT_DESKTOP_LATEST_VERSION", "1.4.2"))
                .hasMessageContaining("PT_DESKTOP_DOWNLOAD_URL is not");
        for (String bad : new String[] {"example.org/download", "ftp://example.org/d", "https://", "https://user:pw@example.org/d", "https://exa mple.org"}) {
            assertThatThrownBy(() -> config("PT_DESKTOP_DOWNLOAD_URL", bad)).as(bad).hasMessageContaining("PT_DESKTOP_DOWNLOAD_URL must be an absolute http(s) URL");
        }
    }

    @Test
    void operatorSettingsHaveTheirDefaultsAndRefuseWhatCannotWork() {
        assertThat(config().operations().shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config().operations().metricsToken()).isNull();
        assertThat(config().operations().logFormat()).isEqualTo("text");
        assertThat(config("PT_LOG_FORMAT", "json", "PT_SHUTDOWN_SECONDS", "45").operations())
                .extracting(o -> o.logFormat(), o -> o.shutdownTimeout()).containsExactly("json", Duration.ofSeconds(45));

        assertThat(config("PT_DATA_DIR", "/srv/pt").operations().backupFolder()).isEqualTo(java.nio.file.Path.of("/srv/pt/backups"));
        assertThat(config("PT_DATA_DIR", "/srv/pt", "PT_BACKUP_DIR", "/mnt/backups/pt/").operations().backupFolder())
                .isEqualTo(java.nio.file.Path.of("/mnt/backups/pt"));

        assertThatThrownBy(() -> config("PT_LOG_FORMAT", "JSON")).hasMessageContaining("PT_LOG_FORMAT must be text or json");
        assertThatThrownBy(() -> config("PT_SHUTDOWN_SECONDS", "2")).hasMessageContaining("PT_SHUTDOWN_SECONDS must be at least 5");
        assertThatThrownBy(() -> config("PT_METRICS_TOKEN", "short")).hasMessageContaining("PT_METRICS_TOKEN must be at least 16");
    }

    @Test
    void theOperatorApiIsOffWithoutATokenAndAShortTokenIsRefused() {
        assertThat(config().operatorToken()).isEmpty();
        assertThat(config("PT_OPERATOR_TOKEN", "  ").operatorToken()).isEmpty();
        assertThatThrownBy(() -> config("PT_OPERATOR_TOKEN", "secret")).hasMessageContaining("PT_OPERATOR_TOKEN must be at least 32");
        String token = "0123456789abcdef0123456789abcdef";
        assertThat(config("PT_OPERATOR_TOKEN", token).operatorToken()).hasValueSatisfying(t -> {
            assertThat(t.matches(token)).isTrue();
            assertThat(t.matches(token + "0")).isFalse();
            assertThat(t.matches(token.substring(1))).isFalse();
            assertThat(t.matches(null)).isFalse();
            assertThat(t.toString()).doesNotContain(token);
        });
    }
}
