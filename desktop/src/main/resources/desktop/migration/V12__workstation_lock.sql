-- The lock screen's secrets of the account on this workstation (ADR 0026), in the (encrypted)
-- cache: the PIN the person set here and a verifier of their password as last typed here, both
-- PasswordKeys verifiers (PBKDF2, never the secret), and how many wrong PINs were typed since the
-- last unlock (after five only the password unlocks; kept across restarts on purpose).
CREATE TABLE workstation_lock (
    id                  INT PRIMARY KEY,
    pin_verifier        VARCHAR(200),
    password_verifier   VARCHAR(200),
    failed_pins         INT NOT NULL
);
INSERT INTO workstation_lock (id, pin_verifier, password_verifier, failed_pins) VALUES (1, NULL, NULL, 0);
