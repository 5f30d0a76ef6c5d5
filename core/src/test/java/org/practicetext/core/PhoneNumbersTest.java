// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    private final PhoneNumbers us = new PhoneNumbers("US");
    private final PhoneNumbers gb = new PhoneNumbers("GB");

    @Nested
    class Parsing {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"(555) 123-4567", "555.123.4567", "555-123-4567", "+1 555 123 4567", "1-555-123-4567", "5551234567", "  (555) 123-4567  "})
        void everyUsualWayOfTypingAUsNumberGivesTheSameE164(String typed) throws Exception {
            assertThat(us.parse(typed).value()).isEqualTo("+15551234567");
        }

        @Test
        void anInternationalNumberTypedWithPlusKeepsItsOwnCountry() throws Exception {
            assertThat(us.parse("+44 20 7946 0958").value()).isEqualTo("+442079460958");
        }

        @Test
        void aUkPracticeParsesANationalUkNumberWithTrunkZero() throws Exception {
            assertThat(gb.parse("020 7946 0958").value()).isEqualTo("+442079460958");
        }

        @Test
        void aUkPracticeStillParsesAUsNumberTypedWithPlusOne() throws Exception {
            assertThat(gb.parse("+1 555 123 4567").value()).isEqualTo("+15551234567");
        }

        @Test
        void aRealUsAreaCodeParses() throws Exception {
            assertThat(us.parse("(415) 992-9960").value()).isEqualTo("+14159929960");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"+15005550006", "+15005550001", "+15005550002", "+15005550003", "+15005550004", "+15005550009"})
        void twilioMagicTestNumbersParse(String magic) throws Exception {
            assertThat(us.parse(magic).value()).isEqualTo(magic);
        }

        @Test
        void tryParseGivesTheNumberForValidText() {
            assertThat(us.tryParse("555-123-4567")).contains(new E164Number("+15551234567"));
        }

        @Test
        void tryParseIsEmptyForInvalidText() {
            assertThat(us.tryParse("12345")).isEmpty();
        }

        @Test
        void regionIsNormalisedToUpperCase() {
            assertThat(new PhoneNumbers("gb").region()).isEqualTo("GB");
        }

        @Test
        void noRegionMeansUs() {
            assertThat(new PhoneNumbers(null).region()).isEqualTo("US");
        }

        @Test
        void anUnknownRegionIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumbers("XX")).withMessageContaining("XX");
        }
    }

    @Nested
    class Refusing {
        @Test
        void emptyTextAsksForANumber() {
            assertThatThrownBy(() -> us.parse("")).isInstanceOf(InvalidPhoneNumberException.class).hasMessage("Enter a phone number.");
        }

        @Test
        void blankTextAsksForANumber() {
            assertThatThrownBy(() -> us.parse("   ")).isInstanceOf(InvalidPhoneNumberException.class).hasMessage("Enter a phone number.");
        }

        @Test
        void nullAsksForANumber() {
            assertThatThrownBy(() -> us.parse(null)).isInstanceOf(InvalidPhoneNumberException.class).hasMessage("Enter a phone number.");
        }

        @Test
        void lettersAreRefusedAsNotDigits() {
            assertThatThrownBy(() -> us.parse("555-CALL-NOW")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("only contain digits");
        }

        @Test
        void wordsAroundANumberAreRefusedEvenWhenTheyContainExt() {
            assertThatThrownBy(() -> us.parse("text 555-123-4567")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("only contain digits");
        }

        @Test
        void fiveDigitsAreTooShort() {
            assertThatThrownBy(() -> us.parse("12345")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("too short");
        }

        @Test
        void twelveDigitsAreTooLong() {
            assertThatThrownBy(() -> us.parse("555-123-4567-89")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("too long");
        }

        @Test
        void farMoreDigitsThanAnyNumberAreTooLong() {
            assertThatThrownBy(() -> us.parse("5551234567890123456789")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("too long");
        }

        @Test
        void anUnassignedCountryCodeIsNamedAsTheProblem() {
            assertThatThrownBy(() -> us.parse("+999 123")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("country code");
        }

        @Test
        void anExtensionWrittenAsExtIsRefusedAsAnExtension() {
            assertThatThrownBy(() -> us.parse("555-123-4567 ext. 89")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("extension");
        }

        @Test
        void anExtensionWrittenAsXIsRefusedAsAnExtension() {
            assertThatThrownBy(() -> us.parse("555-123-4567 x89")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("extension");
        }

        @Test
        void anExtensionWrittenOutInFullIsRefusedAsAnExtension() {
            assertThatThrownBy(() -> us.parse("555-123-4567 extension 89")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("extension");
        }

        @Test
        void aWordEndingInExtAfterTheNumberIsNotMistakenForAnExtension() {
            assertThatThrownBy(() -> us.parse("555-123-4567 next")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("only contain digits");
        }

        @Test
        void aNanpAreaCodeStartingWithZeroIsRefused() {
            assertThatThrownBy(() -> us.parse("(055) 123-4567")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("not a valid United States phone number");
        }

        @Test
        void aNanpAreaCodeStartingWithOneIsRefused() {
            assertThatThrownBy(() -> us.parse("+1 155 123 4567")).isInstanceOf(InvalidPhoneNumberException.class);
        }

        @Test
        void aNanpExchangeStartingWithZeroIsRefused() {
            assertThatThrownBy(() -> us.parse("(555) 023-4567")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("not a valid United States phone number");
        }

        @Test
        void anInvalidUkNumberIsRefusedNamingTheUk() {
            assertThatThrownBy(() -> gb.parse("020 7946 095")).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("United Kingdom");
        }
    }

    @Nested
    class Display {
        @Test
        void aNumberOfThePracticesOwnRegionIsShownInNationalFormat() {
            assertThat(us.display("+14159929960")).isEqualTo("(415) 992-9960");
        }

        @Test
        void a555NumberOfThePracticesOwnRegionIsShownInNationalFormat() {
            assertThat(us.display("+15551234567")).isEqualTo("(555) 123-4567");
        }

        @Test
        void aForeignNumberIsShownInInternationalFormat() {
            assertThat(us.display("+442079460958")).isEqualTo("+44 20 7946 0958");
        }

        @Test
        void aUkPracticeSeesUkNumbersInNationalFormat() {
            assertThat(gb.display("+442079460958")).isEqualTo("020 7946 0958");
        }

        @Test
        void aUkPracticeSeesUsNumbersInInternationalFormat() {
            assertThat(gb.display("+14159929960")).isEqualTo("+1 415-992-9960");
        }

        @Test
        void textThatIsNotANumberIsShownAsItIs() {
            assertThat(us.display("nonsense")).isEqualTo("nonsense");
        }
    }

    @Nested
    class DigitsKey {
        @Test
        void keepsOnlyTheDigits() {
            assertThat(PhoneNumbers.digitsKey("(555) 123-4567")).isEqualTo("5551234567");
        }

        @Test
        void keepsThePlusSignOut() {
            assertThat(PhoneNumbers.digitsKey("+1 555 123 4567")).isEqualTo("15551234567");
        }

        @Test
        void nullGivesAnEmptyKey() {
            assertThat(PhoneNumbers.digitsKey(null)).isEmpty();
        }

        @Test
        void nonLatinDigitsBecomeAsciiDigits() {
            assertThat(PhoneNumbers.digitsKey("٥٥٥-١٢")).isEqualTo("55512");
        }
    }
}
