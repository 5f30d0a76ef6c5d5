// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

/** The relay's payment provider in an admin's words (read only: it is the relay's configuration, ADR 0024). */
final class PaymentWords {
    private PaymentWords() {
    }

    static String of(String provider, String currency) {
        String in = currency == null || currency.isBlank() ? "" : ", in " + currency;
        return switch (provider == null ? "none" : provider) {
            case "stripe" -> "Stripe" + in + ". Patients pay by card on Stripe's page.";
            case "simulated" -> "Simulated" + in + ": a demo page with a Pay button, no real money moves.";
            case "none" -> "None. The relay has no payment provider, so payment requests cannot be sent. "
                    + "Your PracticeText operator sets one up (Stripe) on the relay.";
            default -> provider + in + ".";
        };
    }
}
