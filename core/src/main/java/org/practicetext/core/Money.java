// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Amounts as PracticeText keeps them: integer cents (the currency's minor unit) of the practice's
 * ISO 4217 currency, never a floating-point number; formatted and parsed here for both the relay's
 * pages and the desk.
 */
public final class Money {
    /** The largest amount one request may ask for: 999,999.99. */
    public static final long LARGEST_CENTS = 99_999_999L;

    private Money() {
    }

    /** {@code 12050, "USD"} → "$120.50"; an unknown currency code shows as "120.50 XYZ". */
    public static String format(long cents, String currency) {
        Currency unit = currency(currency);
        if (unit == null) {
            return BigDecimal.valueOf(cents, 2).toPlainString() + " " + (currency == null ? "" : currency.strip());
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(unit));
        format.setCurrency(unit);
        int digits = Math.max(0, unit.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(cents, digits));
    }

    /**
     * What staff typed as an amount ("120", "120.5", "$1,240.00", " 85.00 "), in cents; empty when it is
     * not an amount of money, is zero or negative, has more than two decimals or is over
     * {@link #LARGEST_CENTS}.
     */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String plain = text.strip().replace(",", "").replace("$", "").replace("€", "").replace("£", "").strip();
        if (!plain.matches("[0-9]{1,9}(\\.[0-9]{0,2})?") && !plain.matches("\\.[0-9]{1,2}")) {
            return OptionalLong.empty();
        }
        BigDecimal value = new BigDecimal(plain.endsWith(".") ? plain + "0" : plain).setScale(2, RoundingMode.UNNECESSARY);
        long cents = value.movePointRight(2).longValueExact();
        return cents <= 0 || cents > LARGEST_CENTS ? OptionalLong.empty() : OptionalLong.of(cents);
    }

    /** Whether {@code code} is an ISO 4217 currency with cents (two minor digits), as Stripe's amounts are here. */
    public static boolean knownCurrency(String code) {
        Currency unit = currency(code);
        return unit != null && unit.getDefaultFractionDigits() == 2;
    }

    private static Currency currency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Locale locale(Currency unit) {
        return switch (unit.getCurrencyCode()) {
            case "USD" -> Locale.US;
            case "CAD" -> Locale.CANADA;
            case "GBP" -> Locale.UK;
            case "AUD" -> Locale.of("en", "AU");
            case "EUR" -> Locale.of("en", "IE");
            default -> Locale.US;
        };
    }
}
