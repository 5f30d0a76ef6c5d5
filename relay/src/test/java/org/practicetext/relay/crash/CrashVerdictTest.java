// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.crash.StoredFacts.MessageRow;
import org.practicetext.relay.crash.StoredFacts.PracticeRow;

/**
 * The crash suite's judge on its own, with made-up ledgers and database contents: each broken
 * invariant is named with the SID or clientId it concerns, and what the suite allows (a message
 * the relay is still checking on) is counted, not failed. This is what makes a red
 * {@link RelayCrashIT} readable, and a green one mean something.
 */
class CrashVerdictTest {
    static final CrashPractice ALPHA = CrashPractice.of("crash-alpha", 0, 2);
    static final Map<String, Long> IDS = Map.of("crash-alpha", 1L);
    static final String SID = "SM0123456789abcdef0123456789abcdef";

    final CrashVerdict verdict = new CrashVerdict();

    @Test
    void anAcknowledgedSidStoredNowhereIsLostAndNamed() {
        verdict.judgeInbound(List.of(acknowledged(SID, ALPHA, "Running late")), facts(List.of(), Map.of()), IDS);

        assertThat(invariants()).containsExactly("every acknowledged inbound SID is stored (lost: answered 200, stored nowhere)");
        assertThat(verdict.findings().get(0).cases()).containsExactly(SID);
        assertThat(verdict.figures()).containsEntry("inbound lost", 1L);
    }

    @Test
    void anAcknowledgedSidKeptOnlyAsUnroutedIsLostToItsPractice() {
        verdict.judgeInbound(List.of(acknowledged(SID, ALPHA, "Running late")), facts(List.of(), Map.of(SID, 1)), IDS);

        assertThat(verdict.findings().get(0).cases()).containsExactly(SID + " (only in unrouted_message)");
    }

    @Test
    void anAcknowledgedSidStillOnlyInTheWebhookJournalIsLateNotLost() {
        StoredFacts facts = new StoredFacts(List.of(new PracticeRow(1, "crash-alpha", 10, 10)), List.of(), Map.of(), Map.of(), Set.of(SID));

        verdict.judgeInbound(List.of(acknowledged(SID, ALPHA, "Running late")), facts, IDS);

        assertThat(invariants()).containsExactly(
                "every acknowledged inbound SID is applied by the end of the drain (recorded in the webhook journal, not applied yet)");
        assertThat(verdict.findings().get(0).cases()).containsExactly(SID);
        assertThat(verdict.figures()).containsEntry("inbound lost", 0L).containsEntry("inbound recorded but not applied at the end", 1L);
    }

