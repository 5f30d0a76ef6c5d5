// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.practicetext.relay.crash.StoredFacts.MessageRow;
import org.practicetext.relay.crash.StoredFacts.PracticeRow;

/**
 * The suite's invariants, judged from what the clients were told (the ledgers), what the carrier
 * was asked (the fake's records) and what the relay stored (its H2 file). Each broken invariant
 * becomes a {@link Finding} naming the SIDs, clientIds and message ids it concerns.
 *
 * <p>Allowed, and counted rather than judged: an accepted message the relay has not handed over
 * at the end ({@code pending} behind an earlier message of its conversation, or
 * {@code checking}/{@code handing} while it asks the carrier first after an uncertain hand-off),
 * and one in {@code attention}, where the relay could not tell and leaves it to a person. Neither
 * may have been sent twice. That the restarted relay takes such messages up at once is judged
 * separately, after the final restart ({@code RelayCrashIT.judgeTakeUp}).
 */
final class CrashVerdict {
    private static final Set<String> NOT_HANDED_YET = Set.of("pending", "handing", "checking");

    /** One broken invariant and the cases that break it. */
    record Finding(String invariant, List<String> cases) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Long> figures = new TreeMap<>();

    List<Finding> findings() {
        return findings;
    }

    Map<String, Long> figures() {
        return figures;
    }

    void add(String invariant, List<String> cases) {
        if (!cases.isEmpty()) {
            findings.add(new Finding(invariant, cases));
        }
    }

    void figure(String name, long value) {
        figures.put(name, value);
    }

    /**
     * Every acknowledged SID stored exactly once, where it belongs; no genuine webhook refused or left unacknowledged. A SID
     * the relay recorded in its webhook journal but had not applied when it was stopped is not lost (the next start applies
     * it) but late, and named as such.
     */
    void judgeInbound(Collection<InboundStream.Webhook> webhooks, StoredFacts facts, Map<String, Long> practiceIds) {
        Map<String, List<MessageRow>> bySid = new HashMap<>();
        facts.messages().stream().filter(m -> m.sid() != null).forEach(m -> bySid.computeIfAbsent(m.sid(), k -> new ArrayList<>()).add(m));
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> neverAcknowledged = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        long acknowledged = 0;
        for (InboundStream.Webhook w : webhooks) {
            if (w.refusedWith != 0) {
                refused.add(w.sid + " (HTTP " + w.refusedWith + ")");
                continue;
            }
            if (!w.acknowledged) {
                neverAcknowledged.add(w.sid + " (" + w.attempts + " attempts)");
                continue;
            }
            acknowledged++;
            List<MessageRow> rows = bySid.getOrDefault(w.sid, List.of());
            int unrouted = facts.unroutedSids().getOrDefault(w.sid, 0);
            if (rows.isEmpty() && unrouted == 0 && facts.journalOnlySids().contains(w.sid)) {
                notApplied.add(w.sid + (w.practice == null ? " (to the unknown number)" : ""));
                continue;
            }
            if (w.practice == null) {
                if (unrouted == 0 && rows.isEmpty()) {
                    lost.add(w.sid + " (to the unknown number)");
                } else if (unrouted > 1) {
                    duplicated.add(w.sid + " (" + unrouted + " times in unrouted_message)");
                } else if (!rows.isEmpty()) {
                    misplaced.add(w.sid + " (to the unknown number, but stored as message " + rows.get(0).id() + ")");
                }
                continue;
            }
            if (rows.isEmpty()) {
                lost.add(w.sid + (unrouted > 0 ? " (only in unrouted_message)" : ""));
            } else if (rows.size() > 1) {
                duplicated.add(w.sid + " (" + rows.size() + " message rows)");
            } else {
                MessageRow row = rows.get(0);
                if (!row.direction().equals("in") || row.practiceId() != practiceIds.get(w.practice.slug()) || !row.body().equals(w.body())) {
                    misplaced.add(w.sid + " (message " + row.id() + ": direction " + row.direction() + ", practice " + row.practiceId() + ")");
                } else if (unrouted > 0) {
                    misplaced.add(w.sid + " (stored as message " + row.id() + " and also in unrouted_message)");
                }
            }
        }
        figure("inbound SIDs", webhooks.size());
        figure("inbound acknowledged", acknowledged);
        figure("inbound lost", lost.size());
        figure("inbound recorded but not applied at the end", notApplied.size());
        figure("inbound duplicated", duplicated.size());
        add("every acknowledged inbound SID is stored (lost: answered 200, stored nowhere)", lost);
        add("every acknowledged inbound SID is applied by the end of the drain (recorded in the webhook journal, not applied yet)", notApplied);
        add("every acknowledged inbound SID is stored exactly once", duplicated);
        add("every acknowledged inbound SID is stored where it belongs (its practice, as inbound, its body; unknown numbers in unrouted_message only)", misplaced);
        add("no genuine webhook is refused with a 4xx (Twilio does not retry it)", refused);
        add("every webhook is acknowledged in the end (retried with the same SID until the end of the run)", neverAcknowledged);
    }

