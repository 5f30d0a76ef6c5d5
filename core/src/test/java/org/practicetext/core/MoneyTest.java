// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void formatsCentsInTheCurrency() {
        assertThat(Money.format(12050, "USD")).isEqualTo("$120.50");
        assertThat(Money.format(124000, "usd")).isEqualTo("$1,240.00");
        assertThat(Money.format(5, "USD")).isEqualTo("$0.05");
        assertThat(Money.format(999, "CAD")).isEqualTo("$9.99");
        assertThat(Money.format(1999, "GBP")).isEqualTo("£19.99");
        assertThat(Money.format(1999, "XYZ")).isEqualTo("19.99 XYZ");
    }

    @Test
    void parsesWhatStaffType() {
        assertThat(Money.parse("120")).hasValue(12000);
        assertThat(Money.parse(" 120.5 ")).hasValue(12050);
        assertThat(Money.parse("$1,240.00")).hasValue(124000);
        assertThat(Money.parse(".99")).hasValue(99);
        assertThat(Money.parse("12.")).hasValue(1200);
        assertThat(Money.parse("999999.99")).hasValue(Money.LARGEST_CENTS);
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        for (String bad : new String[] {null, "", "0", "0.00", "-5", "12.345", "abc", "1e5", "1000000", "12,34.5.6", "$"}) {
            assertThat(Money.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void knowsCurrenciesWithCents() {
        assertThat(Money.knownCurrency("USD")).isTrue();
        assertThat(Money.knownCurrency("JPY")).as("no minor unit").isFalse();
        assertThat(Money.knownCurrency("ZZZ")).isFalse();
        assertThat(Money.knownCurrency("US")).isFalse();
    }
}
