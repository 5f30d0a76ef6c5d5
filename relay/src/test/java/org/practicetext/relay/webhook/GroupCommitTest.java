// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * Group commit (ADR 0020): texts that arrive together are applied in one transaction, each
 * answered only once it is committed, each stored once; a text that breaks its batch costs the
 * others nothing and is itself kept and applied later.
 */
class GroupCommitTest {
    @TempDir
    Path dir;
    RelayFixture relay;

    @BeforeEach
    void start() {
        relay = new RelayFixture(dir);
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private long stored(String sid) {
        return relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM message WHERE sid = ?", rs -> rs.getLong(1), sid)).orElseThrow();
    }

    private long messages() {
        return relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM message", rs -> rs.getLong(1))).orElseThrow();
    }

    /** Sends every text at once from {@code senders} threads; each answer is checked against the database the moment it comes. */
    private List<String> sendTogether(int senders, List<Callable<String>> texts) throws Exception {
        List<String> problems = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<String>> answers = pool.invokeAll(texts);
            for (Future<String> answer : answers) {
                String problem = answer.get();
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private Callable<String> text(TestPractice practice, String sid, String from, String body) {
        return () -> {
            HttpResponse<String> r = relay.webhook("/twilio/sms", RelayFixture.inbound(sid, from, practice.number(), body));
            if (r.statusCode() != 200) {
                return sid + " answered " + r.statusCode();
            }
            return body.equals("poison") || stored(sid) == 1 ? null : sid + " answered 200 before its message was committed";
        };
    }

    @Test
    void textsArrivingTogetherShareCommitsAndEachIsAnsweredAfterItsOwnCommitAndStoredOnce() throws Exception {
        List<TestPractice> practices = List.of(relay.newPractice(), relay.newPractice(), relay.newPractice(), relay.newPractice());
        List<Callable<String>> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            texts.add(text(practices.get(i % 4), RelayFixture.newSid(), String.format("+1555%07d", 3_100_000 + i % 37), "Text " + i));
        }

        List<String> problems = sendTogether(48, texts);

        assertThat(problems).isEmpty();
        assertThat(messages()).isEqualTo(400);
        assertThat(relay.server.webhookIntake().largestBatch()).as("texts that arrived together were applied together").isGreaterThan(1);
        for (TestPractice p : practices) {
            String token = relay.signIn(p, "staff");
            assertThat(relay.entities(token, "message")).hasSize(100);
            assertThat(relay.read(relay.get("/api/v1/events?after=0&limit=1000", token)).get("events").size())
                    .as("one event per message, per conversation and per new contact: the feed holds every text's").isGreaterThan(100);
        }
    }

    @Test
    void theSameTextSentManyTimesAtOnceIsStoredOnce() throws Exception {
        TestPractice practice = relay.newPractice();
        String sid = RelayFixture.newSid();
        List<Callable<String>> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add(text(practice, sid, "+15553100999", "Twice?"));
        }

        assertThat(sendTogether(24, texts)).isEmpty();
        assertThat(stored(sid)).isEqualTo(1);
    }

    @Test
    void aTextThatBreaksItsBatchCostsTheOthersNothingAndIsKeptAndAppliedLater() throws Exception {
        TestPractice practice = relay.newPractice();
        relay.server.database().inTransaction(tx -> tx.update("ALTER TABLE message ADD CONSTRAINT test_poison CHECK (body <> 'poison')"));
        List<String> sids = new ArrayList<>();
        List<Callable<String>> texts = new ArrayList<>();
        String poison = RelayFixture.newSid();
        for (int i = 0; i < 60; i++) {
            String sid = i == 30 ? poison : RelayFixture.newSid();
            sids.add(sid);
            texts.add(text(practice, sid, String.format("+1555%07d", 3_200_000 + i), i == 30 ? "poison" : "Fine " + i));
        }

        List<String> problems = sendTogether(60, texts);

        assertThat(problems).as("every text, the poisoned one too, was acknowledged; every other one at once").isEmpty();
        assertThat(stored(poison)).isZero();
        assertThat(messages()).isEqualTo(59);
        long waiting = relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM webhook_receipt WHERE sms_sid = ? AND processed_at IS NULL",
                rs -> rs.getLong(1), poison)).orElseThrow();
        assertThat(waiting).as("the poisoned text is journalled, waiting to be applied").isEqualTo(1);

        relay.server.database().inTransaction(tx -> tx.update("ALTER TABLE message DROP CONSTRAINT test_poison"));
        relay.server.database().inTransaction(tx -> tx.update("UPDATE webhook_receipt SET next_attempt_at = ? WHERE sms_sid = ?",
                java.time.Instant.EPOCH, poison));
        relay.server.webhookIntake().retryNow();
        assertThat(stored(poison)).isEqualTo(1);
        assertThat(messages()).isEqualTo(60);
        assertThat(sids).doesNotHaveDuplicates();
    }

    private static java.util.Map<String, List<String>> form(TestPractice practice, String from, String body) {
        java.util.Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        RelayFixture.inbound(RelayFixture.newSid(), from, practice.number(), body).forEach((k, v) -> form.put(k, List.of(v)));
        return form;
    }

    @Test
    void oneContactsTextsInOneBatchSeeEachOthersOptOutAndOptIn() {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        String out = "+15553100701";
        String back = "+15553100702";

        List<java.util.Optional<InboundMessages.Outcome>> outcomes = relay.server.webhookIntake().applyTogether(List.of(
                form(practice, out, "Hello"), form(practice, out, "STOP"), form(practice, out, "Still there?"),
                form(practice, back, "STOP"), form(practice, back, "START"), form(practice, back, "Thanks")));

        assertThat(outcomes).hasSize(6).allMatch(o -> o.orElseThrow() == InboundMessages.Outcome.STORED);
        var contacts = relay.entities(token, "contact").values();
        assertThat(contacts.stream().filter(c -> c.get("phone").asText().equals(out)).findFirst().orElseThrow().get("optedOut").asBoolean())
                .as("STOP in the middle of the batch opts out").isTrue();
        assertThat(contacts.stream().filter(c -> c.get("phone").asText().equals(back)).findFirst().orElseThrow().get("optedOut").asBoolean())
                .as("START after STOP in the same batch opts back in: it saw the STOP").isFalse();
        var conversation = relay.entities(token, "conversation").values().stream().filter(c -> c.get("phone").asText().equals(back)).findFirst()
                .orElseThrow();
        assertThat(conversation.get("unreadCount").asInt()).as("three texts, one conversation").isEqualTo(3);
        assertThat(relay.entities(token, "message")).hasSize(6);
    }
}
