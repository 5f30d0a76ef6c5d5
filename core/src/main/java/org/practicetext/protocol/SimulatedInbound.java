// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * Body of {@code POST /api/v1/simulator/inbound} (simulated carrier only): a patient at
 * {@code from} texts {@code body} to the practice number {@code to} (null: its first number),
 * with up to 10 {@code media} files. Like Twilio, the simulated carrier keeps each file at a
 * media address of its own and names it in the webhook; the relay then fetches it the way it
 * fetches Twilio's.
 */
public record SimulatedInbound(String from, String body, String to, List<File> media) {
    public SimulatedInbound {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** A text without attachments. */
    public SimulatedInbound(String from, String body, String to) {
        this(from, body, to, List.of());
    }

    /** One attached file: its bytes, base64 in the JSON. */
    public record File(String fileName, String contentType, byte[] data) {
    }

    /** The answer: the simulated carrier's message sid. */
    public record Accepted(String sid) {
    }
}
