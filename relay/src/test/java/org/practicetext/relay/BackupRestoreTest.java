// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * The deployment guide's backup and restore (docs/DEPLOYMENT.md, section 9), on the test store:
 * back up, write more, restore, run {@code feed renew}, start again. The relay then serves the
 * backup's messages under a new feed id, so a desk whose cursor is past the restored feed
 * resynchronises from the start (and re-sends its outbox with the same client ids) instead of
 * waiting for sequence numbers that the restored feed gives to other events.
 *
 * <p>Both backups are taken while the relay serves and texts keep arriving: H2's through the
 * relay jar's {@code backup create} on the operator API ({@code BACKUP TO}), PostgreSQL's with
 * {@code pg_dump -Fc}; the restore ({@code Restore}, {@code pg_restore --clean}) runs with the relay
 * stopped, as the guide says. The restored database holds every text acknowledged before the
 * backup began, only acknowledged texts, and none twice.
 */
class BackupRestoreTest {
    static final String PATIENT = "+15557650166";
    static final String OPERATOR_TOKEN = "operator-token-for-the-backup-test-0123456789";

    @TempDir
    Path dir;

    @Test
    void aRestoredDatabaseServesTheBackupUnderANewFeedId() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve(TestStore.current() == TestStore.POSTGRES ? "relay.dump" : "relay-backup.zip");
        RelayFixture relay = new RelayFixture(data, Map.of("PT_OPERATOR_TOKEN", OPERATOR_TOKEN));
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "before the backup"))
                .statusCode()).isEqualTo(200);
        relay.awaitEntity(token, "message", m -> m.get("body").asText().equals("before the backup"));
        String feedAtBackup = feedId(relay, token);

        // Texts keep arriving while the backup is written: it holds each one acknowledged before it started, and never half of one.
        List<String> ackedBefore = new ArrayList<>(List.of("before the backup"));
        List<String> ackedDuring = new CopyOnWriteArrayList<>();
        AtomicBoolean backingUp = new AtomicBoolean(true);
        RelayFixture serving = relay;
        for (int i = 0; i < 5; i++) {
            String body = "ahead of the backup " + i;
            assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), body)).statusCode())
                    .isEqualTo(200);
            ackedBefore.add(body);
        }
        Thread texts = Thread.ofVirtual().start(() -> {
            for (int i = 0; backingUp.get(); i++) {
                String body = "during the backup " + i;
                if (serving.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), body)).statusCode() == 200) {
                    ackedDuring.add(body);
                }
            }
        });
        try {
            if (TestStore.current() == TestStore.POSTGRES) {
                postgres("pg_dump", data, "-Fc", "-f", backup.toString());
            } else {
                Map<String, String> online = Map.of("PT_ADMIN_URL", relay.uri(""), "PT_OPERATOR_TOKEN", OPERATOR_TOKEN);
                ByteArrayOutputStream said = new ByteArrayOutputStream();
                assertThat(RelayMain.run(new String[] {"backup", "create", "--name", "relay-backup.zip"}, online,
                        new PrintStream(said, true, StandardCharsets.UTF_8), System.err)).isZero();
                assertThat(said.toString(StandardCharsets.UTF_8)).contains("Wrote the backup");
                backup = data.resolve("backups").resolve("relay-backup.zip");
            }
        } finally {
            backingUp.set(false);
            texts.join();
        }
        assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "after the backup"))
                .statusCode()).isEqualTo(200);
        relay.awaitEntity(token, "message", m -> m.get("body").asText().equals("after the backup"));
        long deskCursor = relay.head(token);
        relay.close();

        if (TestStore.current() == TestStore.POSTGRES) {
            postgres("pg_restore", data, "--clean", "--if-exists", "--no-owner", backup.toString());
        } else {
            org.h2.tools.Restore.execute(backup.toString(), data.toString(), "practicetext");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RelayMain.run(new String[] {"feed", "renew"}, TestStore.current().environment(data),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("new ids");

        relay = new RelayFixture(data);
        try {
            String restoredToken = relay.signIn(practice, "staff");
            assertThat(feedId(relay, restoredToken)).as("the restored feed is a new one").isNotEqualTo(feedAtBackup);
            var poll = relay.get("/api/v1/events?after=" + deskCursor, restoredToken);
            if (poll.statusCode() != 410) { // a cursor past the restored head is 410 (resync); one within it sees the new id
                assertThat(poll.statusCode()).isEqualTo(200);
                assertThat(relay.read(poll).get("feedId").asText()).isNotEqualTo(feedAtBackup);
            }
            List<String> restored = relay.entities(restoredToken, "message").values().stream().map(m -> m.get("body").asText()).toList();
            assertThat(restored).as("every text acknowledged before the backup began").containsAll(ackedBefore)
                    .as("nothing that was never acknowledged, nothing twice").doesNotHaveDuplicates()
                    .allMatch(b -> ackedBefore.contains(b) || ackedDuring.contains(b))
                    .as("nothing stored after the backup finished").doesNotContain("after the backup");
            assertThat(ackedDuring).as("texts did arrive while the backup was written").isNotEmpty();
        } finally {
            relay.close();
        }
    }

    @Test
    void feedRenewRefusesToActThroughARunningRelay() throws Exception {
        Map<String, String> env = new HashMap<>(TestStore.current().environment(dir.resolve("data")));
        env.put("PT_ADMIN_URL", "http://127.0.0.1:9");
        env.put("PT_OPERATOR_TOKEN", "x".repeat(32));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RelayMain.run(new String[] {"feed", "renew"}, env, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unset PT_ADMIN_URL");
    }

    private static String feedId(RelayFixture relay, String token) {
        return relay.read(relay.get("/api/v1/events?after=0", token)).get("feedId").asText();
    }

    /** Runs pg_dump or pg_restore on the PostgreSQL database of {@code folder}. */
    private static void postgres(String tool, Path folder, String... args) throws Exception {
        Map<String, String> env = TestStore.current().environment(folder);
        URI url = URI.create(env.get("PT_DB_URL").substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(tool, "-h", url.getHost(), "-p", Integer.toString(url.getPort()), "-U", env.get("PT_DB_USER"),
                "-d", url.getPath().substring(1)));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", env.get("PT_DB_PASSWORD"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
