// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.practicetext.protocol.MediaItem;
import org.practicetext.relay.refusal.Refusal;

/** The fields of Twilio's inbound-message webhook that the relay uses, validated. */
public record InboundSms(String sid, String from, String to, String body, String optOutType, List<MediaItem> media) {
    /** False for senders one cannot text back (alphanumeric sender ids): such texts are kept aside, not dropped. */
    public boolean repliable() {
        return ADDRESS.matcher(from).matches();
    }

    static final Pattern SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    /** E.164, or a short code (some carriers' service messages come from one). */
    static final Pattern ADDRESS = Pattern.compile("\\+[1-9]\\d{1,14}|\\d{3,8}");
    static final int MAX_BODY = 1600;

    /** Reads and checks the form; every problem is a 400 that names the field. */
    public static InboundSms from(Map<String, List<String>> form) {
        String sid = required(form, "MessageSid");
        if (!SID.matcher(sid).matches()) {
            throw Refusal.invalid("MessageSid must be SM or MM followed by 32 hexadecimal characters.");
        }
        String from = required(form, "From");
        if (from.length() > 32) {
            throw Refusal.invalid("From is longer than any sender address.");
        }
        String to = required(form, "To");
        if (!to.matches("\\+[1-9]\\d{1,14}")) {
            throw Refusal.invalid("To must be an E.164 phone number such as +15551234567.");
        }
        String body = first(form, "Body");
        body = body == null ? "" : body;
        if (body.codePointCount(0, body.length()) > MAX_BODY) {
            throw Refusal.invalid("Body is longer than " + MAX_BODY + " characters.");
        }
        int numMedia = 0;
        String numMediaText = first(form, "NumMedia");
        if (numMediaText != null && !numMediaText.isBlank()) {
            try {
                numMedia = Integer.parseInt(numMediaText.strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("NumMedia must be a whole number.");
            }
            if (numMedia < 0 || numMedia > 10) {
                throw Refusal.invalid("NumMedia must be between 0 and 10.");
            }
        }
        List<MediaItem> media = new ArrayList<>();
        for (int i = 0; i < numMedia; i++) {
            String url = first(form, "MediaUrl" + i);
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw Refusal.invalid("MediaUrl" + i + " is missing or not a URL although NumMedia is " + numMedia + ".");
            }
            media.add(MediaItem.arriving(url, first(form, "MediaContentType" + i)));
        }
        if (body.isEmpty() && media.isEmpty()) {
            throw Refusal.invalid("The message has neither a Body nor media.");
        }
        return new InboundSms(sid, from, to, body, first(form, "OptOutType"), List.copyOf(media));
    }

    static String required(Map<String, List<String>> form, String name) {
        String value = first(form, name);
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("The field " + name + " is missing.");
        }
        return value.strip();
    }

    /**
     * The field's first value. A NUL is kept as U+FFFD: PostgreSQL text cannot hold U+0000, and a
     * genuine text must never be refused for it (the journal keeps the webhook exactly as sent).
     */
    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        String value = values == null || values.isEmpty() ? null : values.getFirst();
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }
}
