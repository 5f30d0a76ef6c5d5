// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.practicetext.core.Money;

/**
 * The operator's payment settings (ADR 0024): {@code PT_PAYMENTS} ({@code stripe}, {@code simulated}
 * or {@code none}; by default {@code simulated} with the simulated carrier and {@code none}
 * otherwise), {@code STRIPE_SECRET_KEY} ({@code sk_…} or a restricted {@code rk_…}) and
 * {@code STRIPE_WEBHOOK_SECRET} ({@code whsec_…}, the endpoint's signing secret), both required for
 * Stripe, {@code PT_STRIPE_API_BASE} (Stripe's own API unless a test names a fake) and
 * {@code PT_CURRENCY} (ISO 4217 with cents, default {@code USD}).
 *
 * <p>The simulated provider signs its webhooks with a secret made when the relay starts (or
 * {@code STRIPE_WEBHOOK_SECRET} when set), so no one outside the relay can forge one. Messages and
 * {@link #toString()} never show a key or a secret.
 */
public record PaymentSettings(String provider, String secretKey, String webhookSecret, String apiBase, String currency) {
    public static final String STRIPE = "stripe";
    public static final String SIMULATED = "simulated";
    public static final String NONE = "none";
    /** Stripe's own API, the default of {@code PT_STRIPE_API_BASE}. */
    public static final String STRIPE_API = "https://api.stripe.com";

    public static PaymentSettings fromEnvironment(Map<String, String> env, String carrier) {
        String provider = text(env, "PT_PAYMENTS");
        if (provider == null) {
            provider = "simulated".equals(carrier) ? SIMULATED : NONE;
        }
        provider = provider.toLowerCase(Locale.ROOT);
        if (!provider.equals(STRIPE) && !provider.equals(SIMULATED) && !provider.equals(NONE)) {
            throw new IllegalArgumentException("PT_PAYMENTS must be stripe, simulated or none, not " + provider + ".");
        }
        String currency = text(env, "PT_CURRENCY") == null ? "USD" : text(env, "PT_CURRENCY");
        if (!Money.knownCurrency(currency)) {
            throw new IllegalArgumentException("PT_CURRENCY must be an ISO 4217 currency with cents, such as USD or EUR, not " + currency + ".");
        }
        String key = text(env, "STRIPE_SECRET_KEY");
        String secret = text(env, "STRIPE_WEBHOOK_SECRET");
        String apiBase = text(env, "PT_STRIPE_API_BASE") == null ? STRIPE_API : text(env, "PT_STRIPE_API_BASE");
        if (provider.equals(STRIPE)) {
            if (key == null || !(key.startsWith("sk_") || key.startsWith("rk_"))) {
                throw new IllegalArgumentException("STRIPE_SECRET_KEY (sk_… or rk_…) is required with PT_PAYMENTS=stripe.");
            }
            if (secret == null || !secret.startsWith("whsec_")) {
                throw new IllegalArgumentException("STRIPE_WEBHOOK_SECRET (whsec_…, the webhook endpoint's signing secret) is required with PT_PAYMENTS=stripe.");
            }
            if (!apiBase.matches("https?://[^\\s/?#]+/?")) {
                throw new IllegalArgumentException("PT_STRIPE_API_BASE must be a scheme, host and port only, such as " + STRIPE_API + ".");
            }
        } else if (provider.equals(SIMULATED) && secret == null) {
            secret = generatedSecret();
        }
        return new PaymentSettings(provider, provider.equals(STRIPE) ? key : null, secret, apiBase.replaceAll("/$", ""),
                currency.toUpperCase(Locale.ROOT));
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "whsec_sim_" + HexFormat.of().formatHex(bytes);
    }

    private static String text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Without the key and the secret, which must not reach a log. */
    @Override
    public String toString() {
        return "PaymentSettings[provider=" + provider + ", apiBase=" + apiBase + ", currency=" + currency + "]";
    }
}
