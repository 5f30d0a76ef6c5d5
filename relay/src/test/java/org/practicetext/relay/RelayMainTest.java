// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.auth.Tokens;
import org.practicetext.relay.store.Database;

class RelayMainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = RelayMain.run(args, TestStore.current().environment(dir),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void setsUpAPracticeNumberUserAndApiKey() throws Exception {
        assertThat(run("", "practice", "create", "--slug", "smile", "--name", "Smile Dental", "--region", "US", "--timezone", "America/Denver").code())
                .isZero();
        Run number = run("", "number", "add", "--practice", "smile", "--number", "+15551230000", "--inbox", "Billing");
        Run user = run("a long enough password\n", "user", "create", "--practice", "smile", "--username", "dana", "--name", "Dana Fox",
                "--role", "staff", "--password-stdin");
        Run key = run("", "apikey", "create", "--practice", "smile", "--name", "Reminders");

        assertThat(number.code()).as(number.err()).isZero();
        assertThat(user.code()).as(user.err()).isZero();
        assertThat(key.code()).as(key.err()).isZero();
        String[] lines = key.out().strip().split("\n");
        String printedKey = lines[lines.length - 1].strip();
        assertThat(printedKey).startsWith("ptk_");
        try (Database db = TestStore.current().open(dir)) {
            Optional<String> keyName = db.read(tx -> tx.queryOne("SELECT name FROM api_key WHERE key_hash = ?", rs -> rs.getString(1),
                    Tokens.hash(printedKey)));
            Optional<String> inbox = db.read(tx -> tx.queryOne(
                    "SELECT i.name FROM practice_number n JOIN inbox i ON i.id = n.inbox_id WHERE n.phone = ?", rs -> rs.getString(1), "+15551230000"));
            Optional<String> name = db.read(tx -> tx.queryOne("SELECT display_name FROM app_user WHERE username = ?", rs -> rs.getString(1), "dana"));
            assertThat(keyName).hasValue("Reminders");
            assertThat(inbox).hasValue("Billing");
            assertThat(name).hasValue("Dana Fox");
        }
    }

    @Test
    void mistakesAreReportedWithANonZeroExit() throws Exception {
        run("", "practice", "create", "--slug", "smile", "--name", "Smile Dental");

        Run duplicate = run("", "practice", "create", "--slug", "smile", "--name", "Again");
        Run badNumber = run("", "number", "add", "--practice", "smile", "--number", "555-1234");
        Run shortPassword = run("short\n", "user", "create", "--practice", "smile", "--username", "x1", "--name", "X", "--role", "staff",
                "--password-stdin");
        Run noPractice = run("", "apikey", "create", "--practice", "nope", "--name", "Reminders");
        Run unknown = run("", "frobnicate");

        assertThat(duplicate.code()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists");
        assertThat(badNumber.err()).contains("E.164");
        assertThat(shortPassword.err()).contains("at least 10");
        assertThat(noPractice.err()).contains("no practice with the slug nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("usage");
    }

    @Test
    @H2Only("the H2 file is locked by the running relay; PostgreSQL serves both")
    void adminCommandAgainstTheFileOfARunningRelaySaysSoPlainly() throws Exception {
        run("", "practice", "create", "--slug", "smile", "--name", "Smile Dental");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelayMain.class.getName(), "serve").redirectErrorStream(true);
        builder.environment().putAll(Map.of("PT_PORT", "0", "PT_CARRIER", "simulated", "PT_DB_URL", Database.h2Url(dir.toString())));
        Process relay = builder.start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && !line.startsWith("PracticeText relay on port"); ) {
                // wait until the relay holds the file
            }
            Run r = run("", "apikey", "create", "--practice", "smile", "--name", "Reminders");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("stop it first").doesNotContain("Exception");
        } finally {
            relay.destroy();
            relay.waitFor();
        }
    }
}
