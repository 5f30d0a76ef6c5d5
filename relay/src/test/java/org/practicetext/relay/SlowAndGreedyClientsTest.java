// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.practicetext.relay.auth.Tokens;

/**
 * Slowloris connections and a flood of parked polls against a real relay: the slow connections
 * are cut off, the polls beyond the caps are answered 429 at once, and a normal desk signs in,
 * reads and follows its feed as usual meanwhile. 2,000 slow connections here; a longer run with
 * more is described in docs/BENCHMARKS.md.
 */
class SlowAndGreedyClientsTest {
    /** {@code -Dpt.slowConnections=N} for the longer run of docs/BENCHMARKS.md. */
    private static final int SLOW_CONNECTIONS = Integer.getInteger("pt.slowConnections", 2_000);

    @TempDir
    Path dir;

    @Test
    void aConnectionThatNeverFinishesItsHeadersIsClosed() throws Exception {
        try (RelayFixture relay = new RelayFixture(dir, Map.of("PT_HEADER_TIMEOUT_SECONDS", "1"));
             Socket socket = new Socket("127.0.0.1", relay.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: relay\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // A byte every 200 ms: far inside the idle timeout, so only a header deadline ends it.
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(200);
                        out.write('a');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the relay, or the test is over
                }
            });
            socket.setSoTimeout(40_000);

            assertThat(readUntilClosed(socket.getInputStream())).as("the relay closed the connection").isTrue();
            trickle.interrupt();
            assertThat(relay.get("/health", null).statusCode()).as("a normal request still works").isEqualTo(200);
        }
    }

    @Test
    void aDeskStaysFastWhileSlowlorisAndAPollFloodGoOn() throws Exception {
        try (RelayFixture relay = new RelayFixture(dir)) {
            TestPractice practice = relay.newPractice();
            String greedy = relay.signIn(practice, "staff");
            long head = relay.head(greedy);
            List<Socket> slow = new CopyOnWriteArrayList<>();
            Thread trickle = null;
            try {
                for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                    Socket s = new Socket("127.0.0.1", relay.server.port());
                    s.getOutputStream().write("GET /api/v1/ev".getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                trickle = Thread.ofVirtual().start(() -> trickle(slow));

                List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
                for (int i = 0; i < 104; i++) {
                    flood.add(relay.getAsync("/api/v1/events?after=" + head + "&wait=30", greedy));
                }
                List<HttpResponse<String>> refused = awaitAnswered(flood, 100);
                for (HttpResponse<String> r : refused) {
                    assertThat(r.statusCode()).isEqualTo(429);
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
                    assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("too_many_polls");
                }
                assertThat(relay.server.feed().hub().parked(Tokens.hash(greedy))).isEqualTo(4);

                // The normal desk: sign in, read the whole feed, park a poll and be woken by a text.
                CompletableFuture<String> desk = CompletableFuture.supplyAsync(() -> {
                    String token = relay.signIn(practice, "admin");
                    long deskHead = relay.head(token);
                    CompletableFuture<HttpResponse<String>> poll = relay.getAsync("/api/v1/events?after=" + deskHead + "&wait=30", token);
                    awaitParked(relay, Tokens.hash(token));
                    relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "see you at 3"));
                    return poll.join().body();
                });
                assertThat(desk.get(5, TimeUnit.SECONDS)).contains("see you at 3");
            } finally {
                if (trickle != null) {
                    trickle.interrupt();
                }
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aPracticeHasAtMostItsCapOfParkedPolls() throws Exception {
        try (RelayFixture relay = new RelayFixture(dir, Map.of("PT_MAX_POLLS_PER_PRACTICE", "6"))) {
            TestPractice practice = relay.newPractice();
            String staff = relay.signIn(practice, "staff");
            String admin = relay.signIn(practice, "admin");
            String viewer = relay.signIn(practice, "viewer");
            long head = relay.head(staff);
            for (int i = 0; i < 3; i++) {
                relay.getAsync("/api/v1/events?after=" + head + "&wait=30", staff);
                relay.getAsync("/api/v1/events?after=" + head + "&wait=30", admin);
            }
            awaitParkedInAll(relay, 6);

            HttpResponse<String> seventh = relay.get("/api/v1/events?after=" + head + "&wait=30", viewer);

            assertThat(seventh.statusCode()).isEqualTo(429);
            assertThat(relay.read(seventh).get("error").get("code").asText()).isEqualTo("too_many_polls");
            assertThat(relay.get("/api/v1/events?after=" + head, viewer).statusCode()).as("a read that does not wait").isEqualTo(200);
            TestPractice other = relay.newPractice();
            String elsewhere = relay.signIn(other, "staff");
            CompletableFuture<HttpResponse<String>> otherPoll = relay.getAsync("/api/v1/events?after=" + relay.head(elsewhere) + "&wait=1", elsewhere);
            assertThat(otherPoll.get(10, TimeUnit.SECONDS).statusCode()).as("another practice parks as usual").isEqualTo(200);
            relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), "+15557654321", practice.number(), "wake up")); // ends the six
        }
    }

    /** One more byte on every slow connection each second; a connection the relay closed is dropped. */
    private static void trickle(List<Socket> slow) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                for (Iterator<Socket> it = slow.iterator(); it.hasNext(); ) {
                    Socket s = it.next();
                    try {
                        s.getOutputStream().write('e');
                    } catch (IOException e) {
                        slow.remove(s);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean readUntilClosed(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // a 408 or whatever Jetty writes before it closes
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the relay
        }
    }

    private static List<HttpResponse<String>> awaitAnswered(List<CompletableFuture<HttpResponse<String>>> polls, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<HttpResponse<String>> done = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> poll : polls) {
                if (poll.isDone()) {
                    done.add(poll.get());
                }
            }
            if (done.size() >= count || System.nanoTime() > deadline) {
                assertThat(done).as("polls answered at once").hasSize(count);
                return done;
            }
            Thread.sleep(20);
        }
    }

    private static void awaitParked(RelayFixture relay, String tokenHash) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (relay.server.feed().hub().parked(tokenHash) < 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the desk's poll never parked");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void awaitParkedInAll(RelayFixture relay, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (relay.server.feed().hub().parked() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + relay.server.feed().hub().parked() + " of " + count + " polls parked");
            }
            Thread.sleep(10);
        }
    }
}
