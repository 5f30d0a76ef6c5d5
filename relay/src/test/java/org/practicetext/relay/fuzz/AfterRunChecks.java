// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.practicetext.protocol.Json;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.fuzz.FuzzWorld.Practice;
import org.practicetext.relay.store.Database;

/**
 * What must hold once the fuzz is over. In the database: every acknowledged inbound text is
 * stored exactly once, as Twilio sent it and in the practice that owns the number (or kept aside
 * when no practice can answer it); nothing refused or forged is stored; every accepted send and
 * simulated text is there; every contact's phone is E.164 or a short code; no stored text holds
 * a lone surrogate or breaks its documented limit; the feed counter is at least its newest event;
 * every contact's consent flags are what its newest consent records say, and every record is in its feed.
 * Over HTTP: the relay still serves — sign-in, a full feed read, a send that reaches the carrier,
 * a webhook that reaches the feed.
 */
final class AfterRunChecks {
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{1,14}|\\d{3,8}");
    private static final Pattern REPLIABLE = Pattern.compile("\\+[1-9]\\d{1,14}|\\d{3,8}");
    /** An inbound text may be stored after its 200 (processed from a durable record): this long is allowed. */
    private static final Duration PROCESSING = Duration.ofSeconds(30);

    private final FuzzWorld world;
    private final Database db;
    private final Findings findings;

    AfterRunChecks(FuzzWorld world, Database db, Findings findings) {
        this.world = world;
        this.db = db;
        this.findings = findings;
    }

    void stored(FuzzLedger ledger) {
        awaitAcknowledged(ledger);
        for (Map.Entry<String, FuzzLedger.Signed> e : ledger.signed.entrySet()) {
            String sid = e.getKey();
            FuzzLedger.Signed s = e.getValue();
            int copies = copies(sid);
            if (s.acknowledged() && copies != 1) {
                findings.add("after the run: a text answered 200 is stored " + copies + " times", s.firstIndex, s.description, null);
            } else if (!s.acknowledged() && copies != 0 && s.statuses.stream().allMatch(st -> st >= 400 && st < 500)) {
                findings.add("after the run: a text refused with " + s.statuses.getFirst() + " was stored", s.firstIndex, s.description, null);
            }
            if (s.acknowledged() && copies == 1 && s.inbound != null) {
                asSent(s);
            }
        }
        ledger.forged.forEach((sid, index) -> {
            if (copies(sid) != 0) {
                findings.add("after the run: a webhook with a bad signature was stored", index, "MessageSid of request #" + index, null);
            }
        });
        ledger.simulated.forEach((sid, index) -> {
            if (count("SELECT COUNT(*) FROM message WHERE sid = ?", sid) != 1) {
                findings.add("after the run: a simulated inbound text answered 202 is not stored once", index, "simulator request #" + index, null);
            }
        });
        ledger.acceptedMessages.forEach((id, index) -> {
            if (count("SELECT COUNT(*) FROM message WHERE id = ? AND direction = 'out'", id) != 1) {
                findings.add("after the run: an accepted send (202) is not stored", index, "send request #" + index, null);
            }
        });
        contacts();
        texts();
        counters();
        consent();
    }

