// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import io.javalin.http.Context;

/**
 * Size limits per kind of request, checked from {@code Content-Length} before any body is read.
 * Bodies sent without a length are cut off by Javalin's overall {@code maxRequestSize}.
 */
public final class BodyLimits {
    public static final long WEBHOOK = 64 * 1024;
    public static final long API = 256 * 1024;
    /** A practice's whole patient list: far larger than any other API body. */
    public static final long IMPORT = 5 * 1024 * 1024;
    public static final String IMPORT_PATH = "/api/v1/contacts/import";
    public static final long LARGEST = 8 * 1024 * 1024;

    private BodyLimits() {
    }

    public static void check(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        String path = ctx.path().replaceAll("/+$", "");
        long limit = path.startsWith("/twilio/") ? WEBHOOK : path.equals(IMPORT_PATH) ? IMPORT : API;
        if (length > limit) {
            throw new ApiError(413, "too_large", "The request body is " + length + " bytes; at most " + limit + " are accepted here.");
        }
    }
}
