// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.DemoDesk;

/** The composer's attached files: chips, the relay's limits told before sending, the counter, files-only messages, who may attach. */
class ComposerAttachmentsTest {
    @TempDir
    Path temp;
    private DemoDesk desk;

    /** A composer open on Anna Smith's thread, for {@code user}. */
    private ComposerViewModel composerAs(String user) {
        desk = DemoDesk.as(user);
        ComposerViewModel composer = new ComposerViewModel(desk.session);
        composer.showConversation(row("Anna Smith"), null);
        return composer;
    }

    @AfterEach
    void closeTheDesk() throws Exception {
        desk.close();
    }

    private ConversationRow row(String name) {
        return desk.conversationNamed(name);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private static List<String> names(ComposerViewModel composer) {
        return composer.attachments().files().stream().map(AttachedFile::name).toList();
    }

    @Test
    void attachedFilesShowAsChipsInOrderAndCanBeRemoved() throws IOException {
        ComposerViewModel composer = composerAs("jordan");
        composer.attachments().attach(List.of(file("referral.pdf", "%PDF-1.4 a referral"), file("x-ray.png", "not really a png")));
        assertThat(names(composer)).containsExactly("referral.pdf", "x-ray.png");
        assertThat(composer.attachments().files().getFirst().detail()).isEqualTo("PDF · 19 bytes");

        composer.attachments().remove(composer.attachments().files().getFirst());

        assertThat(names(composer)).containsExactly("x-ray.png");
    }

    @Test
    void aFileOverTwentyMegabytesIsNotAttachedAndTheComposerSaysWhy() throws IOException {
        ComposerViewModel composer = composerAs("jordan");
        Path big = temp.resolve("scan.pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(21L * 1024 * 1024);
        }
        composer.attachments().attach(List.of(big, file("ok.pdf", "%PDF-1.4")));
        assertThat(names(composer)).as("the file that fits is attached all the same").containsExactly("ok.pdf");
        assertThat(composer.attachments().problemProperty().get()).isEqualTo("scan.pdf is 21 MB; a file can be at most 20 MB.");
    }

    @Test
    void aTypeTheRelayDoesNotSendIsRefusedWithWhatItSends() throws IOException {
        ComposerViewModel composer = composerAs("jordan");
        composer.attachments().attach(List.of(file("setup.exe", "MZ")));
        assertThat(composer.attachments().files()).isEmpty();
        assertThat(composer.attachments().problemProperty().get()).startsWith("setup.exe can't be sent. PracticeText sends photos (JPEG, PNG");
    }

    @Test
    void atMostTenFilesAreAttached() throws IOException {
        ComposerViewModel composer = composerAs("jordan");
        List<Path> files = IntStream.rangeClosed(1, 11).mapToObj(i -> {
            try {
                return file("page-" + i + ".pdf", "%PDF-1.4");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        composer.attachments().attach(files);
        assertThat(composer.attachments().files()).hasSize(10);
        assertThat(composer.attachments().problemProperty().get()).isEqualTo("A message can carry at most 10 files: page-11.pdf was not attached.");
    }

    @Test
    void filesAloneMayBeSentAndTheChipsClearOnceQueued() throws IOException {
        ComposerViewModel composer = composerAs("jordan");
        assertThat(composer.canSendProperty().get()).isFalse();
        composer.attachments().attach(List.of(file("form.pdf", "%PDF-1.4 form")));
        assertThat(composer.canSendProperty().get()).as("no text, one file").isTrue();

        composer.send();

        assertThat(composer.attachments().files()).isEmpty();
        MessageRow queued = desk.client.messages().messages(row("Anna Smith").id(), null, 50).messages().getLast();
        assertThat(queued.local()).isTrue();
        assertThat(queued.body()).isEmpty();
        assertThat(queued.media()).singleElement().satisfies(m -> assertThat(m.fileName()).isEqualTo("form.pdf"));
    }

    @Test
    void filesAttachedForOnePatientAreDroppedWhenAnotherThreadOpens() throws IOException {
        ComposerViewModel composer = composerAs("jordan");
        composer.attachments().attach(List.of(file("anna-results.pdf", "%PDF-1.4")));
        composer.showConversation(row("Robert Chen"), null);
        assertThat(composer.attachments().files()).isEmpty();
    }

    @Test
    void theCounterSaysMmsForPhotosAndSecureLinkForDocuments() throws IOException {
        ComposerViewModel composer = composerAs("jordan");
        composer.textProperty().set("Your x-ray");
        composer.attachments().attach(List.of(file("x-ray.png", "png"), file("x-ray-2.jpg", "jpg")));
        assertThat(composer.counterProperty().get()).isEqualTo("10 characters · MMS · 2 photos");
        composer.attachments().attach(List.of(file("report.pdf", "%PDF-1.4")));
        assertThat(composer.counterProperty().get()).isEqualTo("10 characters · MMS · 2 photos + secure link");
        composer.attachments().files().stream().filter(AttachedFile::inMms).toList().forEach(composer.attachments()::remove);
        assertThat(composer.counterProperty().get()).isEqualTo("10 characters + secure link · 1 text");
    }

    @Test
    void aPastedScreenshotBecomesAPngPhoto() {
        ComposerViewModel composer = composerAs("jordan");
        composer.attachments().attachPasted(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(composer.attachments().files()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("pasted-image.png");
            assertThat(f.file().contentType()).isEqualTo("image/png");
            assertThat(f.inMms()).isTrue();
        });
    }

    @Test
    void aRoleThatCannotSendCannotAttach() throws IOException {
        ComposerViewModel composer = composerAs("sam");
        assertThat(composer.attachments().availableProperty().get()).isFalse();
        composer.attachments().attach(List.of(file("form.pdf", "%PDF-1.4")));
        composer.attachments().attachPasted(new byte[] {1});
        assertThat(composer.attachments().files()).isEmpty();
    }
}
