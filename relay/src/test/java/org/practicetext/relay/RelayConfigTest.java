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
    void operatorSettingsHaveTheirDefaultsAndRefuseWhatCannotWork() {
        assertThat(config().operations().shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config().operations().metricsToken()).isNull();
        assertThat(config().operations().logFormat()).isEqualTo("text");
        assertThat(config("PT_LOG_FORMAT", "json", "PT_SHUTDOWN_SECONDS", "45").operations())
                .extracting(o -> o.logFormat(), o -> o.shutdownTimeout()).containsExactly("json", Duration.ofSeconds(45));

        assertThatThrownBy(() -> config("PT_LOG_FORMAT", "JSON")).hasMessageContaining("PT_LOG_FORMAT must be text or json");
        assertThatThrownBy(() -> config("PT_SHUTDOWN_SECONDS", "2")).hasMessageContaining("PT_SHUTDOWN_SECONDS must be at least 5");
        assertThatThrownBy(() -> config("PT_METRICS_TOKEN", "short")).hasMessageContaining("PT_METRICS_TOKEN must be at least 16");
    }
}
