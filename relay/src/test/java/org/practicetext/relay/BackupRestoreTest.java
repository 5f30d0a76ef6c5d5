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
import java.util.concurrent.TimeUnit;
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
 * <p>H2: the backup is H2's {@code Backup} tool on the stopped relay's folder (an H2 file is open
 * in one process only). PostgreSQL: {@code pg_dump -Fc} while the relay runs, {@code pg_restore
 * --clean} after it stopped, as the guide says.
 */
class BackupRestoreTest {
    static final String PATIENT = "+15557650166";

    @TempDir
    Path dir;

    @Test
    void aRestoredDatabaseServesTheBackupUnderANewFeedId() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve(TestStore.current() == TestStore.POSTGRES ? "relay.dump" : "relay-backup.zip");
        RelayFixture relay = new RelayFixture(data);
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), "before the backup"))
                .statusCode()).isEqualTo(200);
        relay.awaitEntity(token, "message", m -> m.get("body").asText().equals("before the backup"));
        String feedAtBackup = feedId(relay, token);

        if (TestStore.current() == TestStore.POSTGRES) {
            postgres("pg_dump", data, "-Fc", "-f", backup.toString());
        } else {
            relay.close();
            org.h2.tools.Backup.execute(backup.toString(), data.toString(), "practicetext", true);
            relay = new RelayFixture(data);
            token = relay.signIn(practice, "staff");
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
            assertThat(relay.entities(restoredToken, "message").values()).extracting(m -> m.get("body").asText())
                    .containsExactly("before the backup");
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
