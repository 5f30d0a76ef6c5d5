// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class E164NumberTest {
    @Test
    void holdsAnE164Number() {
        assertThat(new E164Number("+15551234567").value()).isEqualTo("+15551234567");
    }

    @Test
    void printsAsItsValue() {
        assertThat(new E164Number("+442079460958")).hasToString("+442079460958");
    }

    @Test
    void twoNumbersWithTheSameDigitsAreEqual() {
        assertThat(new E164Number("+15551234567")).isEqualTo(new E164Number("+15551234567"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"15551234567", "+05551234567", "+1 555 123 4567", "+1234567890123456", "+1", ""})
    void refusesTextThatIsNotE164(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new E164Number(text)).withMessageContaining("E.164");
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> new E164Number(null));
    }

    @Test
    void fifteenDigitsIsTheLongestE164() {
        assertThat(E164Number.isE164("+123456789012345")).isTrue();
    }

    @Test
    void isE164IsFalseForATypedNumber() {
        assertThat(E164Number.isE164("(555) 123-4567")).isFalse();
    }

    @Test
    void isE164IsFalseForNull() {
        assertThat(E164Number.isE164(null)).isFalse();
    }
}
