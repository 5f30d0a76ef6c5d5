// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {
    @Test
    void aLongPassphraseIsAccepted() {
        assertThat(PasswordRule.flaw("correct horse battery", "rita")).isEmpty();
    }

    @Test
    void tenCharactersAreTheLeast() {
        assertThat(PasswordRule.flaw("abcdefgh1", "rita")).hasValueSatisfying(f -> assertThat(f).contains("at least 10"));
        assertThat(PasswordRule.flaw("abcdefgh12", "rita")).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(PasswordRule.flaw("🦷🦷🦷🦷🦷😀😀😀😀", "rita")).hasValueSatisfying(f -> assertThat(f).contains("at least 10"));
    }

    @Test
    void moreThan128CharactersAreRefused() {
        assertThat(PasswordRule.flaw("ab".repeat(64) + "c", "rita")).hasValueSatisfying(f -> assertThat(f).contains("at most 128"));
    }

    @Test
    void theUsernameInAnyCaseIsRefused() {
        assertThat(PasswordRule.flaw("hello-RITA-2026", "rita")).hasValueSatisfying(f -> assertThat(f).contains("username"));
    }

    @Test
    void oneOrTwoCharactersRepeatedAreRefused() {
        assertThat(PasswordRule.flaw("abababababab", "rita")).hasValueSatisfying(f -> assertThat(f).contains("repeated"));
    }

    @Test
    void aWellKnownPasswordIsRefusedWhateverItsCase() {
        assertThat(PasswordRule.flaw("Password123", "rita")).hasValueSatisfying(f -> assertThat(f).contains("attacker"));
    }
}
