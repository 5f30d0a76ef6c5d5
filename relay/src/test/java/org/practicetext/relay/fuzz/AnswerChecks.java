// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.practicetext.protocol.Json;
import org.practicetext.relay.fuzz.FuzzWorld.Practice;
import org.practicetext.relay.fuzz.RawHttp.Answer;
import org.practicetext.relay.store.Database;

/**
 * The checks on each answer: never a 5xx; every 4xx in the JSON error shape; a body over its
 * documented limit refused with 413; a genuine webhook answered 200; nothing of another
 * practice in what a caller sees — neither its marked data (names, numbers, slug) unless the
 * caller sent it, nor, in a successful answer, any entity (message, conversation, contact,
 * inbox, template, user, practice) that the database says belongs to another practice; and no
 * log line, at any level, that quotes a phone number or a text of the request.
 */
final class AnswerChecks {
    private final FuzzWorld world;
    private final Database db;
    private final Findings findings;
    private final Map<String, Optional<Long>> owners = new ConcurrentHashMap<>();

    AnswerChecks(FuzzWorld world, Database db, Findings findings) {
        this.world = world;
        this.db = db;
        this.findings = findings;
    }

    void check(FuzzRequest q, Answer a, List<ILoggingEvent> errors) {
        String raw = new String(q.target(), StandardCharsets.UTF_8).replaceAll("\\?.*", "");
        String cause = errors.stream().filter(ServerLog::isError)
                .filter(e -> e.getFormattedMessage().contains("failure on " + q.method() + " " + raw)
                        || e.getFormattedMessage().contains("failure on " + q.method() + " " + lenientDecode(raw)))
                .map(ServerLog::describe).findFirst().orElse(null);
        logs(q, errors);
        if (a.status() < 0) {
            findings.add(q.route() + " → no answer (" + a.problem() + ")", q.index(), q.description(), cause);
            return;
        }
        JsonNode json = parse(a);
        if (a.status() >= 500) {
            String code = json == null ? "not JSON" : json.path("error").path("code").asText("no code");
            findings.add(q.route() + " → " + a.status() + " " + code + (cause == null ? "" : " (" + ServerLog.kind(cause) + ")"),
                    q.index(), q.description(), cause);
        } else if ((q.route().contains(" /l/") || q.route().contains(" /simulator/review/") || q.route().contains(" /simulator/forms/")
                || q.route().contains(" /simulator/payments/")) && a.status() >= 400
                && !(a.status() == 400 && new String(q.target(), StandardCharsets.UTF_8).contains("%"))) { // a path refused before any route
            // A patient's page (and the simulated review site and form system they forward to) answers in HTML, never framed, never cached.
            if (!String.valueOf(a.header("content-type")).startsWith("text/html") || a.header("content-security-policy") == null
                    || !"no-store".equals(a.header("cache-control"))) {
                findings.add(q.route() + " → " + a.status() + " not a private HTML page (" + a.header("content-type") + ")", q.index(), q.description(), null);
            }
        } else if (a.status() >= 400 && !q.method().equals("HEAD") && !errorShape(a, json)) {
            // Jetty writes an HTML page for GET and POST and nothing at all for other methods.
            String jetty = a.body().length == 0 && a.header("content-type") == null ? "an empty body" : jettyReason(a.text());
            if (jetty != null) {
                // Jetty answered before any route ran, so the route does not matter: one class per reason.
                findings.add("any route → " + a.status() + " from Jetty itself, not in the JSON error shape: " + jetty, q.index(), q.description(), null);
            } else {
                findings.add(q.route() + " → " + a.status() + " not in the JSON error shape (" + a.header("content-type") + ")",
                        q.index(), q.description(), abbreviate(a.text()));
            }
        }
        sizeLimit(q, a, json);
        if (q.genuine() && a.status() != 200 && a.status() < 500) {
            findings.add(q.route() + " → a genuine, correctly signed webhook refused with " + a.status() + " "
                    + (json == null ? "" : json.path("error").path("code").asText()), q.index(), q.description(),
                    json == null ? null : json.path("error").path("message").asText());
        }
        if (a.status() >= 200 && a.status() < 300 && jsonType(a) && json == null && a.body().length > 0) {
            findings.add(q.route() + " → " + a.status() + " with a JSON content type but a body that is not JSON", q.index(), q.description(), null);
        }
        leaks(q, a);
        if (q.route().contains(" /admin/v1/") && q.caller() != FuzzRequest.OPERATOR && a.status() >= 200 && a.status() < 300) {
            findings.add(q.route() + " → " + a.status() + " without the operator token", q.index(), q.description(), null);
        }
        if (q.caller() >= 0 && json != null && a.status() >= 200 && a.status() < 300) {
            owned(q, json);
        }
        if (q.caller() >= 0 && q.route().contains("/media/{position}") && a.status() >= 200 && a.status() < 300) {
            // A file is bytes, not an entity: the message its path names must be the caller's practice's.
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("/messages/([0-9]+)/").matcher(new String(q.target(), StandardCharsets.UTF_8));
            if (id.find()) {
                own(q, world.practices.get(q.caller()), "message", com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.parseLong(id.group(1))));
            }
        }
    }

    /**
     * A request refused for what comes before its body (credentials, permission, an unknown or
     * malformed path, its method or content type) reads no body, so that refusal is as precise as
     * a 413. What an oversized body must never get is a success or an answer about its content.
     */
    private static boolean refusedBeforeTheBody(FuzzRequest q, Answer a) {
        int s = a.status();
        boolean badPath = s == 400 && new String(q.target(), StandardCharsets.UTF_8).contains("%");
        return badPath || s == 401 || s == 403 || s == 404 || s == 405 || s == 414 || s == 415 || s == 431;
    }

    /**
     * A body over its path's documented limit is refused with 413: with a length, on every path;
     * without one (chunked), on the webhooks and the import, which must count what they read.
     */
    private void sizeLimit(FuzzRequest q, Answer a, JsonNode json) {
        if (q.body() == null || a.status() == 413 || a.status() < 0 || fromJetty(a) || refusedBeforeTheBody(q, a)) {
            return;
        }
        String path = new String(q.target(), StandardCharsets.UTF_8).replaceAll("\\?.*", "").replaceAll("/+$", "");
        boolean webhook = path.startsWith("/twilio/") || path.equals("/stripe/webhook");
        boolean importing = path.equals("/api/v1/contacts/import");
        boolean simulator = path.equals("/api/v1/simulator/inbound"); // carries the demo's photos
        boolean uploading = path.equals("/api/v1/uploads");
        long limit = webhook ? 64 * 1024 : importing ? 5 * 1024 * 1024 : simulator ? 8 * 1024 * 1024 : uploading ? 20 * 1024 * 1024 : 256 * 1024;
        if (q.body().length > limit && (!q.transfer().chunked() || webhook || importing)) {
            findings.add(q.route() + " → a body over the documented limit" + (q.transfer().chunked() ? ", chunked," : "") + " answered "
                    + a.status() + " " + (json == null ? "" : json.path("error").path("code").asText()) + " instead of 413",
                    q.index(), q.description(), q.body().length + " bytes, the limit is " + limit);
        }
    }

    private static boolean fromJetty(Answer a) {
        return a.body().length == 0 && a.header("content-type") == null || jettyReason(a.text()) != null;
    }

    private static final java.util.regex.Pattern PHONE_DIGITS = java.util.regex.Pattern.compile("(?<!\\d)\\d{10,15}(?!\\d)");
    private static final java.util.regex.Pattern SID = java.util.regex.Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    private static final Set<String> PERSONAL = Set.of("to", "from", "phone", "name", "externalId", "body", "campaign", "Body", "From", "To");

    /** No log line, at any level, quotes a phone number or a text of the request (the project's logging rule). */
    private void logs(FuzzRequest q, List<ILoggingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> probes = probes(q);
        for (ILoggingEvent e : events) {
            String line = SID.matcher(ServerLog.fullText(e)).replaceAll("SID");
            for (String probe : probes) {
                if (line.contains(probe)) {
                    String kind = probe.matches("\\d+") ? "a phone number" : "a text";
                    findings.add("logs: a line at " + e.getLevel() + " from " + e.getLoggerName().replaceAll(".*\\.", "") + " quotes " + kind + " from the request",
                            q.index(), q.description(), ServerLog.describe(e));
                    return;
                }
            }
        }
    }

    /** The phone numbers (their digits) and the personal texts (their first 20 characters) a request carries. */
    private static Set<String> probes(FuzzRequest q) {
        Set<String> probes = new java.util.HashSet<>();
        String text = requestText(q);
        java.util.regex.Matcher digits = PHONE_DIGITS.matcher(SID.matcher(text).replaceAll("SID"));
        while (digits.find()) {
            probes.add(digits.group());
        }
        if (q.body() == null) {
            return probes;
        }
        String body = new String(q.body(), StandardCharsets.UTF_8);
        try {
            JsonNode json = Json.mapper().readTree(body);
            if (json != null && json.isObject()) {
                json.properties().forEach(f -> {
                    if (PERSONAL.contains(f.getKey()) && f.getValue().isTextual()) {
                        probe(probes, f.getValue().asText());
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: a form or a CSV file
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && PERSONAL.contains(pair.substring(0, eq))) {
                probe(probes, lenientDecode(pair.substring(eq + 1).replace('+', ' ')));
            }
        }
        if (q.route().equals("POST /api/v1/contacts/import")) {
            for (String cell : body.split("[,\\r\\n]")) {
                probe(probes, cell.replace("\"", ""));
            }
        }
        return probes;
    }

    private static void probe(Set<String> probes, String value) {
        String v = value.strip();
        // Short or repetitive values ("aaaa…", "😀😀…") would match by chance; they are not telling.
        if (v.length() >= 8 && v.chars().distinct().count() >= 4 && probes.size() < 200) {
            probes.add(v.substring(0, Math.min(20, v.length())));
        }
    }

    /** "HTTP ERROR 400 Ambiguous URI empty segment" from Jetty's HTML error page, or null for any other body. */
    static String jettyReason(String body) {
        java.util.regex.Matcher h2 = java.util.regex.Pattern.compile("<h2>(.*?)</h2>", java.util.regex.Pattern.DOTALL).matcher(body);
        if (!body.contains("<html") || !h2.find()) {
            return null;
        }
        java.util.regex.Matcher message = java.util.regex.Pattern.compile("MESSAGE:</th><td>(.*?)</td>", java.util.regex.Pattern.DOTALL).matcher(body);
        String reason = h2.group(1).strip();
        return message.find() && !reason.contains(message.group(1).strip()) ? reason + " (" + message.group(1).strip() + ")" : reason;
    }

    private static boolean errorShape(Answer a, JsonNode json) {
        return jsonType(a) && json != null && json.path("error").path("code").isTextual() && !json.path("error").path("code").asText().isBlank()
                && json.path("error").path("message").isTextual() && !json.path("error").path("message").asText().isBlank();
    }

    private static boolean jsonType(Answer a) {
        String type = a.header("content-type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static JsonNode parse(Answer a) {
        if (a.body().length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(a.body());
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** Another practice's marked strings, in any answer, unless the request itself carried them. */
    private void leaks(FuzzRequest q, Answer a) {
        if (q.caller() == FuzzRequest.OPERATOR) {
            return; // the operator sees every practice; a request without its token is checked like any other
        }
        String answer = a.text() + " " + String.join(" ", a.headers().values());
        String request = requestText(q);
        for (Practice p : world.practices) {
            if (p.index == q.caller()) {
                continue;
            }
            for (String secret : p.secrets()) {
                if (answer.contains(secret) && !request.contains(secret)) {
                    String who = q.caller() < 0 ? "an unauthenticated caller" : "a caller of " + world.practices.get(q.caller()).slug;
                    findings.add(q.route() + " → " + who + " sees data of " + p.slug, q.index(), q.description(),
                            "the answer holds " + (secret.equals(p.marker) ? "its marker" : secret.equals(p.slug) ? "its slug" : "one of its phone numbers"));
                    return;
                }
            }
        }
    }

    private static String requestText(FuzzRequest q) {
        StringBuilder s = new StringBuilder(lenientDecode(new String(q.target(), StandardCharsets.UTF_8)));
        q.headers().forEach(h -> s.append(' ').append(new String(h.value(), StandardCharsets.UTF_8)));
        if (q.body() != null) {
            String body = new String(q.body(), StandardCharsets.UTF_8);
            s.append(' ').append(body).append(' ').append(lenientDecode(body));
        }
        return s.toString();
    }

    /** Percent-decodes what can be decoded and keeps the rest as it is ("+" stays "+", for phone numbers). */
    static String lenientDecode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** Every entity a successful answer shows, and every entity it refers to, is the caller's practice's. */
    private void owned(FuzzRequest q, JsonNode json) {
        Practice caller = world.practices.get(q.caller());
        String route = q.route();
        if (route.equals("GET /api/v1/events")) {
            if (json.has("feedId") && !json.get("feedId").asText().equals(caller.feedId)) {
                findings.add(route + " → the feed of another practice", q.index(), q.description(), null);
            }
            for (JsonNode e : json.path("events")) {
                entity(q, caller, e.path("type").asText(), e.path("data"));
            }
        } else if (route.endsWith(" /api/v1/session")) {
            entity(q, caller, "user", json.path("user"));
            entity(q, caller, "practice", json.path("practice"));
        } else if (route.contains("/api/v1/team")) {
            for (JsonNode member : json.isArray() ? json : List.of(json.has("member") ? json.get("member") : json)) {
                entity(q, caller, "user", member);
            }
        } else {
            String type = route.contains("/conversations/") ? "conversation"
                    : route.contains("/contacts/import") ? null
                    : route.contains("/contacts") ? "contact"
                    : route.contains("/inboxes") ? "inbox"
                    : route.contains("/templates") ? "template"
                    : route.contains("/messages") || route.contains("/campaign-messages") ? "message" : null;
            if (type != null) {
                entity(q, caller, type, json);
            }
        }
    }

    private void entity(FuzzRequest q, Practice caller, String type, JsonNode data) {
        if (!data.isObject()) {
            return;
        }
        own(q, caller, type, data.path("id"));
        switch (type) {
            case "message" -> {
                own(q, caller, "conversation", data.path("conversationId"));
                own(q, caller, "user", data.path("sender").path("userId"));
            }
            case "conversation" -> {
                own(q, caller, "contact", data.path("contactId"));
                own(q, caller, "inbox", data.path("inboxId"));
                own(q, caller, "user", data.path("assigneeId"));
            }
            case "contact" -> own(q, caller, "user", data.path("blockedBy"));
            default -> {
            }
        }
    }

    private void own(FuzzRequest q, Practice caller, String type, JsonNode id) {
        if (!id.canConvertToLong() || id.isNull() || id.isMissingNode() || table(type) == null) {
            return;
        }
        Optional<Long> owner = owner(type, id.asLong());
        if (owner.isEmpty()) {
            findings.add(q.route() + " → an answer names a " + type + " that is not stored", q.index(), q.description(), null);
        } else if (owner.get() != caller.id) {
            findings.add(q.route() + " → a caller of " + caller.slug + " sees a " + type + " of another practice", q.index(), q.description(), null);
        }
    }

    private static String table(String type) {
        return switch (type) {
            case "message", "conversation", "contact", "inbox", "template", "practice" -> type;
            case "user" -> "app_user";
            default -> null;
        };
    }

    private Optional<Long> owner(String type, long id) {
        String table = table(type);
        String column = table.equals("practice") ? "id" : "practice_id";
        // Ownership never changes, so an id once seen need not be looked up again.
        return owners.computeIfAbsent(table + "/" + id, k -> db.read(tx -> tx.queryOne(
                "SELECT " + column + " FROM " + table + " WHERE id = ?", rs -> rs.getLong(1), id)));
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
