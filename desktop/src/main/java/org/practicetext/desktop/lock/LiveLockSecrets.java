// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.LockRow;
import org.practicetext.desktop.secrets.PasswordKeys;

/**
 * The lock's secrets in the account's cache ({@link LockRow}); a password this desk has no
 * verifier of is asked of the relay ({@code relayCheck}: a sign-in with it), and a right answer
 * is then kept, so the next unlock works offline.
 */
public final class LiveLockSecrets implements LockSecrets {
    /** Asks the relay whether the password is right: true, false, or fails when it cannot be reached. */
    @FunctionalInterface
    public interface RelayCheck {
        boolean matches(char[] password) throws RelayException;
    }

    private final CacheDatabase db;
    private final RelayCheck relay;

    public LiveLockSecrets(CacheDatabase db, RelayCheck relay) {
        this.db = db;
        this.relay = relay;
    }

    private LockRow row() {
        return db.read(LockRow::read);
    }

    @Override
    public boolean hasPin() {
        return row().pinVerifier() != null;
    }

    @Override
    public void setPin(char[] pin) {
        if (!LockSecrets.validPin(java.nio.CharBuffer.wrap(pin))) {
            throw new IllegalArgumentException("A PIN is 4 to 8 digits.");
        }
        String verifier = PasswordKeys.verifier(pin);
        db.write(sql -> {
            LockRow.savePin(sql, verifier);
            return null;
        });
    }

    @Override
    public synchronized PinAnswer checkPin(char[] pin) {
        LockRow row = row();
        if (row.failedPins() >= PIN_TRIES) {
            return PinAnswer.PASSWORD_ONLY;
        }
        if (row.pinVerifier() != null && PasswordKeys.matches(pin, row.pinVerifier())) {
            saveFailed(0);
            return PinAnswer.RIGHT;
        }
        int failed = row.failedPins() + 1;
        saveFailed(failed);
        return failed >= PIN_TRIES ? PinAnswer.PASSWORD_ONLY : PinAnswer.WRONG;
    }

    @Override
    public int failedPins() {
        return row().failedPins();
    }

    @Override
    public void keepPasswordVerifier(String verifier) {
        db.write(sql -> {
            LockRow.savePassword(sql, verifier);
            return null;
        });
    }

    @Override
    public boolean checkPassword(char[] password) throws RelayException {
        String verifier = row().passwordVerifier();
        boolean right = verifier != null ? PasswordKeys.matches(password, verifier) : relay.matches(password);
        if (right) {
            if (verifier == null) {
                rememberPassword(password);
            }
            saveFailed(0);
        }
        return right;
    }

    private void saveFailed(int failed) {
        db.write(sql -> {
            LockRow.saveFailedPins(sql, failed);
            return null;
        });
    }
}
