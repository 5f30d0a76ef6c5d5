// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordTest {
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
    void everyOptOutWordOptsOut(String word) {
        assertThat(Keyword.of(word)).isEqualTo(Keyword.OPT_OUT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"stop", "Stop", "sToP", "stopall", "Unsubscribe", "cancel", "End", "quit", "revoke", "OptOut"})
    void optOutWordsCountInAnyCase(String word) {
        assertThat(Keyword.of(word)).isEqualTo(Keyword.OPT_OUT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"  STOP", "STOP  ", "\tstop\n", " \r\n Quit \r\n"})
    void surroundingWhitespaceIsIgnored(String body) {
        assertThat(Keyword.of(body)).isEqualTo(Keyword.OPT_OUT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Stop!", "STOP.", "stop!!!", " Stop. "})
    void trailingFullStopOrExclamationStillCounts(String body) {
        assertThat(Keyword.of(body)).isEqualTo(Keyword.OPT_OUT);
    }

    @Test
    void aSentenceStartingWithStopIsNotAKeyword() {
        assertThat(Keyword.of("Stop please")).isEqualTo(Keyword.NONE);
    }

    @Test
    void optOutWithASpaceIsNotAKeyword() {
        assertThat(Keyword.of("OPT OUT")).isEqualTo(Keyword.NONE);
    }

    @Test
    void aWordThatOnlyContainsStopIsNotAKeyword() {
        assertThat(Keyword.of("Stopping by later")).isEqualTo(Keyword.NONE);
    }

    @Test
    void stopInsideASentenceIsNotAKeyword() {
        assertThat(Keyword.of("Please don't stop")).isEqualTo(Keyword.NONE);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"START", "yes", "Unstop", " start! "})
    void optInWordsOptBackIn(String body) {
        assertThat(Keyword.of(body)).isEqualTo(Keyword.OPT_IN);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"HELP", "help", "Info", "info."})
    void helpWordsAskForHelp(String body) {
        assertThat(Keyword.of(body)).isEqualTo(Keyword.HELP);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "Hello", "See you at 3", "?"})
    void ordinaryTextIsNoKeyword(String body) {
        assertThat(Keyword.of(body)).isEqualTo(Keyword.NONE);
    }

    @Test
    void aNullBodyIsNoKeyword() {
        assertThat(Keyword.of(null)).isEqualTo(Keyword.NONE);
    }

    @Test
    void optOutTypeStopWinsOverAnOrdinaryBody() {
        assertThat(Keyword.of("hello", "STOP")).isEqualTo(Keyword.OPT_OUT);
    }

    @Test
    void optOutTypeStartWinsOverAnOrdinaryBody() {
        assertThat(Keyword.of("hello", "START")).isEqualTo(Keyword.OPT_IN);
    }

    @Test
    void optOutTypeHelpWinsOverAnOrdinaryBody() {
        assertThat(Keyword.of("hello", "HELP")).isEqualTo(Keyword.HELP);
    }

    @Test
    void optOutTypeIsReadInAnyCase() {
        assertThat(Keyword.of("hello", " stop ")).isEqualTo(Keyword.OPT_OUT);
    }

    @Test
    void aMissingOptOutTypeFallsBackToTheBody() {
        assertThat(Keyword.of("STOP", null)).isEqualTo(Keyword.OPT_OUT);
    }

    @Test
    void aBlankOptOutTypeFallsBackToTheBody() {
        assertThat(Keyword.of("START", "")).isEqualTo(Keyword.OPT_IN);
    }

    @Test
    void anUnknownOptOutTypeFallsBackToTheBody() {
        assertThat(Keyword.of("STOP", "SOMETHING_ELSE")).isEqualTo(Keyword.OPT_OUT);
    }

    @Test
    void noBreakSpacesAroundTheWordAreIgnoredLikeOtherWhitespace() {
        assertThat(Keyword.of("STOP\u00A0")).isEqualTo(Keyword.OPT_OUT);
        assertThat(Keyword.of("\u202FStart")).isEqualTo(Keyword.OPT_IN);
    }
}
