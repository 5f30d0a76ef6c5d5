// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.NewerCacheException;
import org.practicetext.desktop.sync.ConnectionState.Kind;

/** A cache written by a newer PracticeText: rebuilt from the relay with its outbox kept, or refused untouched when even the outbox is unreadable. */
class NewerSchemaTest {
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    /** Signs in, caches one thread and leaves one unsent message in the outbox; answers its client id. */
    private String cacheWithAnUnsentMessage() throws Exception {
        bench.inbound(DeskBench.phone(1), "Hello");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            long conversation = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
            bench.stopRelay();
            return client.messages().send(conversation, "Written before the upgrade");
        }
    }

    private Flyway newerApp(String location) {
        Path file = DataFolders.cacheFolder(bench.dataRoot, bench.account("staff")).resolve("cache");
        // The cache is encrypted with the account's key (ADR 0026): the newer app opens it so too.
        char[] password = DeskSecrets.of(bench.dataRoot).keys().stored(bench.account("staff").key()).orElseThrow().cachePassword();
        org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource(); // Flyway's own data source trims the password's space
        source.setURL("jdbc:h2:file:" + file + ";CIPHER=AES");
        source.setUser("sa");
        source.setPassword(new String(password) + " ");
        return Flyway.configure().dataSource(source)
                .locations(CacheDatabase.MIGRATIONS, "classpath:desktop/" + location).javaMigrations(CacheDatabase.javaMigrations()).load();
    }

    @Test
    void aCacheFromANewerAppIsRebuiltFromTheRelayAndKeepsItsUnsentMessages() throws Exception {
        String clientId = cacheWithAnUnsentMessage();
        newerApp("newer-app").migrate();

        try (DesktopClient client = bench.resume("staff")) {
            assertThat(client.messages().outbox()).singleElement().satisfies(item -> assertThat(item.clientId()).isEqualTo(clientId));
            assertThat(client.session().me().username()).as("who signed in is carried over too").isEqualTo("staff");

            bench.startRelay();
            Await.until("the cache is refilled and the message delivered", () -> client.messages().outbox().isEmpty()
                    && client.conversations().conversations(ConversationFilter.defaults(), 10).size() == 1
                    && client.messages().messages(client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id(), null, 10).messages().stream()
                    .anyMatch(m -> clientId.equals(m.clientId()) && !m.local()));
        }
        assertThat(newerApp("newer-app").info().current().getVersion()).as("the schema is this app's again").isEqualTo(MigrationVersion.fromVersion("12"));
    }

    @Test
    void aCacheWhoseOutboxThisVersionCannotReadIsRefusedWithAClearMessageAndLeftAsItWas() throws Exception {
        cacheWithAnUnsentMessage();
        newerApp("newer-app-outbox").migrate();

        assertThatThrownBy(() -> DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC()))
                .isInstanceOf(NewerCacheException.class)
                .hasMessageContaining("newer version of PracticeText")
                .hasMessageContaining("Install the newer version");
        assertThat(newerApp("newer-app-outbox").info().current().getVersion()).isEqualTo(MigrationVersion.fromVersion("99"));
    }
}
