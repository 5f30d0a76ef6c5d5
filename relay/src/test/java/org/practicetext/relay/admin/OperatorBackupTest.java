// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.H2Only;
import org.practicetext.relay.PostgresOnly;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * {@code POST /admin/v1/backups} and {@code GET /admin/v1/backups} on a real relay: on H2 a
 * complete, owner-only backup written while the relay serves, that H2's {@code Restore} turns
 * back into a database holding what was stored; names that would leave the folder or replace a
 * backup refused; on PostgreSQL a refusal that names {@code pg_dump}. (The restore itself, with
 * texts arriving during the backup: {@code BackupRestoreTest}.)
 */
class OperatorBackupTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create().withEnv(Map.of("PT_OPERATOR_TOKEN", OperatorApiTest.TOKEN));
    private static final OperatorClient OPERATOR = new OperatorClient(relay, OperatorApiTest.TOKEN);

    @TempDir
    Path scratch;

    private static Path folder() {
        return relay.dataDir().resolve("backups");
    }

    @Test
    @H2Only("BACKUP TO is H2's; PostgreSQL is backed up with pg_dump")
    void aBackupIsWrittenWhileTheRelayServesAndRestoresToWhatWasStored() throws Exception {
        TestPractice practice = relay.newPractice();
        String token = relay.signIn(practice, "staff");
        String sid = RelayFixture.newSid();
        assertThat(relay.webhook("/twilio/sms", RelayFixture.inbound(sid, "+15557650177", practice.number(), "in the backup")).statusCode())
                .isEqualTo(200);
        relay.awaitEntity(token, "message", m -> m.get("body").asText().equals("in the backup"));

        HttpResponse<String> made = OPERATOR.call("POST", "/admin/v1/backups", null);
        HttpResponse<String> named = OPERATOR.call("POST", "/admin/v1/backups", Map.of("name", "before-upgrade-" + sid + ".zip"));

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode backup = relay.read(made);
        assertThat(backup.get("name").asText()).matches("practicetext-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z\\.zip");
        Path file = Path.of(backup.get("path").asText());
        assertThat(file.getParent()).isEqualTo(folder().toAbsolutePath().normalize());
        assertThat(backup.get("bytes").asLong()).isEqualTo(Files.size(file)).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(relay.read(named).get("name").asText()).isEqualTo("before-upgrade-" + sid + ".zip");
        try (Stream<Path> files = Files.list(folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        List<String> listed = relay.read(OPERATOR.call("GET", "/admin/v1/backups", null)).findValuesAsText("name");
        assertThat(listed).contains(backup.get("name").asText(), "before-upgrade-" + sid + ".zip");

        Path restored = scratch.resolve("restored");
        org.h2.tools.Restore.execute(file.toString(), restored.toString(), "practicetext");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + restored.resolve("practicetext") + ";IFEXISTS=TRUE", "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM message WHERE body = 'in the backup'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the restored database holds the text stored before the backup").isEqualTo(1);
        }
    }

    @Test
    @H2Only("BACKUP TO is H2's; PostgreSQL is backed up with pg_dump")
    void aNameThatLeavesTheFolderOrReplacesABackupIsRefusedAndWritesNothing() throws Exception {
        String name = "mine-" + System.nanoTime() + ".zip";
        assertThat(OPERATOR.call("POST", "/admin/v1/backups", Map.of("name", name)).statusCode()).isEqualTo(201);
        long before = Files.size(folder().resolve(name));

        HttpResponse<String> again = OPERATOR.call("POST", "/admin/v1/backups", Map.of("name", name));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(relay.read(again).get("error").get("message").asText()).contains("exists already");
        assertThat(Files.size(folder().resolve(name))).isEqualTo(before);

        for (String bad : List.of("../escape.zip", "/tmp/elsewhere.zip", "sub/dir.zip", "no-suffix", "a b.zip", ".hidden.zip", "x..zip",
                "x".repeat(200) + ".zip", "é.zip")) {
            HttpResponse<String> refused = OPERATOR.call("POST", "/admin/v1/backups", Map.of("name", bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(relay.read(refused).get("error").get("message").asText()).as(bad).contains("ending in .zip");
        }
        HttpResponse<String> wrongType = OPERATOR.call("POST", "/admin/v1/backups", Map.of("name", List.of("x.zip")));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(Files.exists(relay.dataDir().resolve("escape.zip"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/elsewhere.zip"))).isFalse();
    }

    @Test
    @PostgresOnly("on PostgreSQL the relay refuses its own backup and names pg_dump")
    void onPostgresTheRelayNamesPgDump() {
        HttpResponse<String> create = OPERATOR.call("POST", "/admin/v1/backups", null);
        HttpResponse<String> list = OPERATOR.call("GET", "/admin/v1/backups", null);

        for (HttpResponse<String> r : List.of(create, list)) {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(relay.read(r).get("error").get("code").asText()).isEqualTo("use_pg_dump");
            assertThat(relay.read(r).get("error").get("message").asText()).contains("pg_dump");
        }
        assertThat(Files.exists(folder())).isFalse();
    }

    @Test
    @H2Only("the CLI's backup on the database itself is H2's BACKUP TO too")
    void theCliBacksUpOnlineThroughTheRelayAndNamesWhereTheFileIs() {
        Map<String, String> env = new HashMap<>();
        env.put("PT_ADMIN_URL", relay.uri(""));
        env.put("PT_OPERATOR_TOKEN", OperatorApiTest.TOKEN);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String name = "cli-" + System.nanoTime() + ".zip";
        int code = new AdminCommands(env, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
                    throw new AssertionError("with PT_ADMIN_URL the CLI never opens the database");
                }).run(new String[] {"backup", "create", "--name", name});
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote the backup " + folder().toAbsolutePath().normalize().resolve(name));
        assertThat(folder().resolve(name)).exists();
    }
}
