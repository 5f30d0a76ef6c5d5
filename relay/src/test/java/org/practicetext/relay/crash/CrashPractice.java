// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One practice of the crash suite: its slug, its Twilio number, the patients who text it and
 * whom its desk texts, and the credentials its clients use. {@code apiKey} is null for a practice
 * without a reminder system.
 */
record CrashPractice(String slug, String number, List<String> patients, String username, String password, String apiKey) {
    static final String PASSWORD = "crash suite password";

    static CrashPractice of(String slug, int index, int patients) {
        String number = String.format("+1555%03d0000", 300 + index);
        List<String> phones = IntStream.range(0, patients).mapToObj(i -> String.format("+1555%03d%04d", 400 + index, 1000 + i)).toList();
        return new CrashPractice(slug, number, phones, "desk", PASSWORD, null);
    }

    CrashPractice withApiKey(String key) {
        return new CrashPractice(slug, number, patients, username, password, key);
    }
}