    @Test
    void anAcknowledgedSidStoredOnceInItsPracticeIsFine() {
        verdict.judgeInbound(List.of(acknowledged(SID, ALPHA, "Running late")),
                facts(List.of(row(7, SID, null, "in", "Running late", null)), Map.of()), IDS);

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.figures()).containsEntry("inbound acknowledged", 1L).containsEntry("inbound lost", 0L);
    }

    @Test
    void aTextTheCarrierWasAskedForTwiceIsADuplicateSend() {
        DeskOutbox.Send send = accepted("alpha-desk1-3", "Front desk reply 3", 12);
        verdict.judgeOutbound(List.of(send), facts(List.of(row(12, "SMa", "alpha-desk1-3", "out", "Front desk reply 3", "handed")), Map.of()),
                List.of(created("SMa", "Front desk reply 3"), created("SMb", "Front desk reply 3")), IDS);

        assertThat(invariants()).contains("every accepted message is handed to the carrier at most once (duplicate texts to a patient)",
                "the carrier was asked at most once per text");
        assertThat(verdict.findings().get(0).cases().get(0)).startsWith("alpha-desk1-3 (message 12, 2 creates: [SMa, SMb]");
    }

    @Test
    void anAcceptedMessageStillBeingCheckedIsAllowedAndCounted() {
        DeskOutbox.Send send = accepted("alpha-desk1-4", "Front desk reply 4", 13);
        verdict.judgeOutbound(List.of(send), facts(List.of(row(13, null, "alpha-desk1-4", "out", "Front desk reply 4", "checking")), Map.of()),
                List.of(created("SMc", "Front desk reply 4")), IDS);

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.figures()).containsEntry("sends not handed over at the end (pending/handing/checking)", 1L)
                .containsEntry("sends handed to the carrier exactly once", 1L);
    }

    @Test
    void anAcceptedClientIdThatWasNotStoredIsNamed() {
        verdict.judgeOutbound(List.of(accepted("alpha-desk2-1", "Front desk reply 1", 20)), facts(List.of(), Map.of()), List.of(), IDS);

        assertThat(invariants()).containsExactly("every clientId that got a 202 is stored");
        assertThat(verdict.findings().get(0).cases()).containsExactly("alpha-desk2-1 (202 as message 20)");
    }

    @Test
    void aMessageMarkedHandedThatTheCarrierNeverSawIsAFinding() {
        DeskOutbox.Send send = accepted("alpha-desk1-5", "Front desk reply 5", 14);
        verdict.judgeOutbound(List.of(send), facts(List.of(row(14, "SMd", "alpha-desk1-5", "out", "Front desk reply 5", "handed")), Map.of()),
                List.of(), IDS);

        assertThat(invariants()).containsExactly("a message marked handed was really handed to the carrier");
    }

    @Test
    void aCreateForATextTheRelayNeverStoredIsAFinding() {
        verdict.judgeOutbound(List.of(), facts(List.of(), Map.of()), List.of(created("SMe", "Who sent this?")), IDS);

        assertThat(invariants()).containsExactly("the carrier sends only texts the relay stored");
    }

    @Test
    void aFeedCounterBelowItsNewestEventBreaksTheCounterInvariant() {
        StoredFacts facts = new StoredFacts(List.of(new PracticeRow(1, "crash-alpha", 17513, 17514)), List.of(), Map.of(), Map.of());

        verdict.judgeFeed(facts);

        assertThat(invariants()).containsExactly("the counter invariant: practice.last_seq >= MAX(feed_event.seq) for every practice");
        assertThat(verdict.findings().get(0).cases()).containsExactly("crash-alpha: last_seq 17513 < MAX(feed_event.seq) 17514");
    }

    @Test
    void aFollowerThatMissedAChangeDiffersFromTheSnapshot() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode queued = json.readTree("{\"id\":5,\"status\":\"queued\",\"sid\":null}");
        JsonNode delivered = json.readTree("{\"id\":5,\"status\":\"delivered\",\"sid\":\"SMf\"}");

        verdict.judgeFollower("crash-alpha", Map.of("message:5", queued), Map.of("message:5", delivered, "contact:2", queued));

        assertThat(verdict.findings().get(0).cases()).containsExactlyInAnyOrder(
                "crash-alpha message:5 differs: the follower has {status=queued, sid=null}, the snapshot {status=delivered, sid=SMf}",
                "crash-alpha contact:2 missing from the follower");
    }

    private List<String> invariants() {
        return verdict.findings().stream().map(CrashVerdict.Finding::invariant).toList();
    }

    private static InboundStream.Webhook acknowledged(String sid, CrashPractice practice, String body) {
        InboundStream.Webhook w = new InboundStream.Webhook(sid, practice, Map.of("Body", body), "signature");
        w.attempts = 1;
        w.acknowledged = true;
        return w;
    }

    private static DeskOutbox.Send accepted(String clientId, String body, long messageId) {
        DeskOutbox.Send s = new DeskOutbox.Send(clientId, ALPHA, ALPHA.patients().get(0), body, DeskOutbox.Channel.DESK);
        s.accepted = true;
        s.storedClientId = clientId;
        s.messageId = messageId;
        return s;
    }

    private static FakeTwilio.Created created(String sid, String body) {
        return new FakeTwilio.Created(sid, Map.of("To", List.of(ALPHA.patients().get(0)), "From", List.of(ALPHA.number()), "Body", List.of(body)),
                Instant.now(), false);
    }

    private static MessageRow row(long id, String sid, String clientId, String direction, String body, String state) {
        return new MessageRow(id, 1, sid, clientId, direction, body, direction.equals("in") ? "received" : "queued", state, null, null, null);
    }

    private static StoredFacts facts(List<MessageRow> messages, Map<String, Integer> unrouted) {
        return new StoredFacts(List.of(new PracticeRow(1, "crash-alpha", 10, 10)), new ArrayList<>(messages), unrouted,
                Map.of(1L, (long) messages.size()));
    }
}
