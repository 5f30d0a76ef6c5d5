// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

class ChangeFeedTest {
    // manyParkedLongPollsAllWakeOnOneChange parks 300 polls of one sign-in: fan-out, not the caps, is under test here.
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withEnv(java.util.Map.of("PT_MAX_POLLS_PER_TOKEN", "1000", "PT_MAX_POLLS_PER_PRACTICE", "1000"));
    TestPractice practice;
    String token;

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        token = relay.signIn(practice, "staff");
    }

    private void text(String from, String body) {
        HttpResponse<String> r = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), from, practice.number(), body));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private JsonNode page(String query) {
        HttpResponse<String> r = relay.get("/api/v1/events?" + query, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return relay.read(r);
    }

    @Test
    void snapshotFromZeroHoldsThePracticeItsInboxAndTeam() {
        JsonNode page = page("after=0");

        List<String> types = new ArrayList<>();
        page.get("events").forEach(e -> types.add(e.get("type").asText()));
        // The communication settings are announced as the practice is created (ADR 0024), with its own id.
        assertThat(types).containsExactly("practice", "inbox", "settings", "user", "user", "user");
        assertThat(page.get("more").asBoolean()).isFalse();
        assertThat(page.get("next").asLong()).isEqualTo(page.get("events").get(5).get("seq").asLong());
        assertThat(page.get("feedId").asText()).hasSize(36);
        assertThat(page.get("events").get(2).get("data").get("id").asLong()).isEqualTo(page.get("events").get(0).get("data").get("id").asLong());
        assertThat(page.get("events").get(3).get("data").has("passwordHash")).isFalse();
    }

    @Test
    void sequenceIsPerPracticeAndStrictlyIncreasing() {
        text("+15557654321", "one");
        text("+15557654322", "two");

        List<Long> seqs = new ArrayList<>();
        page("after=0").get("events").forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(seqs.getFirst()).isEqualTo(1);
    }

    @Test
    void logIsCompactedByEntitySoEachEntityAppearsOnceAtItsNewestState() {
        text("+15557654321", "first");
        text("+15557654321", "second");
        text("+15557654321", "third");

        List<JsonNode> conversations = relay.events(token, 0).stream().filter(e -> e.get("type").asText().equals("conversation")).toList();
        assertThat(conversations).hasSize(1);
        assertThat(conversations.getFirst().get("data").get("unreadCount").asInt()).isEqualTo(3);
        assertThat(conversations.getFirst().get("data").get("lastMessagePreview").asText()).isEqualTo("third");
    }

    @Test
    void afterACursorOnlyWhatChangedSinceIsReturned() {
        text("+15557654321", "first");
        long cursor = relay.head(token);

        text("+15557654321", "second");

        JsonNode page = page("after=" + cursor);
        List<String> types = new ArrayList<>();
        page.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("conversation", "message");
        page.get("events").forEach(e -> assertThat(e.get("seq").asLong()).isGreaterThan(cursor));
    }

    @Test
    void limitPagesWithMoreAndNext() {
        for (int i = 0; i < 4; i++) {
            text("+1555765432" + i, "hello " + i);
        }
        int total = relay.events(token, 0).size();

        JsonNode first = page("after=0&limit=3");
        assertThat(first.get("events")).hasSize(3);
        assertThat(first.get("more").asBoolean()).isTrue();
        JsonNode second = page("after=" + first.get("next").asLong() + "&limit=3");
        assertThat(second.get("events").get(0).get("seq").asLong()).isGreaterThan(first.get("next").asLong());

        int seen = 0;
        long cursor = 0;
        boolean more = true;
        while (more) {
            JsonNode p = page("after=" + cursor + "&limit=3");
            seen += p.get("events").size();
            cursor = p.get("next").asLong();
            more = p.get("more").asBoolean();
        }
        assertThat(seen).isEqualTo(total);
    }

    @Test
    void emptyAnswerKeepsTheCursor() {
        long head = relay.head(token);

        JsonNode page = page("after=" + head);

        assertThat(page.get("events")).isEmpty();
        assertThat(page.get("next").asLong()).isEqualTo(head);
        assertThat(page.get("more").asBoolean()).isFalse();
    }

    @Test
    void cursorBeyondTheFeedIsGoneSoTheClientResyncs() {
        long head = relay.head(token);

        HttpResponse<String> r = relay.get("/api/v1/events?after=" + (head + 100), token);

        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("cursor_unknown");
    }

    @Test
    void badParametersAreBadRequests() {
        assertThat(relay.get("/api/v1/events?after=abc", token).statusCode()).isEqualTo(400);
        assertThat(relay.get("/api/v1/events?after=-1", token).statusCode()).isEqualTo(400);
        assertThat(relay.get("/api/v1/events?limit=0", token).statusCode()).isEqualTo(400);
    }

    @Test
    void onePracticeSeesNothingOfAnother() {
        TestPractice other = relay.newPractice();
        String otherToken = relay.signIn(other, "admin");
        text("+15557654321", "private to the first practice");

        String otherFeed = relay.events(otherToken, 0).toString();

        assertThat(otherFeed).doesNotContain("private to the first practice").doesNotContain("+15557654321")
                .doesNotContain(practice.slug()).contains(other.slug());
    }

    @Test
    void parkedLongPollReturnsAsSoonAsAWebhookLands() throws Exception {
        long head = relay.head(token);
        CompletableFuture<HttpResponse<String>> poll = relay.getAsync("/api/v1/events?after=" + head + "&wait=30", token);
        awaitParked(1);
        assertThat(poll).isNotDone();

        long started = System.nanoTime();
        text("+15557654321", "wake up");
        HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(relay.read(answer).get("events").toString()).contains("wake up");
    }

    @Test
    void longPollOfAnotherPracticeIsNotWoken() throws Exception {
        TestPractice other = relay.newPractice();
        String otherToken = relay.signIn(other, "admin");
        long head = relay.head(otherToken);
        CompletableFuture<HttpResponse<String>> poll = relay.getAsync("/api/v1/events?after=" + head + "&wait=2", otherToken);
        awaitParked(1);

        text("+15557654321", "not for them");
        HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);

        assertThat(relay.read(answer).get("events")).isEmpty();
        assertThat(relay.read(answer).get("next").asLong()).isEqualTo(head);
    }

    @Test
    void waitEndsWithAnEmptyAnswer() {
        long head = relay.head(token);
        long started = System.nanoTime();

        JsonNode page = page("after=" + head + "&wait=1");

        assertThat(page.get("events")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void manyParkedLongPollsAllWakeOnOneChange() throws Exception {
        long head = relay.head(token);
        int clients = 300;
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            polls.add(relay.getAsync("/api/v1/events?after=" + head + "&wait=30", token));
        }
        awaitParked(clients);

        text("+15557654321", "everyone");

        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(poll.get().statusCode()).isEqualTo(200);
            assertThat(poll.get().body()).contains("everyone");
        }
        assertThat(relay.server.feed().hub().parked()).isZero();
    }

    private void awaitParked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (relay.server.feed().hub().parked() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + relay.server.feed().hub().parked() + " of " + count + " polls parked");
            }
            Thread.sleep(10);
        }
    }
}
