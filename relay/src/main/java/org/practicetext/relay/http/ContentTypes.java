// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import io.javalin.http.Context;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * Checks a request's {@code Content-Type} before any handler reads the body, so no route meets
 * a body it cannot decode:
 * <ul>
 * <li>a {@code charset} Java does not know, or a name that is not a charset name, is
 * {@code 415 unsupported_charset} on every path (Javalin would throw while decoding);</li>
 * <li>a webhook ({@code /twilio/…}) is a form: any other declared type, multipart in particular,
 * is {@code 415 unsupported_media_type} before its signature is checked. Twilio always sends
 * {@code application/x-www-form-urlencoded}; a webhook with no type is still read as a form.</li>
 * </ul>
 */
public final class ContentTypes {
    static final String FORM = "application/x-www-form-urlencoded";

    private ContentTypes() {
    }

    public static void check(Context ctx) {
        String header = ctx.header("Content-Type");
        if (header == null || header.isBlank()) {
            return;
        }
        String charset = charset(ctx);
        if (charset != null && !known(charset)) {
            throw new ApiError(415, "unsupported_charset", "The charset in the Content-Type is not one the relay knows. "
                    + "Send the body as UTF-8 (Content-Type: " + (isWebhook(ctx) ? FORM : "application/json") + "; charset=UTF-8).");
        }
        String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (isWebhook(ctx) && !type.equals(FORM)) {
            throw new ApiError(415, "unsupported_media_type", "A Twilio webhook is a form: send it as " + FORM + ".");
        }
    }

    private static boolean isWebhook(Context ctx) {
        return ctx.path().startsWith("/twilio/");
    }

    /** The very name Javalin will decode the body with; "" for a charset parameter it cannot even read ("; charset" without "="). */
    private static String charset(Context ctx) {
        try {
            return ctx.characterEncoding();
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static boolean known(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
