// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.lock.LockSecrets;
import org.practicetext.desktop.ui.testing.SameThreadUiTasks;

/** The lock screen's rules without a window (the secrets in memory: PBKDF2 is LiveLockSecretsTest's). */
class LockViewModelTest {
    /** The rules of LiveLockSecrets over plain strings. */
    static final class MemorySecrets implements LockSecrets {
        String pin;
        String password = "practicetext";
        int failed;
        boolean relayDown;

        @Override
        public boolean hasPin() {
            return pin != null;
        }

        @Override
        public void setPin(char[] typed) {
            pin = new String(typed);
            failed = 0;
        }

        @Override
        public PinAnswer checkPin(char[] typed) {
            if (failed >= PIN_TRIES) {
                return PinAnswer.PASSWORD_ONLY;
            }
            if (new String(typed).equals(pin)) {
                failed = 0;
                return PinAnswer.RIGHT;
            }
            failed++;
            return failed >= PIN_TRIES ? PinAnswer.PASSWORD_ONLY : PinAnswer.WRONG;
        }

        @Override
        public int failedPins() {
            return failed;
        }

        @Override
        public void rememberPassword(char[] typed) {
            password = new String(typed);
        }

        @Override
        public void keepPasswordVerifier(String verifier) {
            throw new UnsupportedOperationException("the memory secrets keep the password itself");
        }

        @Override
        public boolean checkPassword(char[] typed) throws RelayException {
            if (relayDown) {
                throw new RelayException(0, "offline", "no relay");
            }
            boolean right = new String(typed).equals(password);
            if (right) {
                failed = 0;
            }
            return right;
        }
    }

    private final MemorySecrets secrets = new MemorySecrets();
    private final LockViewModel lock = new LockViewModel(new SameThreadUiTasks(), secrets);

    @Test
    void withAPinTheLockAsksForItAndTheRightOneUnlocks() {
        secrets.pin = "4821";
        lock.lock();
        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.modeProperty().get()).isEqualTo(LockViewModel.Mode.PIN);

        lock.pinProperty().set("4821");
        lock.unlockWithPin();

        assertThat(lock.lockedProperty().get()).isFalse();
        assertThat(lock.pinProperty().get()).as("the typed PIN is not kept").isEmpty();
    }

    @Test
    void aWrongPinSaysSoAndHowManyTriesAreLeft() {
        secrets.pin = "4821";
        lock.lock();
        lock.pinProperty().set("1234");
        lock.unlockWithPin();

        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.messageProperty().get()).isEqualTo("That PIN isn't right. 4 tries left before only your password unlocks.");
        assertThat(lock.pinProperty().get()).isEmpty();
    }

    @Test
    void afterFiveWrongPinsOnlyThePasswordUnlocks() {
        secrets.pin = "4821";
        lock.lock();
        for (int i = 0; i < LockSecrets.PIN_TRIES; i++) {
            lock.pinProperty().set("0000");
            lock.unlockWithPin();
        }
        assertThat(lock.modeProperty().get()).isEqualTo(LockViewModel.Mode.PASSWORD);
        assertThat(lock.messageProperty().get()).isEqualTo("Too many wrong PINs: only your password unlocks now.");

        lock.usePin();
        assertThat(lock.modeProperty().get()).as("no way back to the PIN").isEqualTo(LockViewModel.Mode.PASSWORD);
        lock.pinProperty().set("4821");
        lock.unlockWithPin();
        assertThat(lock.lockedProperty().get()).isTrue();

        lock.passwordProperty().set("practicetext");
        lock.unlockWithPassword();
        assertThat(lock.lockedProperty().get()).isFalse();
    }

    @Test
    void lockingAgainAfterFiveWrongPinsStillAsksForThePassword() {
        secrets.pin = "4821";
        secrets.failed = LockSecrets.PIN_TRIES;
        lock.lock();
        assertThat(lock.modeProperty().get()).isEqualTo(LockViewModel.Mode.PASSWORD);
        assertThat(lock.messageProperty().get()).contains("only your password");
    }

    @Test
    void withoutAPinThePasswordUnlocksAndCanSetOne() {
        lock.lock();
        assertThat(lock.modeProperty().get()).isEqualTo(LockViewModel.Mode.PASSWORD);
        assertThat(lock.hasPinProperty().get()).isFalse();

        lock.passwordProperty().set("practicetext");
        lock.newPinProperty().set("2468");
        lock.unlockWithPassword();

        assertThat(lock.lockedProperty().get()).isFalse();
        assertThat(secrets.pin).isEqualTo("2468");
        lock.lock();
        assertThat(lock.modeProperty().get()).as("next time the PIN").isEqualTo(LockViewModel.Mode.PIN);
    }

    @Test
    void aWrongPasswordSetsNoPin() {
        lock.lock();
        lock.passwordProperty().set("guess");
        lock.newPinProperty().set("2468");
        lock.unlockWithPassword();

        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.messageProperty().get()).isEqualTo("That password isn't right.");
        assertThat(secrets.pin).isNull();
    }

    @Test
    void aNewPinThatIsNotFourToEightDigitsIsRefusedBeforeThePasswordIsChecked() {
        lock.lock();
        lock.passwordProperty().set("practicetext");
        lock.newPinProperty().set("12");
        lock.unlockWithPassword();

        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.messageProperty().get()).isEqualTo("A PIN is 4 to 8 digits (or leave it empty).");
        assertThat(lock.passwordProperty().get()).as("the password stays to fix the PIN").isEqualTo("practicetext");
    }

    @Test
    void aPasswordThatCannotBeCheckedSaysWhy() {
        secrets.relayDown = true;
        lock.lock();
        lock.passwordProperty().set("practicetext");
        lock.unlockWithPassword();

        assertThat(lock.lockedProperty().get()).isTrue();
        assertThat(lock.messageProperty().get()).contains("can't be checked now").contains("Switch user");
        assertThat(lock.busyProperty().get()).isFalse();
    }
}
