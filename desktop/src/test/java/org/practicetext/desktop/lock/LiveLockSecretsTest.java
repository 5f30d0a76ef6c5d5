// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;

/** The lock's secrets in a real cache: verifiers only, the five-try rule kept across a restart, the relay asked only without a verifier. */
class LiveLockSecretsTest {
    @TempDir
    Path temp;
    private CacheDatabase db;
    private final AtomicInteger relayAsked = new AtomicInteger();

    @BeforeEach
    void open() {
        db = CacheDatabase.open(temp.resolve("cache"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private LiveLockSecrets secrets() {
        return new LiveLockSecrets(db, password -> {
            relayAsked.incrementAndGet();
            return new String(password).equals("relay-knows-this");
        });
    }

    @Test
    void aPinSetHereUnlocksAndAWrongOneIsCounted() {
        LiveLockSecrets lock = secrets();
        assertThat(lock.hasPin()).isFalse();
        lock.setPin("4821".toCharArray());

        assertThat(lock.hasPin()).isTrue();
        assertThat(lock.checkPin("1111".toCharArray())).isEqualTo(LockSecrets.PinAnswer.WRONG);
        assertThat(lock.failedPins()).isEqualTo(1);
        assertThat(lock.checkPin("4821".toCharArray())).isEqualTo(LockSecrets.PinAnswer.RIGHT);
        assertThat(lock.failedPins()).as("a right PIN clears the count").isZero();
    }

    @Test
    void afterFiveWrongPinsOnlyThePasswordUnlocksEvenAfterARestart() throws RelayException {
        LiveLockSecrets lock = secrets();
        lock.setPin("4821".toCharArray());
        lock.rememberPassword("correct horse".toCharArray());
        for (int i = 1; i < LockSecrets.PIN_TRIES; i++) {
            assertThat(lock.checkPin("0000".toCharArray())).isEqualTo(LockSecrets.PinAnswer.WRONG);
        }
        assertThat(lock.checkPin("0000".toCharArray())).as("the fifth").isEqualTo(LockSecrets.PinAnswer.PASSWORD_ONLY);

        db.close();
        db = CacheDatabase.open(temp.resolve("cache"));
        LiveLockSecrets again = secrets();
        assertThat(again.checkPin("4821".toCharArray())).as("even the right PIN, after a restart").isEqualTo(LockSecrets.PinAnswer.PASSWORD_ONLY);
        assertThat(again.checkPassword("wrong".toCharArray())).isFalse();
        assertThat(again.checkPassword("correct horse".toCharArray())).isTrue();
        assertThat(again.checkPin("4821".toCharArray())).as("the password cleared the count").isEqualTo(LockSecrets.PinAnswer.RIGHT);
        assertThat(relayAsked).as("this desk had a verifier of the password").hasValue(0);
    }

    @Test
    void withoutAVerifierThePasswordIsAskedOfTheRelayOnceAndThenKept() throws RelayException {
        LiveLockSecrets lock = secrets();
        assertThat(lock.checkPassword("not it".toCharArray())).isFalse();
        assertThat(lock.checkPassword("relay-knows-this".toCharArray())).isTrue();
        assertThat(relayAsked).hasValue(2);

        assertThat(lock.checkPassword("relay-knows-this".toCharArray())).isTrue();
        assertThat(relayAsked).as("the right answer was kept as a verifier").hasValue(2);
    }

    @Test
    void onlyFourToEightDigitsMakeAPin() {
        assertThat(LockSecrets.validPin("1234")).isTrue();
        assertThat(LockSecrets.validPin("12345678")).isTrue();
        assertThat(LockSecrets.validPin("123")).isFalse();
        assertThat(LockSecrets.validPin("123456789")).isFalse();
        assertThat(LockSecrets.validPin("12a4")).isFalse();
        assertThat(LockSecrets.validPin("١٢٣٤")).as("Arabic-Indic digits").isFalse();
        assertThatThrownBy(() -> secrets().setPin("12".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCacheKeepsVerifiersNotThePinOrPassword() throws Exception {
        LiveLockSecrets lock = secrets();
        lock.setPin("93172846".toCharArray());
        lock.rememberPassword("Sunflower-Meadow-77".toCharArray());
        db.close();
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(file.toString()).doesNotContain("93172846").doesNotContain("Sunflower-Meadow-77");
            }
        }
        db = CacheDatabase.open(temp.resolve("cache"));
    }
}
