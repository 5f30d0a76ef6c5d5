// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.security.SecureRandom;

/**
 * Initial passwords the relay makes when the operator gives none: 16 characters from an alphabet
 * without look-alikes (no 0/O, 1/l/I), about 90 bits, easy to read out over the phone.
 */
final class InitialPasswords {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPasswords() {
    }

    static String make() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
