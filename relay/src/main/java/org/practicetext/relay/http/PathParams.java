// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import io.javalin.http.Context;

/** The path parameters of the API's templates ({@code {id}}, {@code {position}}), read the same way everywhere: a bad one is a 400 that names it. */
public final class PathParams {
    /** Attachments per message at most (Twilio's MMS limit), so the largest position. */
    public static final int MOST_POSITIONS = 10;

    private PathParams() {
    }

    /** The {@code {id}} of a URL about {@code what} ("conversation", "message"…). */
    public static long id(Context ctx, String what) {
        return positive(ctx.pathParam("id"), "The " + what + " id");
    }

    /** {@code text} as a positive whole number; {@code what} names it in the 400. */
    public static long positive(String text, String what) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest(what + " must be a positive whole number, not \"" + text + "\".");
    }

    /** The {@code {position}} of a part of an entity (an attachment of a message): 0 to {@link #MOST_POSITIONS} - 1. */
    public static int position(Context ctx) {
        String text = ctx.pathParam("position").strip();
        if (text.matches("[0-9]{1,2}") && Integer.parseInt(text) < MOST_POSITIONS) {
            return Integer.parseInt(text);
        }
        throw ApiError.badRequest("The position must be a whole number from 0 to " + (MOST_POSITIONS - 1) + ": the file's place in the message's media.");
    }
}
