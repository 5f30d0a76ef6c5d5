// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.RelayConfig;

/** {@code PT_PAYMENTS} and the Stripe settings, read with the rest of the relay's configuration: defaults, and refusals that name the setting but never echo a secret. */
class PaymentSettingsTest {
    private static final String KEY = "sk_test_0123456789abcdef";
    private static final String SECRET = "whsec_0123456789abcdef";

    private static PaymentSettings payments(String carrier, String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("PT_CARRIER", carrier));
        if (carrier.equals("twilio")) {
            env.putAll(Map.of("TWILIO_AUTH_TOKEN", "token", "TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32)));
        }
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return RelayConfig.fromEnvironment(env).payments();
    }

    @Test
    void theSimulatedCarrierBringsSimulatedPaymentsAndTwilioNone() {
        PaymentSettings simulated = payments("simulated");
        assertThat(simulated.provider()).isEqualTo("simulated");
        assertThat(simulated.currency()).isEqualTo("USD");
        assertThat(simulated.webhookSecret()).startsWith("whsec_sim_").isNotEqualTo(payments("simulated").webhookSecret());
        assertThat(payments("twilio").provider()).isEqualTo("none");
        assertThat(payments("twilio", "PT_PAYMENTS", "simulated").provider()).isEqualTo("simulated");
        assertThat(payments("simulated", "PT_PAYMENTS", "none").provider()).isEqualTo("none");
    }

    @Test
    void stripeTakesItsKeySecretAndApiBase() {
        PaymentSettings stripe = payments("twilio", "PT_PAYMENTS", "stripe", "STRIPE_SECRET_KEY", KEY, "STRIPE_WEBHOOK_SECRET", SECRET,
                "PT_CURRENCY", "eur", "PT_STRIPE_API_BASE", "http://127.0.0.1:9999/");

        assertThat(stripe.secretKey()).isEqualTo(KEY);
        assertThat(stripe.webhookSecret()).isEqualTo(SECRET);
        assertThat(stripe.apiBase()).isEqualTo("http://127.0.0.1:9999");
        assertThat(stripe.currency()).isEqualTo("EUR");
        assertThat(stripe.toString()).doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(payments("twilio", "PT_PAYMENTS", "stripe", "STRIPE_SECRET_KEY", "rk_live_x", "STRIPE_WEBHOOK_SECRET", SECRET).apiBase())
                .isEqualTo(PaymentSettings.STRIPE_API);
    }

    @Test
    void stripeWithoutAUsableKeyOrSecretIsRefusedByNameWithoutEchoingThem() {
        assertThatThrownBy(() -> payments("twilio", "PT_PAYMENTS", "stripe", "STRIPE_WEBHOOK_SECRET", SECRET))
                .hasMessageContaining("STRIPE_SECRET_KEY");
        assertThatThrownBy(() -> payments("twilio", "PT_PAYMENTS", "stripe", "STRIPE_SECRET_KEY", "pk_test_public", "STRIPE_WEBHOOK_SECRET", SECRET))
                .hasMessageContaining("STRIPE_SECRET_KEY").hasMessageNotContaining("pk_test_public");
        assertThatThrownBy(() -> payments("twilio", "PT_PAYMENTS", "stripe", "STRIPE_SECRET_KEY", KEY, "STRIPE_WEBHOOK_SECRET", "notasecret"))
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET").hasMessageNotContaining("notasecret").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> payments("twilio", "PT_PAYMENTS", "stripe", "STRIPE_SECRET_KEY", KEY, "STRIPE_WEBHOOK_SECRET", SECRET,
                "PT_STRIPE_API_BASE", "ftp://x/v1")).hasMessageContaining("PT_STRIPE_API_BASE");
    }

    @Test
    void anUnknownProviderOrACurrencyWithoutCentsIsRefused() {
        assertThatThrownBy(() -> payments("simulated", "PT_PAYMENTS", "paypal")).hasMessageContaining("PT_PAYMENTS must be stripe, simulated or none");
        assertThatThrownBy(() -> payments("simulated", "PT_CURRENCY", "JPY")).hasMessageContaining("PT_CURRENCY");
        assertThatThrownBy(() -> payments("simulated", "PT_CURRENCY", "XYZ")).hasMessageContaining("PT_CURRENCY");
    }
}
