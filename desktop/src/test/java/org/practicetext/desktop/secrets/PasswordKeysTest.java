// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordKeysTest {
    @Test
    void aVerifierMatchesItsSecretAndNothingElse() {
        String verifier = PasswordKeys.verifier("4821".toCharArray());

        assertThat(verifier).startsWith("pbkdf2-sha256$600000$").doesNotContain("4821");
        assertThat(PasswordKeys.matches("4821".toCharArray(), verifier)).isTrue();
        assertThat(PasswordKeys.matches("4822".toCharArray(), verifier)).isFalse();
        assertThat(PasswordKeys.verifier("4821".toCharArray())).as("a new salt each time").isNotEqualTo(verifier);
    }

    @Test
    void aMalformedVerifierMatchesNothing() {
        assertThat(PasswordKeys.matches("x".toCharArray(), null)).isFalse();
        assertThat(PasswordKeys.matches("x".toCharArray(), "pbkdf2-sha256$abc$$")).isFalse();
        assertThat(PasswordKeys.matches("x".toCharArray(), "md5$1$AA$AA")).isFalse();
        assertThat(PasswordKeys.matches("x".toCharArray(), "pbkdf2-sha256$1$!!$AA")).isFalse();
    }

    @Test
    void theSameSecretAndSaltDeriveTheSameKey() {
        byte[] salt = PasswordKeys.salt();
        assertThat(PasswordKeys.derive("pw".toCharArray(), salt, 1000)).hasSize(32).isEqualTo(PasswordKeys.derive("pw".toCharArray(), salt, 1000))
                .isNotEqualTo(PasswordKeys.derive("pw".toCharArray(), PasswordKeys.salt(), 1000));
    }
}
