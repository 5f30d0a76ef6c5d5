// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import org.practicetext.protocol.VersionInfo;

/** The relay refused or could not be reached; the message is the relay's, fit to show a user. */
public final class RelayException extends Exception {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final long retryAfterSeconds;
    private final transient VersionInfo versions;

    public RelayException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    /** With the relay's {@code Retry-After} (seconds; 0 when it sent none), as it answers 429. */
    public RelayException(int status, String code, String message, long retryAfterSeconds) {
        this(status, code, message, retryAfterSeconds, null);
    }

    /** With the relay's versions, as it answers 426 to a desk too old for it. */
    public RelayException(int status, String code, String message, long retryAfterSeconds, VersionInfo versions) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.versions = versions;
    }

    /** HTTP status, or 0 when the relay could not be reached. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** How long the relay asked to wait before trying again; 0 when it did not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 401 on a call made with a token: the token expired or was revoked; only signing in again helps. */
    public boolean signedOut() {
        return status == 401;
    }

    /**
     * 426: this app is older than the relay serves; only installing a newer version helps, so
     * nothing is retried and nothing is dropped (the outbox keeps its items for the new version).
     */
    public boolean tooOld() {
        return status == 426;
    }

    /** The relay's versions sent with a 426 (what to install, from where); null otherwise. */
    public VersionInfo versions() {
        return versions;
    }

    /**
     * Refused for good (the request itself is wrong or not allowed: 400, 403, 404, 409, 422, …);
     * retrying it unchanged cannot succeed. Unreachable, 408, 429 and 5xx are worth retrying; 426
     * is not the request's fault but the app's ({@link #tooOld()}).
     */
    public boolean permanent() {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 426 && status != 429;
    }
}
