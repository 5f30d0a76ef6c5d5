// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.util.Map;

/**
 * The operator's attachment settings: {@code PT_MEDIA_MAX_BYTES}, the largest file the relay keeps
 * (default 10 MiB; Twilio's MMS carry at most 5 MB in all), and {@code PT_MEDIA_DELETE_AT_CARRIER}
 * ({@code true} to delete Twilio's copy of an inbound file once the relay keeps its own, so a
 * patient's photo does not stay at the carrier; off by default).
 */
public record MediaSettings(long maxBytes, boolean deleteAtCarrier) {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** The relay keeps files in its database (ADR 0022): beyond this, a file server is the better home. */
    static final long LARGEST_MAX_BYTES = 100L * 1024 * 1024;

    public static MediaSettings fromEnvironment(Map<String, String> env) {
        long max = DEFAULT_MAX_BYTES;
        String text = env.get("PT_MEDIA_MAX_BYTES");
        if (text != null && !text.isBlank()) {
            try {
                max = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1024 || max > LARGEST_MAX_BYTES) {
                throw new IllegalArgumentException("PT_MEDIA_MAX_BYTES must be a whole number of bytes from 1024 to " + LARGEST_MAX_BYTES + ", not " + text + ".");
            }
        }
        String delete = env.getOrDefault("PT_MEDIA_DELETE_AT_CARRIER", "false").strip();
        if (!delete.equals("true") && !delete.equals("false")) {
            throw new IllegalArgumentException("PT_MEDIA_DELETE_AT_CARRIER must be true or false, not " + delete + ".");
        }
        return new MediaSettings(max, delete.equals("true"));
    }
}
