// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.MediaState;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.AttachmentDesk;
import org.practicetext.protocol.MediaItem;

/** The viewer: the file fetched (or why not), the zoom's rules, "Save as…" and the copy that leaves PracticeText. */
class AttachmentViewerViewModelTest {
    @TempDir
    Path temp;
    AttachmentDesk desk;
    final List<URI> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        desk = new AttachmentDesk(temp);
    }

    private AttachmentViewerViewModel viewer(String fileName, String type) {
        MessageRow row = AttachmentsViewModelTest.message(51, "", new MediaItem(AttachmentsViewModelTest.TWILIO, type, MediaState.READY, fileName,
                6L, 2000, 1000, true, null, null, null, null));
        return new AttachmentViewerViewModel(desk.session, opened::add, row, 0);
    }

    @Test
    void theFileIsFetchedAndAFailureSaysWhyUntilTryAgainWorks() {
        AttachmentViewerViewModel viewer = viewer("card.png", "image/png");
        desk.attachments.online = false;

        viewer.load();

        assertThat(viewer.stateProperty().get()).isEqualTo(AttachmentViewerViewModel.State.FAILED);
        assertThat(viewer.statusProperty().get()).startsWith("Couldn't download this photo: The relay at 127.0.0.1 cannot be reached");
        desk.attachments.online = true;
        viewer.load();
        assertThat(viewer.stateProperty().get()).isEqualTo(AttachmentViewerViewModel.State.READY);
        assertThat(viewer.fileProperty().get()).hasBinaryContent(AttachmentDesk.FakeAttachments.FILE);
    }

    @Test
    void saveAsOffersTheFilesOwnNameOrAPhotoOfThatDay() {
        assertThat(viewer("card.png", "image/png").suggestedFileName()).isEqualTo("card.png");
        assertThat(viewer("../../etc/passwd", "image/png").suggestedFileName()).as("no folder part").isEqualTo("passwd");
        assertThat(viewer(null, "image/jpeg").suggestedFileName()).isEqualTo("photo-2026-11-02.jpg");
        assertThat(viewer("  ", "application/pdf").suggestedFileName()).isEqualTo("file-2026-11-02.pdf");
        assertThat(viewer(null, "image/jpeg").title()).isEqualTo("Photo from Nov 2");
    }

    @Test
    void saveAsCopiesTheFileWhereThePersonChose() {
        AttachmentViewerViewModel viewer = viewer("card.png", "image/png");
        viewer.load();
        Path target = temp.resolve("saved").resolve("insurance.png");
        target.getParent().toFile().mkdirs();

        viewer.saveTo(target);

        assertThat(target).hasBinaryContent(AttachmentDesk.FakeAttachments.FILE);
        assertThat(viewer.statusProperty().get()).isEqualTo("Saved as insurance.png");
    }

    @Test
    void openingOutsideHandsTheSystemAnOwnerOnlyCopyUnderTheFilesName() throws Exception {
        AttachmentViewerViewModel viewer = viewer("card.png", "image/png");
        viewer.load();

        viewer.openOutside();

        assertThat(opened).hasSize(1);
        Path copy = Path.of(opened.getFirst());
        assertThat(copy.getFileName()).hasToString("card.png");
        assertThat(copy).hasBinaryContent(AttachmentDesk.FakeAttachments.FILE);
        assertThat(copy).isNotEqualTo(viewer.fileProperty().get());
        assumeTrue(copy.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void thePhotoFitsTheWindowUntilThePersonZoomsAndZeroFitsItAgain() {
        AttachmentViewerViewModel viewer = viewer("card.png", "image/png");
        viewer.viewport(1000, 800, 2000, 1000);
        assertThat(viewer.scaleProperty().get()).isEqualTo(0.5);
        assertThat(viewer.zoomText()).isEqualTo("50%");

        viewer.zoomIn();
        assertThat(viewer.scaleProperty().get()).isEqualTo(0.625);
        viewer.viewport(500, 400, 2000, 1000);
        assertThat(viewer.scaleProperty().get()).as("a zoomed photo stays zoomed when the window changes").isEqualTo(0.625);

        viewer.fit();
        assertThat(viewer.scaleProperty().get()).isEqualTo(0.25);
        viewer.viewport(4000, 4000, 2000, 1000);
        assertThat(viewer.scaleProperty().get()).as("fitting never enlarges past the photo's own size").isEqualTo(1);
    }

    @Test
    void theZoomStopsAtItsLimits() {
        AttachmentViewerViewModel viewer = viewer("card.png", "image/png");
        viewer.viewport(1000, 800, 100, 100);
        for (int i = 0; i < 40; i++) {
            viewer.zoomIn();
        }
        assertThat(viewer.scaleProperty().get()).isEqualTo(AttachmentViewerViewModel.MAX_SCALE);
        for (int i = 0; i < 80; i++) {
            viewer.zoomOut();
        }
        assertThat(viewer.scaleProperty().get()).isEqualTo(AttachmentViewerViewModel.MIN_SCALE);
    }
}
