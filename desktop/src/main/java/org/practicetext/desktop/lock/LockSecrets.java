// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import org.practicetext.desktop.RelayException;

/**
 * What unlocks this workstation's lock screen for the signed-in person (ADR 0026): a PIN of 4–8
 * digits set here, or their password. Both are kept only as {@code PasswordKeys} verifiers in the
 * encrypted cache. After {@link #PIN_TRIES} wrong PINs only the password unlocks (the count
 * survives a restart); a right password clears it. The password is checked against the verifier
 * of the one last typed on this desk (at sign-in, on a password change), else by the relay.
 * Every method may block (PBKDF2 takes a good part of a second): call them off the FX thread.
 */
public interface LockSecrets {
    int PIN_TRIES = 5;
    int PIN_SHORTEST = 4;
    int PIN_LONGEST = 8;

    /** What a PIN typed at the lock screen gave. */
    enum PinAnswer {
        RIGHT, WRONG, PASSWORD_ONLY
    }

    boolean hasPin();

    /** Sets (or replaces) the PIN; it must be 4–8 digits. */
    void setPin(char[] pin);

    /** Checks a PIN, counting a wrong one; past the tries, even the right PIN answers {@link PinAnswer#PASSWORD_ONLY}. */
    PinAnswer checkPin(char[] pin);

    /** Wrong PINs since the last unlock. */
    int failedPins();

    /** Keeps a verifier of the password just typed here (sign-in, password change). */
    default void rememberPassword(char[] password) {
        keepPasswordVerifier(org.practicetext.desktop.secrets.PasswordKeys.verifier(password));
    }

    /** Keeps a {@code PasswordKeys} verifier of the password made before (a sign-in makes it before the client starts syncing). */
    void keepPasswordVerifier(String verifier);

    /** Whether this is the person's password; a right one clears the wrong PINs. Asks the relay only when this desk has no verifier. */
    boolean checkPassword(char[] password) throws RelayException;

    /** Whether {@code pin} is a PIN this lock takes: 4–8 ASCII digits. */
    static boolean validPin(CharSequence pin) {
        if (pin == null || pin.length() < PIN_SHORTEST || pin.length() > PIN_LONGEST) {
            return false;
        }
        return pin.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A client with nowhere to keep secrets (a stub): no PIN can be set, no password is right. */
    LockSecrets NONE = new LockSecrets() {
        @Override
        public boolean hasPin() {
            return false;
        }

        @Override
        public void setPin(char[] pin) {
            throw new UnsupportedOperationException("this client keeps no lock secrets");
        }

        @Override
        public PinAnswer checkPin(char[] pin) {
            return PinAnswer.WRONG;
        }

        @Override
        public int failedPins() {
            return 0;
        }

        @Override
        public void keepPasswordVerifier(String verifier) {
        }

        @Override
        public boolean checkPassword(char[] password) {
            return false;
        }
    };
}
