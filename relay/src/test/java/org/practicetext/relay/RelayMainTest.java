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
    static final String OPERATOR_TOKEN = "operator-token-for-the-cli-test-0123456789";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String stdin, String... args) throws Exception {
        return run(stdin, Map.of(), args);
    }

    private Run run(String stdin, Map<String, String> extraEnv, String... args) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(TestStore.current().environment(dir));
        env.putAll(extraEnv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = RelayMain.run(args, env,
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

    /**
     * The real case: a relay process holds the H2 file. A command on the file is refused with the
     * settings that work, and with them every command acts through the running relay, whose
     * desks and senders can use what it made at once (no restart).
     */
    @Test
    @H2Only("the H2 file is locked by the running relay; PostgreSQL serves both")
    void whileARelayHoldsTheH2FileTheCommandsWorkThroughItsOperatorApi() throws Exception {
        run("", "practice", "create", "--slug", "smile", "--name", "Smile Dental");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RelayMain.class.getName(), "serve").redirectErrorStream(true);
        builder.environment().putAll(Map.of("PT_PORT", "0", "PT_HOST", "127.0.0.1", "PT_CARRIER", "simulated",
                "PT_DB_URL", Database.h2Url(dir.toString()), "PT_OPERATOR_TOKEN", OPERATOR_TOKEN));
        Process relay = builder.start();
        // Not closed by this test: the drain below holds the reader until the process ends.
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
        try {
            int port = -1;
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                if (line.startsWith("PracticeText relay on port ")) {
                    port = Integer.parseInt(line.substring("PracticeText relay on port ".length()).split(" ")[0]);
                }
            }
            Thread.ofVirtual().start(() -> out.lines().forEach(line -> { })); // keep the relay's output flowing
            Map<String, String> online = Map.of("PT_ADMIN_URL", "http://127.0.0.1:" + port, "PT_OPERATOR_TOKEN", OPERATOR_TOKEN);

            Run onTheFile = run("", "apikey", "create", "--practice", "smile", "--name", "Reminders");
            Run number = run("", online, "number", "add", "--practice", "smile", "--number", "+15551230000");
            Run user = run("a long enough password\n", online, "user", "create", "--practice", "smile", "--username", "dana", "--name", "Dana Fox",
                    "--role", "staff", "--password-stdin");
            Run key = run("", online, "apikey", "create", "--practice", "smile", "--name", "Reminders");
            Run users = run("", online, "user", "list", "--practice", "smile");
            Run duplicate = run("", online, "practice", "create", "--slug", "smile", "--name", "Again");
            Run wrongToken = run("", Map.of("PT_ADMIN_URL", "http://127.0.0.1:" + port, "PT_OPERATOR_TOKEN", OPERATOR_TOKEN + "-not"),
                    "practice", "list");

            assertThat(onTheFile.code()).isEqualTo(1);
            assertThat(onTheFile.err()).contains("in use by a running relay").contains("PT_ADMIN_URL").contains("PT_OPERATOR_TOKEN")
                    .doesNotContain("Exception");
            assertThat(number.code()).as(number.err()).isZero();
            assertThat(user.code()).as(user.err()).isZero();
            assertThat(key.code()).as(key.err()).isZero();
            assertThat(users.out()).contains("dana\tDana Fox\tstaff\tactive");
            assertThat(duplicate.code()).isEqualTo(1);
            assertThat(duplicate.err()).contains("already exists");
            assertThat(wrongToken.code()).isEqualTo(1);
            assertThat(wrongToken.err()).contains("answered 401: PT_OPERATOR_TOKEN does not match");

            var http = java.net.http.HttpClient.newHttpClient();
            var signIn = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"practice\":\"smile\",\"username\":\"dana\",\"password\":\"a long enough password\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String[] lines = key.out().strip().split("\n");
            var campaign = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/campaign-messages"))
                    .header("Content-Type", "application/json").header("X-Api-Key", lines[lines.length - 1].strip())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\":\"+15554441212\",\"body\":\"Hi\",\"campaign\":\"Recall\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(202);
        } finally {
            relay.destroy();
            relay.waitFor();
        }
    }

    @Test
    void aRelayWithoutAnOperatorApiOrNoRelayAtAllIsNamedPlainly() throws Exception {
        Run noToken = run("", Map.of("PT_ADMIN_URL", "http://127.0.0.1:1"), "practice", "list");
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Run nobody = run("", Map.of("PT_ADMIN_URL", "http://127.0.0.1:" + closedPort, "PT_OPERATOR_TOKEN", OPERATOR_TOKEN), "practice", "list");
        Run notAUrl = run("", Map.of("PT_ADMIN_URL", "relay.example.org", "PT_OPERATOR_TOKEN", OPERATOR_TOKEN), "practice", "list");
        Run off;
        try (RelayFixture relay = new RelayFixture(dir.resolve("relay-without-operator-api"))) {
            off = run("", Map.of("PT_ADMIN_URL", relay.uri(""), "PT_OPERATOR_TOKEN", OPERATOR_TOKEN), "practice", "list");
        }

        assertThat(noToken.code()).isEqualTo(1);
        assertThat(noToken.err()).contains("PT_OPERATOR_TOKEN is not");
        assertThat(nobody.code()).isEqualTo(1);
        assertThat(nobody.err()).contains("Cannot reach the relay at http://127.0.0.1:" + closedPort).contains("refused");
        assertThat(notAUrl.err()).contains("PT_ADMIN_URL must be");
        assertThat(off.code()).isEqualTo(1);
        assertThat(off.err()).contains("answered 404").contains("has no operator API").contains("PT_OPERATOR_TOKEN");
    }

    @Test
    void theListsAndRevocationsWorkOnTheDatabaseToo() throws Exception {
        run("", "practice", "create", "--slug", "smile", "--name", "Smile Dental");
        run("", "number", "add", "--practice", "smile", "--number", "+15551230001");
        Run user = run("", "user", "create", "--practice", "smile", "--username", "kim", "--name", "Kim Lee", "--role", "staff");
        run("", "apikey", "create", "--practice", "smile", "--name", "Reminders");

        Run invited = run("", "user", "list", "--practice", "smile");
        Run practices = run("", "practice", "list");
        Run numbers = run("", "number", "list", "--practice", "smile");
        Run keys = run("", "apikey", "list", "--practice", "smile");
        Run revoke = run("", "apikey", "revoke", "--practice", "smile", "--id", keys.out().split("\t")[0].strip());
        Run removed = run("", "number", "remove", "--practice", "smile", "--number", "+15551230001");
        Run deactivated = run("", "user", "deactivate", "--practice", "smile", "--username", "kim");

        String[] userLines = user.out().strip().split("\n");
        assertThat(userLines[userLines.length - 2]).contains("One-time password");
        assertThat(userLines[userLines.length - 1].strip()).hasSize(19);
        assertThat(practices.out()).contains("smile\tSmile Dental\tUS\tAmerica/New_York\t1 number(s)\t1 active user(s)");
        assertThat(invited.out()).contains("kim\tKim Lee\tstaff\tinvited");
        assertThat(numbers.out()).contains("+15551230001\tFront Desk");
        assertThat(keys.out()).contains("Reminders").doesNotContain("ptk_");
        assertThat(revoke.code()).as(revoke.err()).isZero();
        assertThat(run("", "apikey", "list", "--practice", "smile").out()).contains("revoked");
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(deactivated.code()).as(deactivated.err()).isZero();
        assertThat(run("", "user", "list", "--practice", "smile").out()).contains("kim\tKim Lee\tstaff\tdeactivated");
    }
}
