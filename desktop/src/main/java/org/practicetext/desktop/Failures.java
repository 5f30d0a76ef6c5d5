// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.util.HashSet;
import java.util.Set;

/**
 * A failure in words that carry no patient data, for logs at levels that are on by default and
 * for crash dialogs (ADR 0026): the chain of exception classes, a relay refusal's status and code,
 * and where it was thrown in our code, but no exception message. Messages can quote what failed:
 * H2 puts the statement and the offending value in its own, a relay refusal may name a number.
 * The whole exception (messages included) goes only to DEBUG, which ships off.
 */
public final class Failures {
    private Failures() {
    }

    /** "CacheException ← JdbcSQLDataException at MessageWriter.write:42". */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable at = failure; at != null && seen.add(at); at = at.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(at.getClass().getSimpleName());
            if (at instanceof RelayException relay) {
                text.append(' ').append(relay.status()).append(relay.code() == null ? "" : " " + relay.code());
            }
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("org.practicetext.")) {
                String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
                text.append(" at ").append(type).append('.').append(frame.getMethodName()).append(':').append(frame.getLineNumber());
                break;
            }
        }
        return text.toString();
    }
}
