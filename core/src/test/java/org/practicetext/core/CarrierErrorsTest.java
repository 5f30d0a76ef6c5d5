// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierErrorsTest {
    @Test
    void optedOutExplanationSaysThePatientOptedOut() {
        assertThat(CarrierErrors.explain(21610)).contains("opted out");
    }

    @Test
    void optedOutExplanationSaysHowToResumeWithStart() {
        assertThat(CarrierErrors.explain(21610)).contains("START");
    }

    @Test
    void landlineExplanationMentionsLandline() {
        assertThat(CarrierErrors.explain(21614)).containsIgnoringCase("landline");
    }

    @Test
    void invalidNumberExplanationSaysTheNumberIsNotValid() {
        assertThat(CarrierErrors.explain(21211)).contains("not valid");
    }

    @Test
    void anUnknownCodeIsNamedInTheExplanation() {
        assertThat(CarrierErrors.explain(12345)).contains("12345");
    }

    @ParameterizedTest
    @ValueSource(ints = {21211, 21610, 21614, 30003, 30006, 30007})
    void aKnownCodeGetsItsOwnExplanationNotTheGenericOne(int code) {
        assertThat(CarrierErrors.explain(code)).doesNotContain(String.valueOf(code));
    }

    @Test
    void noCodeStillGivesASentence() {
        assertThat(CarrierErrors.explain(null)).isNotBlank().endsWith(".");
    }

    @ParameterizedTest
    @ValueSource(ints = {21614, 21635, 30006})
    void landlineCodesMeanLandline(int code) {
        assertThat(CarrierErrors.meansLandline(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {21211, 21610, 30003})
    void otherCodesDoNotMeanLandline(int code) {
        assertThat(CarrierErrors.meansLandline(code)).isFalse();
    }

    @Test
    void noCodeDoesNotMeanLandline() {
        assertThat(CarrierErrors.meansLandline(null)).isFalse();
    }

    @Test
    void code21610MeansOptedOut() {
        assertThat(CarrierErrors.meansOptedOut(21610)).isTrue();
    }

    @Test
    void aLandlineCodeDoesNotMeanOptedOut() {
        assertThat(CarrierErrors.meansOptedOut(21614)).isFalse();
    }

    @Test
    void noCodeDoesNotMeanOptedOut() {
        assertThat(CarrierErrors.meansOptedOut(null)).isFalse();
    }
}
