// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import static org.practicetext.relay.fuzz.FuzzRequests.mix;
import static org.practicetext.relay.fuzz.FuzzValues.pick;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.fuzz.FuzzWorld.Practice;
import org.practicetext.relay.fuzz.RawHttp.Header;
import org.practicetext.relay.fuzz.RawHttp.Transfer;
import org.practicetext.relay.webhook.TwilioSignature;

/**
 * The two Twilio webhooks, fuzzed. Most texts are genuine and correctly signed, with odd but
 * real fields: alphanumeric senders and short codes, bodies of 1600 emoji, ten media with long
 * URLs and long content types, odd OptOutType, unknown numbers, extra parameters, a signed
 * query string, chunked bodies; a pool of SIDs recurs as Twilio's retries do, each time with
 * the same content. The rest are signed with a bad field, forged (unsigned, mis-signed, changed
 * after signing), sent with odd content types and charsets, multipart, too large, or junk.
 */
final class FuzzWebhooks {
    private final long seed;
    private final FuzzWorld world;
    private final int port;
    private final List<String> phonePool;
    private final TwilioSignature signature = new TwilioSignature(RelayFixture.AUTH_TOKEN);
    private static final List<String> BODIES = FuzzRequests.BODIES;

    FuzzWebhooks(long seed, FuzzWorld world, int port, List<String> phonePool) {
        this.seed = seed;
        this.world = world;
        this.port = port;
        this.phonePool = phonePool;
    }

