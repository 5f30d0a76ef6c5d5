// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

/** The local cache could not be read or written; the message says what to do when a user can act on it. */
public class CacheException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