    /**
     * Every clientId that got a 202 stored once and handed to the carrier exactly once (or, allowed,
     * not yet: see the class comment); the carrier never asked twice for one text, nor for a text
     * the relay has no record of.
     */
    void judgeOutbound(Collection<DeskOutbox.Send> sends, StoredFacts facts, List<FakeTwilio.Created> created, Map<String, Long> practiceIds) {
        Map<String, List<FakeTwilio.Created>> createsByBody = new HashMap<>();
        created.forEach(c -> createsByBody.computeIfAbsent(c.body, k -> new ArrayList<>()).add(c));
        Map<String, List<MessageRow>> byClient = new HashMap<>();
        Map<String, List<MessageRow>> outByBody = new HashMap<>();
        Map<String, Long> states = new TreeMap<>();
        for (MessageRow m : facts.messages()) {
            if (m.direction().equals("out")) {
                byClient.computeIfAbsent(m.practiceId() + "/" + m.clientId(), k -> new ArrayList<>()).add(m);
                outByBody.computeIfAbsent(m.body(), k -> new ArrayList<>()).add(m);
                states.merge("outbound in state " + m.dispatchState(), 1L, Long::sum);
            }
        }
        List<String> notStored = new ArrayList<>();
        List<String> wrongRow = new ArrayList<>();
        List<String> sentTwice = new ArrayList<>();
        List<String> handedWithoutCarrier = new ArrayList<>();
        List<String> sidMismatch = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long accepted = 0;
        long sentOnce = 0;
        long awaitingHandOff = 0;
        long attention = 0;
        List<String> neverAccepted = new ArrayList<>();
        for (DeskOutbox.Send send : sends) {
            if (send.refusedWith != 0) {
                refused.add(send.clientId + " (HTTP " + send.refusedWith + ": " + send.refusal + ")");
                continue;
            }
            if (!send.accepted) {
                neverAccepted.add(send.clientId + " (" + send.attempts + " attempts)");
                continue;
            }
            accepted++;
            List<MessageRow> rows = byClient.getOrDefault(practiceIds.get(send.practice.slug()) + "/" + send.storedClientId, List.of());
            if (rows.isEmpty()) {
                notStored.add(send.clientId + " (202 as message " + send.messageId + ")");
                continue;
            }
            MessageRow row = rows.get(0);
            if (rows.size() > 1 || !row.body().equals(send.body) || row.id() != send.messageId) {
                wrongRow.add(send.clientId + " (202 as message " + send.messageId + ", stored as " + rows.stream().map(MessageRow::id).toList() + ")");
            }
            int creates = createsByBody.getOrDefault(send.body, List.of()).size();
            String state = row.dispatchState();
            if (creates > 1) {
                sentTwice.add(send.clientId + " (message " + row.id() + ", " + creates + " creates: "
                        + createsByBody.get(send.body).stream().map(c -> c.sid + (c.answerLost ? " answer lost" : "")).toList() + ")");
            } else if (creates == 0) {
                if (NOT_HANDED_YET.contains(state)) {
                    awaitingHandOff++;
                } else if ("attention".equals(state)) {
                    attention++;
                } else {
                    handedWithoutCarrier.add(send.clientId + " (message " + row.id() + " in state " + state + " with SID " + row.sid() + ")");
                }
            } else {
                FakeTwilio.Created only = createsByBody.get(send.body).get(0);
                if ("handed".equals(state) && !only.sid.equals(row.sid())) {
                    sidMismatch.add(send.clientId + " (message " + row.id() + " has " + row.sid() + ", the carrier made " + only.sid + ")");
                } else if ("attention".equals(state)) {
                    attention++;
                } else if (NOT_HANDED_YET.contains(state)) {
                    awaitingHandOff++;
                }
                sentOnce++;
            }
        }
        List<String> duplicateCreates = new ArrayList<>();
        List<String> unknownCreates = new ArrayList<>();
        createsByBody.forEach((body, list) -> {
            List<MessageRow> rows = outByBody.getOrDefault(body, List.of());
            String which = rows.isEmpty() ? "no stored message" : "message " + rows.get(0).id() + " clientId " + rows.get(0).clientId();
            if (list.size() > 1) {
                duplicateCreates.add(which + ": " + list.stream().map(c -> c.sid).toList());
            }
            if (rows.isEmpty()) {
                unknownCreates.add(list.stream().map(c -> c.sid).toList().toString());
            }
        });
        figure("sends clientIds", sends.size());
        figure("sends accepted (202)", accepted);
        figure("sends lost (202, not stored)", notStored.size());
        figure("sends never accepted by the end", neverAccepted.size());
        figure("sends handed to the carrier exactly once", sentOnce);
        figure("sends not handed over at the end (pending/handing/checking)", awaitingHandOff);
        figure("sends in attention (a person decides)", attention);
        figure("carrier creates", created.size());
        figure("carrier creates answered 500 on purpose", created.stream().filter(c -> c.answerLost).count());
        figure("carrier texts sent more than once", duplicateCreates.size());
        states.forEach(this::figure);
        add("every clientId that got a 202 is stored", notStored);
        add("every clientId that got a 202 is stored once, as the message the 202 named, with its body", wrongRow);
        add("every accepted message is handed to the carrier at most once (duplicate texts to a patient)", sentTwice);
        add("the carrier was asked at most once per text", duplicateCreates);
        add("the carrier sends only texts the relay stored", unknownCreates);
        add("a message marked handed was really handed to the carrier", handedWithoutCarrier);
        add("a handed message carries the SID the carrier gave it", sidMismatch);
        add("no genuine send is refused with a 4xx", refused);
        add("every send is accepted in the end (retried with the same clientId until the end of the run)", neverAccepted);
    }