    /** SIDs of a small pool recur across the run (Twilio retries), each time with the same content. */
    private String sid(String prefix, long slot) {
        return prefix + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(mix(seed, -1 - slot)).putLong(slot).array());
    }

    void inboundSms(Draft d) {
        d.route = "POST /twilio/sms";
        d.method = "POST";
        d.path = "/twilio/sms";
        Random r = d.r;
        int kind = r.nextInt(100);
        if (kind < 55) {
            boolean repeat = r.nextInt(4) == 0;
            long slot = repeat ? r.nextInt(40) : 1_000_000L + d.index;
            Random content = new Random(mix(seed ^ 0x5A5A, slot));
            GenuineText text = genuineText(content, slot);
            d.what.add(repeat ? "genuine text from the retry pool" : "genuine text");
            d.what.add(text.what);
            boolean query = r.nextInt(20) == 0;
            if (query) {
                d.path = "/twilio/sms?practice=fuzz&x=%C3%A9";
                d.what.add("with a signed query string");
            }
            String type = pick(r, "application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded;charset=utf-8");
            d.headers.add(Header.of("Content-Type", type));
            d.headers.add(Header.of("X-Twilio-Signature", sign(d.path, text.params)));
            d.headers.add(Header.of("I-Twilio-Idempotency-Token", "fz" + slot));
            byte[] bytes = form(text.params).getBytes(StandardCharsets.US_ASCII);
            if (r.nextInt(7) == 0) {
                d.transfer = Transfer.chunked(Draft.pieces(r, bytes.length));
                d.what.add("chunked");
            }
            d.body = bytes;
            d.signedSid = text.sid;
            d.genuine = true;
            d.inbound = new FuzzRequest.Inbound(text.sid, text.from, text.to, text.body, text.media);
        } else if (kind < 70) {
            signedInvalidSms(d);
        } else if (kind < 83) {
            forged(d, smsParams(r, sid("SM", 2_000_000L + d.index)));
        } else if (kind < 94) {
            GenuineText text = genuineText(new Random(mix(seed ^ 0xA5A5, d.index)), 3_000_000L + d.index);
            d.what.add(text.what);
            oddTransport(d, text.params, text.sid);
        } else {
            junkWebhook(d);
        }
    }

    private record GenuineText(String sid, String from, String to, String body, List<String[]> media, Map<String, List<String>> params, String what) {
    }

    /** A text Twilio could really send: odd but real senders, bodies up to 1600 characters, up to ten media with long URLs. */
    private GenuineText genuineText(Random r, long slot) {
        List<String> what = new ArrayList<>();
        Practice p = world.practices.get(r.nextInt(2));
        String to = switch (r.nextInt(10)) {
            case 0 -> FuzzWorld.UNKNOWN_NUMBER;
            default -> pick(r, p.numbers);
        };
        what.add(to.equals(FuzzWorld.UNKNOWN_NUMBER) ? "to nobody's number" : "to " + p.slug);
        String from = switch (r.nextInt(12)) {
            case 0 -> pick(r, "BRIGHTSMILE", "Pharmacy", "VERIFY", "CVS-Rx");
            case 1 -> pick(r, "12345", "898287", "246");
            case 2 -> pick(r, "+447700900123", "+61491570156", "+8613800138000");
            default -> pick(r, phonePool);
        };
        what.add("from " + (from.startsWith("+") ? "an E.164 number" : from.matches("\\d+") ? "a short code" : "an alphanumeric sender"));
        String body = switch (r.nextInt(20)) {
            case 0, 1 -> "";
            case 2, 3 -> "a".repeat(1 + r.nextInt(1600));
            case 4 -> FuzzValues.EMOJI.repeat(1600);
            case 5 -> FuzzValues.repeatTo("€[]{}^~|\\", 1600);
            case 6 -> FuzzValues.FAMILY.repeat(228);
            case 7 -> pick(r, "STOP", "Stop.", " stop ", "UNSUBSCRIBE", "START", "unstop", "HELP", "Stop please");
            case 8 -> "\u202Eevil\u202C " + FuzzValues.INVISIBLE + " text";
            case 9 -> "line one\nline two\r\n\ttabbed";
            case 10 -> "مرحبا שלום 你好 " + FuzzValues.EMOJI;
            case 11 -> ("a".repeat(138) + FuzzValues.EMOJI + "tail");
            default -> pick(r, BODIES);
        };
        what.add("body of " + body.codePointCount(0, body.length()) + " code points");
        int numMedia = switch (r.nextInt(10)) {
            case 0 -> 10;
            case 1, 2 -> 1 + r.nextInt(3);
            default -> body.isEmpty() ? 1 : 0;
        };
        String sid = sid(numMedia > 0 && r.nextBoolean() ? "MM" : "SM", slot);
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "ToCountry", "US");
        put(params, "SmsMessageSid", sid);
        put(params, "NumMedia", Integer.toString(numMedia));
        put(params, "SmsSid", sid);
        put(params, "SmsStatus", "received");
        put(params, "Body", body);
        put(params, "To", to);
        put(params, "NumSegments", Integer.toString(1 + body.length() / 67));
        put(params, "MessageSid", sid);
        put(params, "AccountSid", "AC" + "0".repeat(32));
        put(params, "From", from);
        put(params, "ApiVersion", "2010-04-01");
        if (r.nextBoolean()) {
            put(params, "FromCity", pick(r, "ZÜRICH", "", "SÃO PAULO", "東京"));
            put(params, "FromState", pick(r, "IL", ""));
            put(params, "MessagingServiceSid", "MG" + "1".repeat(32));
        }
        if (r.nextInt(6) == 0) {
            String optOut = pick(r, "STOP", "START", "HELP", "stop", "UNKNOWN", "");
            put(params, "OptOutType", optOut);
            what.add("OptOutType " + (optOut.isEmpty() ? "empty" : optOut));
        }
        List<String[]> media = new ArrayList<>();
        int urlLength = switch (r.nextInt(10)) {
            case 0 -> 2001;
            case 1 -> 3000;
            case 2 -> numMedia == 10 ? 4500 : 9000;
            default -> 0;
        };
        int bodyBytes = URLEncoder.encode(body, StandardCharsets.UTF_8).length();
        if (numMedia > 0 && bodyBytes + numMedia * (urlLength + 40) > 58_000) {
            urlLength = (58_000 - bodyBytes) / numMedia - 40; // a genuine webhook fits in the relay's 64 KiB
        }
        for (int i = 0; i < numMedia; i++) {
            String url = "https://api.twilio.com/2010-04-01/Accounts/AC" + "0".repeat(32) + "/Messages/" + sid + "/Media/ME" + String.format("%032x", i);
            if (urlLength > url.length()) {
                url = url + "?v=" + "a".repeat(urlLength - url.length() - 3);
            }
            String type = switch (r.nextInt(8)) {
                case 0 -> "application/vnd." + "x".repeat(200);
                case 1 -> "text/vcard; charset=utf-8";
                case 2 -> null;
                default -> pick(r, "image/jpeg", "image/png", "video/3gpp", "application/pdf");
            };
            put(params, "MediaUrl" + i, url);
            if (type != null) {
                put(params, "MediaContentType" + i, type);
            }
            media.add(new String[] {url, type});
        }
        if (numMedia > 0) {
            what.add(numMedia + " media" + (urlLength > 0 ? " with " + urlLength + "-character URLs" : ""));
        }
        return new GenuineText(sid, from, to, body, media, params, String.join(", ", what));
    }

    private Map<String, List<String>> smsParams(Random r, String sid) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "MessageSid", sid);
        put(params, "From", pick(r, phonePool));
        put(params, "To", pick(r, world.practices).numbers.getFirst());
        put(params, "Body", pick(r, BODIES));
        put(params, "NumMedia", "0");
        return params;
    }

    /** Correctly signed, but a field is wrong: expect a 400 that names it. */
    private void signedInvalidSms(Draft d) {
        Random r = d.r;
        String sid = sid("SM", 4_000_000L + d.index);
        Map<String, List<String>> params = smsParams(r, sid);
        String what;
        switch (r.nextInt(17)) {
            case 0 -> {
                params.remove("MessageSid");
                what = "no MessageSid";
            }
            case 1 -> {
                put(params, "MessageSid", pick(r, "SM123", "XX" + "a".repeat(32), sid + "0", sid.toLowerCase(), "SM" + "٠".repeat(32), ""));
                what = "a malformed MessageSid";
            }
            case 2 -> {
                params.remove("From");
                what = "no From";
            }
            case 3 -> {
                put(params, "From", pick(r, "x".repeat(33), "+1" + "5".repeat(40), " ", "\u0000"));
                what = "an impossible From";
            }
            case 4 -> {
                put(params, "To", pick(r, "+1 555 010 0001", "15550100001", "+0123", "", "+1555010000" + FuzzValues.EMOJI));
                what = "a To that is not E.164";
            }
            case 5 -> {
                put(params, "Body", pick(r, "a".repeat(1601), FuzzValues.EMOJI.repeat(1601)));
                what = "a Body of 1601 code points";
            }
            case 6 -> {
                put(params, "NumMedia", pick(r, "11", "-1", "abc", "1e1", "99999999999", " 2 ", "٣"));
                what = "an odd NumMedia";
            }
            case 7 -> {
                put(params, "NumMedia", "2");
                put(params, "MediaUrl0", "https://media.example.test/0.jpg");
                what = "NumMedia 2 with one MediaUrl";
            }
            case 8 -> {
                put(params, "NumMedia", "1");
                put(params, "MediaUrl0", pick(r, "ftp://x/y", "javascript:alert(1)", "", "HTTPS://X"));
                what = "a MediaUrl that is not http(s)";
            }
            case 9 -> {
                put(params, "Body", "");
                what = "neither Body nor media";
            }
            case 10 -> {
                params.get("From").add("+15553019999");
                what = "From twice";
            }
            case 11 -> {
                put(params, "Body", "Bad\uFFFDsurrogate");
                what = "a Body with the percent-encoded UTF-8 of a lone surrogate";
            }
            case 12 -> {
                put(params, "Body", "nul\u0000and" + FuzzValues.CONTROLS);
                what = "a Body with NUL and control characters";
            }
            case 13 -> {
                for (int i = 0; i < 1000; i++) {
                    put(params, "X" + i, "v");
                }
                what = "a thousand extra parameters";
            }
            case 14 -> {
                put(params, "Body\u0000" + FuzzValues.EMOJI, "odd name");
                what = "a parameter name with NUL and emoji";
            }
            case 15 -> {
                // Each character is three bytes in the form and six in the event's JSON (\\u0001): the URLs fit their
                // column but the event may not fit its own.
                put(params, "NumMedia", "10");
                for (int i = 0; i < 10; i++) {
                    put(params, "MediaUrl" + i, "https://m.test/" + "\u0001".repeat(1_980));
                    put(params, "MediaContentType" + i, "\u0001".repeat(150));
                }
                what = "ten media URLs of control characters";
            }
            default -> {
                put(params, "OptOutType", pick(r, "STOP" + "P".repeat(100), "\u202ESTOP", FuzzValues.EMOJI));
                what = "an odd OptOutType";
            }
        }
        d.what.add("signed, " + what);
        d.headers.add(Header.of("Content-Type", "application/x-www-form-urlencoded"));
        d.headers.add(Header.of("X-Twilio-Signature", sign(d.path, params)));
        d.body = form(params).replace("Bad%EF%BF%BDsurrogate", "Bad%ED%A0%80surrogate").getBytes(StandardCharsets.US_ASCII);
        d.signedSid = first(params, "MessageSid");
    }

    /** A webhook whose signature is missing or does not match: refused, nothing stored. */
    private void forged(Draft d, Map<String, List<String>> params) {
        Random r = d.r;
        String good = sign(d.path, params);
        String what;
        String signatureHeader;
        switch (r.nextInt(9)) {
            case 0 -> {
                signatureHeader = null;
                what = "no signature";
            }
            case 1 -> {
                signatureHeader = "";
                what = "an empty signature";
            }
            case 2 -> {
                signatureHeader = "not base64 !!";
                what = "a garbage signature";
            }
            case 3 -> {
                signatureHeader = signature.sign("http://127.0.0.1:" + port + d.path, params);
                what = "signed for the local URL, not the public one";
            }
            case 4 -> {
                signatureHeader = good;
                put(params, "Body", "changed after signing");
                what = "a Body changed after signing";
            }
            case 5 -> {
                signatureHeader = good;
                put(params, "Extra", "added after signing");
                what = "a parameter added after signing";
            }
            case 6 -> {
                signatureHeader = good.toLowerCase();
                what = "the signature in lower case";
            }
            case 7 -> {
                signatureHeader = signature.sign(RelayFixture.PUBLIC_URL + (d.path.contains("sms") ? "/twilio/status" : "/twilio/sms"), params);
                what = "signed for the other webhook";
            }
            default -> {
                signatureHeader = java.util.Base64.getEncoder().encodeToString(new byte[20]);
                what = "an all-zero signature";
            }
        }
        d.what.add("forged: " + what);
        d.headers.add(Header.of("Content-Type", "application/x-www-form-urlencoded"));
        if (signatureHeader != null) {
            d.headers.add(Header.of("X-Twilio-Signature", signatureHeader));
        }
        d.body = form(params).getBytes(StandardCharsets.US_ASCII);
        d.forgedSid = first(params, "MessageSid");
    }

    /** Correctly signed parameters sent in an odd way: charsets, multipart, no type, too large, chunked. */
    private void oddTransport(Draft d, Map<String, List<String>> params, String sid) {
        Random r = d.r;
        String sig = sign(d.path, params);
        String formText = form(params);
        byte[] bytes = formText.getBytes(StandardCharsets.US_ASCII);
        String type;
        switch (r.nextInt(11)) {
            case 0 -> type = "application/x-www-form-urlencoded; charset=klingon";
            case 1 -> type = "application/x-www-form-urlencoded; charset=utf-16";
            case 2 -> type = "application/x-www-form-urlencoded; charset=ISO-8859-1";
            case 3 -> {
                type = "multipart/form-data; boundary=fuzzboundary";
                bytes = multipart(params, "fuzzboundary");
            }
            case 4 -> type = "multipart/form-data";
            case 5 -> type = "text/plain";
            case 6 -> type = null;
            case 7 -> type = "application/json";
            case 8 -> {
                // Correctly signed, so only the size can refuse it: a body without a length is held to 64 KiB too.
                type = "application/x-www-form-urlencoded";
                if (r.nextBoolean()) {
                    put(params, "To", FuzzWorld.UNKNOWN_NUMBER);
                }
                put(params, "Pad", "p".repeat(300_000));
                sig = sign(d.path, params);
                bytes = form(params).getBytes(StandardCharsets.US_ASCII);
                d.transfer = Transfer.chunked(Draft.pieces(r, bytes.length));
                d.what.add("300 KB chunked" + (first(params, "To").equals(FuzzWorld.UNKNOWN_NUMBER) ? " to nobody's number" : ""));
            }
            case 9 -> {
                type = "application/x-www-form-urlencoded";
                bytes = (formText + "&Pad=" + "p".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
                d.what.add("70 KB with a length");
            }
            default -> {
                type = "application/x-www-form-urlencoded";
                d.headers.add(Header.of("Content-Encoding", "gzip"));
                d.what.add("claims gzip");
            }
        }
        d.what.add("content-type " + type);
        if (type != null) {
            d.headers.add(Header.of("Content-Type", type));
        }
        d.headers.add(Header.of("X-Twilio-Signature", sig));
        d.body = bytes;
        d.signedSid = sid;
    }

    private void junkWebhook(Draft d) {
        Random r = d.r;
        String what;
        byte[] bytes;
        switch (r.nextInt(8)) {
            case 0 -> {
                bytes = new byte[0];
                what = "an empty body";
            }
            case 1 -> {
                bytes = "MessageSid=%ZZ&From=%&To=%2".getBytes(StandardCharsets.US_ASCII);
                what = "broken percent escapes";
            }
            case 2 -> {
                bytes = "Body=%C3%28%FF%FE&MessageSid=SM".getBytes(StandardCharsets.US_ASCII);
                what = "percent-encoded invalid UTF-8";
            }
            case 3 -> {
                bytes = new byte[] {'B', 'o', 'd', 'y', '=', (byte) 0xFF, (byte) 0xC0, (byte) 0xAF, '&', 'x'};
                what = "raw invalid UTF-8";
            }
            case 4 -> {
                bytes = "&&&=&==&a".getBytes(StandardCharsets.US_ASCII);
                what = "empty names and values";
            }
            case 5 -> {
                bytes = "{\"MessageSid\":null,\"Body\":[null]}".getBytes(StandardCharsets.UTF_8);
                what = "JSON";
            }
            case 6 -> {
                bytes = ("a=" + "%41".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
                what = "one long escaped value";
            }
            default -> {
                bytes = new byte[2_000];
                r.nextBytes(bytes);
                what = "random bytes";
            }
        }
        d.what.add("junk body: " + what);
        d.headers.add(Header.of("Content-Type", "application/x-www-form-urlencoded"));
        if (r.nextBoolean()) {
            d.headers.add(Header.of("X-Twilio-Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        }
        d.body = bytes;
    }

    void statusCallback(Draft d) {
        d.route = "POST /twilio/status";
        d.method = "POST";
        d.path = "/twilio/status";
        Random r = d.r;
        Map<String, List<String>> params = new LinkedHashMap<>();
        String sid = switch (r.nextInt(4)) {
            case 0 -> world.setupSids.isEmpty() ? sid("SM", 5_000_000L + d.index) : pick(r, world.setupSids);
            case 1 -> sid("SM", r.nextInt(40)); // an inbound text of the retry pool, if it came
            default -> sid("SM", 5_000_000L + d.index);
        };
        put(params, "MessageSid", sid);
        put(params, "SmsSid", sid);
        put(params, "AccountSid", "AC" + "0".repeat(32));
        put(params, "From", pick(r, world.practices).numbers.getFirst());
        put(params, "To", pick(r, phonePool));
        put(params, "ApiVersion", "2010-04-01");
        int kind = r.nextInt(100);
        String status = pick(r, "queued", "sending", "sent", "delivered", "undelivered", "failed", "read", "receiving", "received",
                "DELIVERED", "partially_delivered", "canceled", "accepted", "scheduled", "weird_new_status", "x".repeat(24));
        put(params, "MessageStatus", status);
        put(params, "SmsStatus", status);
        if (r.nextInt(3) == 0) {
            put(params, "ErrorCode", pick(r, "30006", "21610", "30003", "0", "-1", "99999", "21614"));
        }
        if (r.nextBoolean()) {
            put(params, "RawDlrDoneDate", "2511021500");
        }
        if (kind < 60) {
            d.what.add("genuine status " + status + (params.containsKey("ErrorCode") ? " with an error code" : ""));
            d.headers.add(Header.of("Content-Type", "application/x-www-form-urlencoded"));
            d.headers.add(Header.of("X-Twilio-Signature", sign(d.path, params)));
            d.body = form(params).getBytes(StandardCharsets.US_ASCII);
            if (r.nextInt(8) == 0) {
                d.transfer = Transfer.chunked(Draft.pieces(r, d.body.length));
                d.what.add("chunked");
            }
            d.genuine = true;
        } else if (kind < 75) {
            String what = switch (r.nextInt(7)) {
                case 0 -> {
                    params.remove("MessageStatus");
                    yield "no MessageStatus";
                }
                case 1 -> {
                    put(params, "MessageStatus", pick(r, "x".repeat(25), "délivré", "de-livered", "", " ", FuzzValues.EMOJI));
                    yield "a MessageStatus that is not a status word";
                }
                case 2 -> {
                    put(params, "ErrorCode", pick(r, "abc", "2147483648", "1.5", "-99999999999", "٣٠٠٠٦", "1e3"));
                    yield "an ErrorCode that is not an int";
                }
                case 3 -> {
                    put(params, "MessageSid", pick(r, "", "SM", "MM" + "g".repeat(32), "SM" + "0".repeat(33)));
                    yield "a malformed MessageSid";
                }
                case 4 -> {
                    params.remove("MessageSid");
                    yield "no MessageSid";
                }
                case 5 -> {
                    params.get("MessageStatus").add("failed");
                    yield "MessageStatus twice";
                }
                default -> {
                    put(params, "ErrorCode", "30006\u0000");
                    yield "an ErrorCode with NUL";
                }
            };
            d.what.add("signed, " + what);
            d.headers.add(Header.of("Content-Type", "application/x-www-form-urlencoded"));
            d.headers.add(Header.of("X-Twilio-Signature", sign(d.path, params)));
            d.body = form(params).getBytes(StandardCharsets.US_ASCII);
        } else if (kind < 90) {
            forged(d, params);
            d.forgedSid = null; // a status report stores nothing to look for
        } else {
            d.what.add("status " + status);
            oddTransport(d, params, null);
            d.signedSid = null;
        }
    }

    // ---- encodings ----

    private String sign(String pathAndQuery, Map<String, List<String>> params) {
        return signature.sign(RelayFixture.PUBLIC_URL + pathAndQuery, params);
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        params.put(name, new ArrayList<>(List.of(value)));
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    static String form(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    static byte[] multipart(Map<String, List<String>> params, String boundary) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                out.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(e.getKey()).append("\"\r\n\r\n")
                        .append(v).append("\r\n");
            }
        }
        out.append("--").append(boundary).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
