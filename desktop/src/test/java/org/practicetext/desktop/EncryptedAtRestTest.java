// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.h2.tools.ChangeFileEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.auth.FileTokenStore;
import org.practicetext.desktop.auth.StoredToken;
import org.practicetext.desktop.cache.CacheEncryption;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.secrets.AccountKey;
import org.practicetext.desktop.secrets.FileCipher;
import org.practicetext.desktop.secrets.FileSecretStore;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.relay.RelayFixture;

/**
 * ADR 0026 on real files: a real relay, real H2 caches in a temporary data folder, the secrets in
 * the named fallback store ({@code PT_SECRET_STORE=file}, as every test runs).
 */
class EncryptedAtRestTest {
    private static final String BODY = "Zebra-4711 my crown fell out";
    private static final String REPLY = "Quokka-5150 come in at ten";
    private static final String DRAFT = "Okapi-2468 a draft half written";
    private static final byte[] FILE = "%PDF-1.4 Narwhal-9753 referral letter".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    private Path folder() {
        return DataFolders.cacheFolder(bench.dataRoot, bench.account("staff"));
    }

    private Path secrets() {
        return DataFolders.secretsFolder(bench.dataRoot);
    }

    /** Signs in, receives {@link #BODY}, then (offline) queues {@link #REPLY} with {@link #FILE} and saves {@link #DRAFT}; answers the reply's client id. */
    private String deskWithUnsentWork() throws Exception {
        bench.inbound(DeskBench.phone(47), BODY);
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            long conversation = conversation(client);
            bench.stopRelay();
            client.messages().saveDraft("conversation-" + conversation, DRAFT);
            Path file = Files.write(bench.dataRoot.resolveSibling("referral.pdf"), FILE);
            String clientId = client.messages().send(conversation, REPLY, List.of(OutgoingFile.onDisk(file, "application/pdf", FILE.length)));
            Files.delete(file);
            return clientId;
        }
    }

    private static long conversation(DesktopClient client) {
        Await.until("the conversation is cached", () -> !client.conversations().conversations(ConversationFilter.defaults(), 1).isEmpty());
        return client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
    }

    private static void assertUnsentWorkIntact(DesktopClient client, String clientId) {
        long conversation = conversation(client);
        assertThat(client.messages().messages(conversation, null, 10).messages()).extracting(MessageRow::body).contains(BODY, REPLY);
        assertThat(client.messages().outbox()).singleElement().satisfies(item -> assertThat(item.clientId()).isEqualTo(clientId));
        assertThat(client.messages().draft("conversation-" + conversation)).contains(DRAFT);
    }

    @Test
    void noMessageTextPhoneNumberOrFileCanBeReadInTheFilesOnDisk() throws Exception {
        deskWithUnsentWork();

        assertThat(CacheEncryption.encryptedCache(folder())).isTrue();
        List<String> needles = List.of(BODY, REPLY, DRAFT, "Narwhal-9753", DeskBench.phone(47), DeskBench.phone(47).substring(2), "Zebra", "Quokka");
        List<Path> files = allFiles(bench.dataRoot);
        assertThat(files).as("the cache and the outbox copy are there to look into")
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("cache.mv.db"))
                .anySatisfy(f -> assertThat(f.getParent().getFileName().toString()).isEqualTo("outbox"));
        for (Path file : files) {
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String utf16 = new String(Files.readAllBytes(file), StandardCharsets.UTF_16LE);
            for (String needle : needles) {
                assertThat(raw).as(file + " holds no " + needle).doesNotContain(needle);
                assertThat(utf16).as(file + " holds no " + needle + " (UTF-16)").doesNotContain(needle);
            }
        }
    }

    @Test
    void aPlainCacheFromAnEarlierVersionIsConvertedWithEveryMessageDraftAndOutboxItem() throws Exception {
        String clientId = deskWithUnsentWork();
        earlierVersion();
        assertThat(CacheEncryption.plainCache(folder())).isTrue();
        assertThat(new String(Files.readAllBytes(folder().resolve("cache.mv.db")), StandardCharsets.ISO_8859_1))
                .as("a plain cache gives the text away to the same search that finds nothing in an encrypted one").contains(BODY);

        try (DesktopClient client = bench.resume("staff")) {
            assertUnsentWorkIntact(client, clientId);
        }
        assertThat(CacheEncryption.encryptedCache(folder())).isTrue();
        assertThat(folder().resolve("encrypting")).doesNotExist();
        assertThat(folder().resolve("cache.trace.db")).doesNotExist();
        assertThat(new FileTokenStore(secrets()).file(bench.account("staff"))).as("the old token file was moved into the store").doesNotExist();
        assertThat(outboxCopy()).satisfies(copy -> {
            assertThat(FileCipher.isEncrypted(copy)).as("the outbox's plain copy is encrypted at the start").isTrue();
            assertThat(decrypted(copy)).isEqualTo(FILE);
        });

        bench.startRelay();
        try (DesktopClient client = bench.resume("staff")) {
            Await.until("the converted outbox is delivered", () -> client.messages().outbox().isEmpty());
        }
    }

    @Test
    void aConversionCutShortStartsAgainFromThePlainFile() throws Exception {
        String clientId = deskWithUnsentWork();
        earlierVersion();
        // What a crash half way leaves: a partial copy, encrypted under a key that is not kept anywhere.
        Path work = Files.createDirectories(folder().resolve("encrypting"));
        Path plain = folder().resolve("cache.mv.db");
        Files.copy(plain, work.resolve("cache.mv.db"));
        ChangeFileEncryption.execute(work.toString(), "cache", "AES", null, AccountKey.random().cachePassword(), true);
        byte[] half = Files.readAllBytes(work.resolve("cache.mv.db"));
        Files.write(work.resolve("cache.mv.db"), java.util.Arrays.copyOf(half, half.length / 2));

        try (DesktopClient client = bench.resume("staff")) {
            assertUnsentWorkIntact(client, clientId);
        }
        assertThat(CacheEncryption.encryptedCache(folder())).isTrue();
        assertThat(work).doesNotExist();
    }

    @Test
    void aLostKeyIsRecoveredAtTheNextSignInWithThePasswordAndNothingIsLost() throws Exception {
        String clientId = deskWithUnsentWork();
        loseTheKey();

        assertThat(DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC())).as("nothing opens the cache without a sign-in").isEmpty();
        bench.startRelay();
        try (DesktopClient client = bench.signIn("staff")) {
            assertThat(client.session().takeWorkstationNotices()).containsExactly(DeskSecrets.RECOVERED);
            assertThat(client.session().takeWorkstationNotices()).as("said once").isEmpty();
            long conversation = conversation(client);
            assertThat(client.messages().draft("conversation-" + conversation)).contains(DRAFT);
            Await.until("the recovered outbox item is delivered", () -> client.messages().outbox().isEmpty()
                    && client.messages().messages(conversation, null, 10).messages().stream().anyMatch(m -> clientId.equals(m.clientId()) && !m.local()));
        }
        assertThat(DeskSecrets.of(bench.dataRoot).keys().stored(bench.account("staff").key())).as("kept again").isPresent();
        try (DesktopClient client = bench.resume("staff")) {
            assertThat(client.session().takeWorkstationNotices()).isEmpty();
        }
    }

    @Test
    void aLostKeyWithAPasswordChangedElsewhereRebuildsFromTheRelayKeepsTheFilesAsideAndSaysWhatWasLost() throws Exception {
        deskWithUnsentWork();
        bench.startRelay();
        Path elsewhere = bench.dataRoot.resolveSibling("other-workstation");
        String changed = "a brand new passphrase 42";
        try (DesktopClient other = DesktopClients.signIn(bench.account("staff"), RelayFixture.PASSWORD.toCharArray(), elsewhere, Clock.systemUTC(),
                bench.options(1000))) {
            other.session().changePassword(RelayFixture.PASSWORD.toCharArray(), changed.toCharArray());
        }
        loseTheKey();

        try (DesktopClient client = DesktopClients.signIn(bench.account("staff"), changed.toCharArray(), bench.dataRoot, Clock.systemUTC(),
                bench.options(1000))) {
            List<String> notices = client.session().takeWorkstationNotices();
            assertThat(notices).singleElement().asString().contains("could not be recovered").contains("unreadable-");
            long conversation = conversation(client);
            Await.until("the relay's messages are fetched again",
                    () -> client.messages().messages(conversation, null, 10).messages().stream().anyMatch(m -> BODY.equals(m.body())));
            assertThat(client.messages().outbox()).isEmpty();
        }
        try (Stream<Path> aside = Files.list(folder())) {
            Path kept = aside.filter(p -> p.getFileName().toString().startsWith("unreadable-")).findFirst().orElseThrow();
            assertThat(kept.resolve("cache.mv.db")).as("the unreadable cache is kept, not deleted").exists();
            assertThat(kept.resolve("outbox")).isDirectory();
        }
        try (DesktopClient again = DesktopClients.signIn(bench.account("staff"), changed.toCharArray(), bench.dataRoot, Clock.systemUTC(),
                bench.options(1000))) {
            assertThat(again.session().takeWorkstationNotices()).as("the new key was wrapped with the new password").isEmpty();
        }
    }

    @Test
    void theTokenLivesInTheSecretStoreAndAnOldTokenFileIsMovedIntoItOnce() throws Exception {
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
        }
        Path legacy = new FileTokenStore(secrets()).file(bench.account("staff"));
        Path stored = new FileSecretStore(secrets()).file(bench.account("staff").key() + ".token");
        assertThat(legacy).doesNotExist();
        assertThat(stored).exists();

        StoredToken token = DesktopClients.tokens(bench.dataRoot).load(bench.account("staff")).orElseThrow();
        Files.delete(stored);
        new FileTokenStore(secrets()).save(bench.account("staff"), token);

        try (DesktopClient client = bench.resume("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
        }
        assertThat(legacy).doesNotExist();
        assertThat(stored).exists();
    }

    @Test
    void signingOutWithTheCopyRemovedDeletesEverythingOfThatAccountAndNothingOfAnother() throws Exception {
        bench.inbound(DeskBench.phone(48), BODY);
        try (DesktopClient admin = bench.signIn("admin")) {
            DeskBench.awaitState(admin, Kind.ONLINE);
        }
        try (DesktopClient client = bench.signIn("staff")) {
            long conversation = conversation(client);
            bench.stopRelay();
            client.messages().send(conversation, REPLY);
            client.messages().send(conversation, REPLY + " again");
            assertThat(client.session().signOutChoice().unsent()).isEqualTo(2);
            assertThat(client.session().signOutChoice().unsentWarning()).isEqualTo("2 messages or changes not sent yet will be lost.");
            assertThat(client.session().signOutChoice().removalRequired()).isFalse();
            client.session().signOut(true);
        }
        String staff = bench.account("staff").key();
        assertThat(folder()).doesNotExist();
        try (Stream<Path> left = Files.list(secrets())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(staff));
        }
        assertThat(DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC())).isEmpty();

        String admin = bench.account("admin").key();
        assertThat(DataFolders.cacheFolder(bench.dataRoot, bench.account("admin")).resolve("cache.mv.db")).exists();
        try (Stream<Path> left = Files.list(secrets())) {
            assertThat(left.map(p -> p.getFileName().toString())).contains(admin + ".token.secret", admin + ".cache-key.secret", admin + ".wrapped-key");
        }
        try (DesktopClient other = bench.resume("admin")) {
            assertThat(conversation(other)).isPositive();
        }
    }

    @Test
    void thePracticesRuleRemovesTheCopyOnEverySignOut() throws Exception {
        bench.inbound(DeskBench.phone(50), BODY);
        try (DesktopClient admin = bench.signIn("admin")) {
            DeskBench.awaitState(admin, Kind.ONLINE);
            admin.requests().updateSettings(new org.practicetext.protocol.PracticeSettingsUpdate(null, null, null, null, null, null, null, null,
                    new org.practicetext.protocol.PracticeSettingsView.Privacy(10, false, org.practicetext.core.HiddenPreviews.NAMES, true)));
        }
        try (DesktopClient client = bench.signIn("staff")) {
            conversation(client);
            Await.until("the practice's rule is cached on the desk", () -> client.session().signOutChoice().removalRequired());
            client.session().signOut(); // whichever way the desk signs out
        }
        assertThat(folder()).doesNotExist();
        assertThat(DeskSecrets.of(bench.dataRoot).keys().stored(bench.account("staff").key())).isEmpty();
        assertThat(DataFolders.cacheFolder(bench.dataRoot, bench.account("admin")).resolve("cache.mv.db")).as("another account's copy stays").exists();
    }

    @Test
    void signingOutWithoutRemovalKeepsTheCopyForTheNextSignIn() throws Exception {
        bench.inbound(DeskBench.phone(49), BODY);
        try (DesktopClient client = bench.signIn("staff")) {
            conversation(client);
            client.session().signOut(false);
        }
        assertThat(folder().resolve("cache.mv.db")).exists();
        assertThat(DeskSecrets.of(bench.dataRoot).keys().stored(bench.account("staff").key())).isPresent();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Turns the desk's files into what the version before ADR 0026 left: a plain cache and outbox copies, a token file, no key. */
    private void earlierVersion() throws Exception {
        String name = bench.account("staff").key();
        AccountKey key = DeskSecrets.of(bench.dataRoot).keys().stored(name).orElseThrow();
        ChangeFileEncryption.execute(folder().toString(), "cache", "AES", key.cachePassword(), null, true);
        Path copy = outboxCopy();
        Files.write(copy, decrypted(copy));
        StoredToken token = DesktopClients.tokens(bench.dataRoot).load(bench.account("staff")).orElseThrow();
        FileSecretStore store = new FileSecretStore(secrets());
        store.delete(name + ".token");
        new FileTokenStore(secrets()).save(bench.account("staff"), token);
        DeskSecrets.of(bench.dataRoot).keys().forget(name);
    }

    /** What a new Windows profile or a reset keychain does: the store forgets the key; the wrapped copy beside the token stays. */
    private void loseTheKey() {
        new FileSecretStore(secrets()).delete(bench.account("staff").key() + ".cache-key");
    }

    private Path outboxCopy() throws IOException {
        try (Stream<Path> copies = Files.list(folder().resolve("outbox"))) {
            return copies.findFirst().orElseThrow();
        }
    }

    private byte[] decrypted(Path copy) throws IOException {
        Optional<AccountKey> key = DeskSecrets.of(bench.dataRoot).keys().stored(bench.account("staff").key());
        try (InputStream in = (key.isPresent() ? key.get().files() : FileCipher.NONE).open(copy)) {
            return in.readAllBytes();
        }
    }

    private static List<Path> allFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        return files;
    }
}
