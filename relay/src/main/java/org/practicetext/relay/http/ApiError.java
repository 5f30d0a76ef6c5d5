// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

/** An error answered as {@code {"error":{"code","message"}}} with an HTTP status. */
public final class ApiError extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " was not found.");
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    public static ApiError unauthorized(String code, String message) {
        return new ApiError(401, code, message);
    }
}