    private void awaitAcknowledged(FuzzLedger ledger) {
        long deadline = System.nanoTime() + PROCESSING.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = ledger.signed.entrySet().stream().filter(e -> e.getValue().acknowledged()).allMatch(e -> copies(e.getKey()) > 0);
            if (all) {
                return;
            }
            pause();
        }
    }

    /**
     * Where a text can be stored today: as a message, or kept aside as unrouted. A relay that also
     * keeps raw webhooks whose processing failed (issue 8, section 2) should count those here.
     */
    private int copies(String sid) {
        return count("SELECT COUNT(*) FROM message WHERE sid = ?", sid) + count("SELECT COUNT(*) FROM unrouted_message WHERE sid = ?", sid);
    }

    private int count(String sql, Object param) {
        return db.read(tx -> tx.queryOne(sql, rs -> rs.getInt(1), param)).orElse(0);
    }

    /** The stored text is the one Twilio sent: body and media intact, in the right practice or kept aside. */
    private void asSent(FuzzLedger.Signed s) {
        FuzzRequest.Inbound in = s.inbound;
        Practice owner = world.practices.stream().filter(p -> p.numbers.contains(in.to())).findFirst().orElse(null);
        boolean aside = owner == null || !REPLIABLE.matcher(in.from()).matches();
        record Row(long id, long practiceId, String body) {
        }
        var routed = db.read(tx -> tx.queryOne("SELECT id, practice_id, body FROM message WHERE sid = ?",
                rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)), in.sid()));
        if (aside) {
            var kept = db.read(tx -> tx.queryOne("SELECT body FROM unrouted_message WHERE sid = ?", rs -> rs.getString(1), in.sid()));
            if (kept.isEmpty()) {
                findings.add("after the run: a text no practice can answer was not kept aside", s.firstIndex, s.description, null);
            } else if (!kept.get().equals(in.body())) {
                findings.add("after the run: a text kept aside differs from what Twilio sent (body)", s.firstIndex, s.description, difference(in.body(), kept.get()));
            }
            return;
        }
        if (routed.isEmpty()) {
            findings.add("after the run: a routable text was kept aside instead of stored in its practice", s.firstIndex, s.description, null);
            return;
        }
        Row row = routed.get();
        if (row.practiceId() != owner.id) {
            findings.add("after the run: a text was stored in the wrong practice", s.firstIndex, s.description, null);
        }
        if (!row.body().equals(in.body())) {
            findings.add("after the run: a stored text differs from what Twilio sent (body)", s.firstIndex, s.description, difference(in.body(), row.body()));
        }
        List<String[]> media = db.read(tx -> tx.query("SELECT url, content_type FROM message_media WHERE message_id = ? ORDER BY position",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, row.id()));
        boolean same = media.size() == in.media().size();
        for (int i = 0; same && i < media.size(); i++) {
            same = media.get(i)[0].equals(in.media().get(i)[0]) && Objects.equals(media.get(i)[1], in.media().get(i)[1]);
        }
        if (!same) {
            findings.add("after the run: a stored text differs from what Twilio sent (media)", s.firstIndex, s.description,
                    "sent " + in.media().size() + " media, stored " + media.size());
        }
    }

    private static String difference(String sent, String stored) {
        return "sent " + sent.length() + " UTF-16 units, stored " + stored.length()
                + (stored.contains("?") && !sent.contains("?") ? ", with '?' where a character was" : "");
    }

    private void contacts() {
        List<String> bad = db.read(tx -> tx.query("SELECT phone FROM contact", rs -> rs.getString(1)))
                .stream().filter(p -> p == null || !PHONE.matcher(p).matches()).toList();
        if (!bad.isEmpty()) {
            findings.add("after the run: " + bad.size() + " stored contact phones are neither E.164 nor a short code", -1,
                    "shapes: " + bad.stream().map(AfterRunChecks::shape).distinct().limit(5).toList(), null);
        }
    }

    /** Stored texts: no lone surrogates, no surrounding whitespace in names, and within their documented limits. */
    private void texts() {
        check("contact name", "SELECT name FROM contact WHERE name IS NOT NULL", 200, true);
        check("contact external id", "SELECT external_id FROM contact WHERE external_id IS NOT NULL", 100, true);
        check("inbox name", "SELECT name FROM inbox", 100, true);
        check("template name", "SELECT name FROM template", 100, true);
        check("template body", "SELECT body FROM template", 1600, true);
        check("inbound message body", "SELECT body FROM message WHERE direction = 'in'", 1600, false);
        check("outbound message body", "SELECT body FROM message WHERE direction = 'out'", 1600, false);
        previews();
        check("media URL", "SELECT url FROM message_media", Integer.MAX_VALUE, false);
        check("media content type", "SELECT content_type FROM message_media WHERE content_type IS NOT NULL", Integer.MAX_VALUE, false);
    }

    private void check(String what, String sql, int maxCodePoints, boolean stripped) {
        List<String> values = db.read(tx -> tx.query(sql, rs -> rs.getString(1)));
        Map<String, Integer> problems = new HashMap<>();
        for (String v : values) {
            if (hasLoneSurrogate(v)) {
                problems.merge("holds a lone surrogate", 1, Integer::sum);
            }
            if (v.codePointCount(0, v.length()) > maxCodePoints) {
                problems.merge("is longer than " + maxCodePoints + " characters", 1, Integer::sum);
            }
            if (stripped && !v.equals(v.strip())) {
                problems.merge("has surrounding whitespace", 1, Integer::sum);
            }
        }
        problems.forEach((problem, n) -> findings.add("after the run: a stored " + what + " " + problem, -1, n + " rows", null));
    }

    /**
     * A preview with a lone surrogate is reported only when no message of its conversation holds
     * one: then the cut made it (a client's own lone surrogate is reported with the message body).
     */
    private void previews() {
        record Preview(long conversationId, String text) {
        }
        List<Preview> previews = db.read(tx -> tx.query("SELECT id, last_message_preview FROM conversation WHERE last_message_preview IS NOT NULL",
                rs -> new Preview(rs.getLong(1), rs.getString(2))));
        int cut = 0;
        int tooLong = 0;
        for (Preview p : previews) {
            if (p.text().codePointCount(0, p.text().length()) > 140) {
                tooLong++;
            }
            if (hasLoneSurrogate(p.text())) {
                List<String> bodies = db.read(tx -> tx.query("SELECT body FROM message WHERE conversation_id = ?", rs -> rs.getString(1), p.conversationId()));
                if (bodies.stream().noneMatch(AfterRunChecks::hasLoneSurrogate)) {
                    cut++;
                }
            }
        }
        if (cut > 0) {
            findings.add("after the run: a conversation preview was cut through a surrogate pair (a lone surrogate, served as '?')", -1, cut + " conversations", null);
        }
        if (tooLong > 0) {
            findings.add("after the run: a conversation preview is longer than 140 characters", -1, tooLong + " conversations", null);
        }
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private void counters() {
        for (Practice p : world.practices) {
            long last = db.read(tx -> tx.queryOne("SELECT last_seq FROM practice WHERE id = ?", rs -> rs.getLong(1), p.id)).orElseThrow();
            long newest = db.read(tx -> tx.queryOne("SELECT COALESCE(MAX(seq), 0) FROM feed_event WHERE practice_id = ?", rs -> rs.getLong(1), p.id)).orElseThrow();
            if (last < newest) {
                findings.add("after the run: the feed counter of a practice is behind its newest event", -1, p.slug + ": " + last + " < " + newest, null);
            }
            List<String> data = db.read(tx -> tx.query("SELECT data FROM feed_event WHERE practice_id = ?", rs -> rs.getString(1), p.id));
            long unreadable = data.stream().filter(d -> !readable(d)).count();
            if (unreadable > 0) {
                findings.add("after the run: feed events whose data is not JSON", -1, p.slug + ": " + unreadable + " events", null);
            }
        }
    }

    /**
     * Consent records (ADR 0025): every contact's flags are what its newest records say (so no
     * change was made without its record), every record is its contact's practice's and is in
     * that practice's feed.
     */
    private void consent() {
        String newest = "(SELECT r.change_kind FROM consent_record r WHERE r.contact_id = k.id AND r.change_kind IN (?, ?) ORDER BY r.id DESC LIMIT 1)";
        long optOuts = db.read(tx -> tx.queryOne("SELECT COUNT(*) FROM contact k WHERE k.opted_out <> (COALESCE(" + newest + ", 'none') = 'opted_out')",
                rs -> rs.getLong(1), "opted_out", "opted_in")).orElseThrow();
        long blocks = db.read(tx -> tx.queryOne("SELECT COUNT(*) FROM contact k WHERE k.blocked <> (COALESCE(" + newest + ", 'none') = 'blocked')",
                rs -> rs.getLong(1), "blocked", "unblocked")).orElseThrow();
        long elsewhere = db.read(tx -> tx.queryOne("SELECT COUNT(*) FROM consent_record r JOIN contact k ON k.id = r.contact_id"
                + " WHERE k.practice_id <> r.practice_id", rs -> rs.getLong(1))).orElseThrow();
        long unannounced = db.read(tx -> tx.queryOne("SELECT COUNT(*) FROM consent_record r WHERE NOT EXISTS (SELECT 1 FROM feed_event e"
                + " WHERE e.practice_id = r.practice_id AND e.entity_type = 'consent' AND e.entity_id = r.id)", rs -> rs.getLong(1))).orElseThrow();
        long records = db.read(tx -> tx.queryOne("SELECT COUNT(*) FROM consent_record", rs -> rs.getLong(1))).orElseThrow();
        if (optOuts > 0) {
            findings.add("after the run: a contact's opted-out flag is not what its newest consent record says", -1, optOuts + " contacts", null);
        }
        if (blocks > 0) {
            findings.add("after the run: a contact's blocked flag is not what its newest consent record says", -1, blocks + " contacts", null);
        }
        if (elsewhere > 0) {
            findings.add("after the run: a consent record is in another practice than its contact", -1, elsewhere + " records", null);
        }
        if (unannounced > 0) {
            findings.add("after the run: a consent record is not in its practice's feed", -1, unannounced + " of " + records + " records", null);
        }
        System.out.println("RelayFuzzTest: " + records + " consent records written");
    }

    private static boolean readable(String json) {
        try {
            return Json.mapper().readTree(json).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** "+1555…" → "+DDDDDDDDDDD": the shape of a value without the value. */
    private static String shape(String value) {
        return value == null ? "null" : value.replaceAll("\\d", "D").replaceAll("\\p{L}", "L");
    }

    // ---- the relay serves normally afterwards ----

    void servesNormally(RelayFixture relay) {
        relay.clock.advance(Duration.ofHours(2)); // sign-in locks from fuzzed wrong passwords have ended
        if (relay.get("/health", null).statusCode() != 200) {
            findings.add("afterwards: GET /health does not answer 200", -1, "", null);
        }
        for (Practice p : world.practices) {
            RelayFixture.TestPractice tp = new RelayFixture.TestPractice(p.slug, p.numbers.getFirst());
            Map<String, String> tokens = new HashMap<>();
            for (String role : FuzzWorld.ROLES) {
                try {
                    tokens.put(role, relay.signIn(tp, role));
                } catch (AssertionError e) {
                    findings.add("afterwards: sign-in fails", -1, role + " of " + p.slug, AnswerChecks.abbreviate(e.getMessage()));
                }
            }
            String token = tokens.getOrDefault("staff", p.tokens.get("staff"));
            try {
                List<JsonNode> feed = relay.events(token, 0);
                if (feed.isEmpty()) {
                    findings.add("afterwards: the feed is empty", -1, p.slug, null);
                }
            } catch (RuntimeException e) {
                findings.add("afterwards: the feed cannot be read from the start", -1, p.slug, e.getClass().getSimpleName());
            }
            String patient = p.index == 0 ? "+15553990001" : "+15553990002";
            HttpResponse<String> sent = relay.postJson("/api/v1/messages", token,
                    Map.of("clientId", "afterwards-" + p.slug, "to", patient, "body", "Your appointment is confirmed."));
            if (sent.statusCode() != 202) {
                findings.add("afterwards: a send is not accepted", -1, p.slug + ": " + sent.statusCode(), AnswerChecks.abbreviate(sent.body()));
            } else {
                long id = relay.read(sent).get("id").asLong();
                try {
                    relay.awaitEntity(token, "message", m -> m.get("id").asLong() == id && !m.get("sid").isNull());
                } catch (AssertionError e) {
                    findings.add("afterwards: an accepted send does not reach the carrier within 10 s", -1, p.slug, null);
                }
            }
            String sid = RelayFixture.newSid();
            HttpResponse<String> hook = relay.webhook("/twilio/sms", RelayFixture.inbound(sid, patient, p.numbers.getFirst(), "Thank you!"));
            if (hook.statusCode() != 200) {
                findings.add("afterwards: a genuine webhook is not answered 200", -1, p.slug + ": " + hook.statusCode(), AnswerChecks.abbreviate(hook.body()));
            } else {
                try {
                    relay.awaitEntity(token, "message", m -> sid.equals(m.path("sid").asText()));
                } catch (AssertionError e) {
                    findings.add("afterwards: an acknowledged webhook does not reach the feed within 10 s", -1, p.slug, null);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
