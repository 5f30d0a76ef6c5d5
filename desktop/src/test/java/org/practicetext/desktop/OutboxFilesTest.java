// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.desktop.sync.OutgoingFile;
import org.practicetext.protocol.EventTypes;

/**
 * Messages with files through the outbox against a real relay: the files are kept on disk until
 * sent (offline, over a restart), uploaded once, uploaded again when the relay lost them, and a
 * file the relay refuses says so on the outbox item.
 */
class OutboxFilesTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @Test
    void aMessageWithADocumentQueuedOfflineSurvivesARestartAndGoesOutBehindASecureLink() throws Exception {
        bench.inbound(DeskBench.phone(11), "Can you send me the intake form?");
        Path form = write("intake-form.pdf", PDF);
        String clientId;
        long conversation;
        try (DesktopClient client = bench.signIn("staff")) {
            conversation = onlineWith(client);
            bench.stopRelay();

            clientId = client.messages().send(conversation, "Here is the form", List.of(OutgoingFile.onDisk(form, "application/pdf", PDF.length)));
            Files.delete(form); // the outbox has its own copy

            MessageRow local = client.messages().messages(conversation, null, 10).messages().getLast();
            assertThat(local.status()).isEqualTo("sending");
            assertThat(local.media()).singleElement().satisfies(m -> {
                assertThat(m.fileName()).isEqualTo("intake-form.pdf");
                assertThat(m.size()).isEqualTo(PDF.length);
            });
            assertThat(copies()).singleElement().satisfies(copy -> {
                assertThat(Files.readAllBytes(copy)).as("kept encrypted (ADR 0026)").isNotEqualTo(PDF);
                assertThat(decrypted(copy)).isEqualTo(PDF);
                if (copy.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent()))).isEqualTo("rwx------");
                }
            });
        }
        try (DesktopClient client = bench.resume("staff")) {
            bench.startRelay();
            Await.until("the outbox is empty", () -> client.messages().outbox().isEmpty());
        }
        JsonNode sent = relayMessage(clientId);
        assertThat(sent.path("body").asText()).startsWith("Here is the form\n").contains("/l/");
        assertThat(sent.path("media")).singleElement().satisfies(m -> {
            assertThat(m.path("delivery").asText()).isEqualTo("link");
            assertThat(m.path("fileName").asText()).isEqualTo("intake-form.pdf");
        });
        assertThat(copies()).as("the outbox's copy is deleted once sent").isEmpty();
    }

    @Test
    void aFileIsUploadedOnceEvenWhenTheMessageIsSentAgain() throws Exception {
        bench.inbound(DeskBench.phone(12), "Hi");
        try (DesktopClient client = bench.signIn("staff")) {
            OutboxItem failed = refusedAfterUploading(client, 12, "");

            bench.inbound(DeskBench.phone(12), "START");
            client.messages().retry(failed.id());
            Await.until("the outbox is empty", () -> client.messages().outbox().isEmpty());

            assertThat(uploads()).as("the retry sent the upload id it had").isEqualTo(1);
            assertThat(relayMessage(failed.clientId()).path("media")).singleElement()
                    .satisfies(m -> assertThat(m.path("delivery").asText()).isEqualTo("mms"));
        }
    }

    @Test
    void filesTheRelayNoLongerHasAreUploadedAgain() throws Exception {
        bench.inbound(DeskBench.phone(13), "Hi");
        try (DesktopClient client = bench.signIn("staff")) {
            OutboxItem failed = refusedAfterUploading(client, 13, "Your x-ray");
            // A day later the relay has deleted the unused upload.
            bench.relay.server.database().inTransaction(tx -> tx.update("DELETE FROM upload"));
            bench.inbound(DeskBench.phone(13), "START");

            client.messages().retry(failed.id());
            Await.until("the outbox is empty", () -> client.messages().outbox().isEmpty());

            assertThat(uploads()).as("uploaded again").isEqualTo(1);
            assertThat(relayMessage(failed.clientId()).path("media")).hasSize(1);
        }
    }

    @Test
    void aFileTheRelayRefusesFailsTheMessageWithTheFilesNameAndDiscardingDeletesTheCopy() throws Exception {
        bench.inbound(DeskBench.phone(14), "Hi");
        try (DesktopClient client = bench.signIn("staff")) {
            long conversation = onlineWith(client);
            byte[] png = png();
            Path notAPdf = write("scan.pdf", png);
            client.messages().send(conversation, "The scan", List.of(OutgoingFile.onDisk(notAPdf, "application/pdf", png.length)));

            OutboxItem failed = awaitFailed(client);
            assertThat(failed.errorMessage()).startsWith("scan.pdf: The file is not a application/pdf");
            MessageRow bubble = client.messages().messages(conversation, null, 10).messages().getLast();
            assertThat(bubble.failed()).isTrue();
            assertThat(bubble.errorMessage()).isEqualTo(failed.errorMessage());
            assertThat(copies()).hasSize(1);

            client.messages().discard(failed.id());
            assertThat(copies()).isEmpty();
            assertThat(client.messages().messages(conversation, null, 10).messages()).extracting(MessageRow::body).containsExactly("Hi");
        }
    }

    /** A patient texted; the desk is online and has their conversation. */
    private long onlineWith(DesktopClient client) {
        DeskBench.awaitState(client, Kind.ONLINE);
        return client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
    }

    /** The patient opted out: the photo is uploaded, the message refused (409) and kept as failed with its upload id. */
    private OutboxItem refusedAfterUploading(DesktopClient client, int patient, String body) throws IOException {
        long conversation = onlineWith(client);
        bench.inbound(DeskBench.phone(patient), "STOP");
        client.messages().send(conversation, body, List.of(photo("x-ray.png")));
        OutboxItem failed = awaitFailed(client);
        assertThat(failed.errorCode()).isEqualTo("opted_out");
        assertThat(uploads()).as("the photo reached the relay before the message was refused").isEqualTo(1);
        return failed;
    }

    private OutboxItem awaitFailed(DesktopClient client) {
        Await.until("the item failed", () -> client.messages().outbox().stream().anyMatch(i -> i.state().equals("failed")));
        return client.messages().outbox().getFirst();
    }

    private long uploads() {
        return bench.relay.server.database().read(tx -> tx.queryOne("SELECT COUNT(*) FROM upload", rs -> rs.getLong(1))).orElseThrow();
    }

    private JsonNode relayMessage(String clientId) {
        return bench.relayEntities(EventTypes.MESSAGE).values().stream().filter(m -> clientId.equals(m.path("clientId").asText(null)))
                .findFirst().orElseThrow();
    }

    private byte[] decrypted(Path copy) throws IOException {
        org.practicetext.desktop.secrets.AccountKey key = DeskSecrets.of(bench.dataRoot).keys().stored(bench.account("staff").key()).orElseThrow();
        try (java.io.InputStream in = key.files().open(copy)) {
            return in.readAllBytes();
        }
    }

    private List<Path> copies() throws IOException {
        Path folder = DataFolders.cacheFolder(bench.dataRoot, bench.account("staff")).resolve("outbox");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(temp.resolve(name), content);
    }

    private OutgoingFile photo(String name) throws IOException {
        byte[] png = png();
        return OutgoingFile.onDisk(write(name, png), "image/png", png.length);
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff3366);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