    /** The following desk's copy equals a fresh {@code after=0} snapshot taken at the same cursor. */
    void judgeFollower(String practice, Map<String, JsonNode> follower, Map<String, JsonNode> snapshot) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : snapshot.entrySet()) {
            JsonNode mine = follower.get(e.getKey());
            if (mine == null) {
                differences.add(practice + " " + e.getKey() + " missing from the follower");
            } else if (!mine.equals(e.getValue())) {
                differences.add(practice + " " + e.getKey() + " differs: the follower has " + brief(mine) + ", the snapshot " + brief(e.getValue()));
            }
        }
        for (String key : follower.keySet()) {
            if (!snapshot.containsKey(key)) {
                differences.add(practice + " " + key + " only in the follower");
            }
        }
        figure("follower entities " + practice, follower.size());
        add("the following desk's copy equals a fresh snapshot", differences);
    }

    /** The fields that tell states apart, without message text or phone numbers. */
    private static String brief(JsonNode data) {
        StringBuilder out = new StringBuilder("{");
        for (String field : List.of("status", "sid", "unreadCount", "lastMessageAt", "updatedAt", "optedOut")) {
            if (data.has(field)) {
                out.append(out.length() > 1 ? ", " : "").append(field).append('=').append(data.get(field).asText());
            }
        }
        return out.append('}').toString();
    }

    /** practice.last_seq is at least its newest event, and every stored message has its feed event. */
    void judgeFeed(StoredFacts facts) {
        List<String> behind = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        Map<Long, Long> messages = new HashMap<>();
        facts.messages().forEach(m -> messages.merge(m.practiceId(), 1L, Long::sum));
        for (PracticeRow p : facts.practices()) {
            if (p.lastSeq() < p.maxSeq()) {
                behind.add(p.slug() + ": last_seq " + p.lastSeq() + " < MAX(feed_event.seq) " + p.maxSeq());
            }
            long stored = messages.getOrDefault(p.id(), 0L);
            long inFeed = facts.messageEvents().getOrDefault(p.id(), 0L);
            if (stored != inFeed) {
                incomplete.add(p.slug() + ": " + stored + " messages stored, " + inFeed + " message events in the feed");
            }
            figure("feed last_seq " + p.slug(), p.lastSeq());
        }
        add("the counter invariant: practice.last_seq >= MAX(feed_event.seq) for every practice", behind);
        add("every stored message is in its practice's feed", incomplete);
    }
}
