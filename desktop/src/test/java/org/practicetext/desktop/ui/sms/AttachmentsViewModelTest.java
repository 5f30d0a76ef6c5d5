// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.core.MediaDelivery;
import org.practicetext.core.MediaProblem;
import org.practicetext.core.MediaState;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.AttachmentDesk;
import org.practicetext.protocol.MediaItem;

/** What a bubble shows for each attachment state, and what "Try again" does for each. */
class AttachmentsViewModelTest {
    static final String TWILIO = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME";

    @TempDir
    Path temp;
    AttachmentDesk desk;
    AttachmentsViewModel model;

    @BeforeEach
    void open() {
        desk = new AttachmentDesk(temp);
        model = new AttachmentsViewModel(desk.session);
    }

    static MessageRow message(long id, String body, MediaItem... media) {
        return new MessageRow(id, 5, null, "in", body, "received", null, null, "contact", null, List.of(media),
                Instant.parse("2026-11-02T14:00:00Z"), false, null);
    }

    static MediaItem photo(String name, int width, int height) {
        return new MediaItem(TWILIO + "1", "image/jpeg", MediaState.READY, name, 180_000L, width, height, true, null, null, null, null);
    }

    static MediaItem unavailable(MediaProblem problem) {
        return new MediaItem(TWILIO + "2", "image/jpeg", MediaState.UNAVAILABLE, null, null, null, null, false, problem, null, null, null);
    }

    @Test
    void eachStateShowsWhatTheDeskCanDoWithIt() {
        MessageRow row = message(41, "", MediaItem.arriving(TWILIO + "0", "image/jpeg"), unavailable(MediaProblem.NOT_FOUND),
                photo("card.jpg", 640, 480),
                new MediaItem(TWILIO + "3", "application/pdf", MediaState.READY, "referral.pdf", 1_258_291L, null, null, false, null, null, null, null),
                MediaItem.linked("https://forms.example.org/intake/new-patient.pdf", null));

        List<AttachmentTile> tiles = model.tiles(row);

        assertThat(tiles).extracting(AttachmentTile::kind).containsExactly(AttachmentTile.Kind.PENDING, AttachmentTile.Kind.UNAVAILABLE,
                AttachmentTile.Kind.PHOTO, AttachmentTile.Kind.FILE, AttachmentTile.Kind.LINK);
        assertThat(tiles.get(0).title()).isEqualTo("Downloading photo…");
        assertThat(tiles.get(1).note()).isEqualTo("The carrier never handed over this file.");
        assertThat(tiles.get(1).canRetry()).isTrue();
        assertThat(tiles.get(2).width()).isEqualTo(220);
        assertThat(tiles.get(2).height()).isEqualTo(165);
        assertThat(tiles.get(3).title()).isEqualTo("referral.pdf");
        assertThat(tiles.get(3).detail()).isEqualTo("PDF · 1.2 MB");
        assertThat(tiles.get(4).title()).isEqualTo("forms.example.org · new-patient.pdf");
        assertThat(tiles).extracting(t -> t.key().position()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void anUnavailableFileOfAnUnknownProblemOrStateStillOffersTryAgain() {
        AttachmentTile tile = model.tiles(message(42, "", new MediaItem(TWILIO, "image/png", null, null, null, null, null, false, null, null, null, null))).getFirst();

        assertThat(tile.kind()).isEqualTo(AttachmentTile.Kind.UNAVAILABLE);
        assertThat(tile.note()).isEqualTo(MediaProblem.FAILED.explanation());
        assertThat(tile.canRetry()).isTrue();
    }

    @Test
    void aPhotoAloneKeepsItsShapeWithinTheBubbleAndSeveralShareAGridOfSquares() {
        assertThat(model.tiles(message(43, "", photo("tall.jpg", 600, 1200))).getFirst()).satisfies(t -> {
            assertThat(t.width()).isEqualTo(140);
            assertThat(t.height()).isEqualTo(280);
        });
        assertThat(model.tiles(message(44, "", photo("small.jpg", 100, 50))).getFirst().width()).as("never enlarged").isEqualTo(100);
        assertThat(model.tiles(message(45, "", photo("a.jpg", 640, 480), photo("b.jpg", 480, 640))))
                .allSatisfy(t -> assertThat(new double[] {t.width(), t.height()}).containsExactly(AttachmentTile.GRID_TILE, AttachmentTile.GRID_TILE));
    }

    @Test
    void sizesReadTheWayAFileManagerWritesThem() {
        assertThat(AttachmentTile.humanSize(512L)).isEqualTo("512 bytes");
        assertThat(AttachmentTile.humanSize(655_360L)).isEqualTo("640 KB");
        assertThat(AttachmentTile.humanSize(1_258_291L)).isEqualTo("1.2 MB");
        assertThat(AttachmentTile.humanSize(31_457_280L)).isEqualTo("30 MB");
        assertThat(AttachmentTile.humanSize(null)).isEmpty();
    }

    @Test
    void aShownPhotoFetchesItsPreviewOnce() {
        MessageRow row = message(46, "My insurance card", photo("card.jpg", 640, 480));
        long before = model.revisionProperty().get();

        model.showing(model.tiles(row));
        model.showing(model.tiles(row));

        assertThat(desk.attachments.calls).containsExactly("preview 46/0");
        assertThat(model.preview(new MediaKey(46, 0))).contains(AttachmentDesk.FakeAttachments.PREVIEW);
        assertThat(model.revisionProperty().get()).as("the cells hear of it").isGreaterThan(before);
    }

    @Test
    void aPreviewThisDeskCouldNotDownloadSaysSoAndTryAgainDownloadsIt() {
        MessageRow row = message(47, "", photo("gums.jpg", 640, 480));
        desk.attachments.online = false;
        model.showing(model.tiles(row));

        AttachmentTile failed = model.tiles(row).getFirst();
        assertThat(failed.kind()).isEqualTo(AttachmentTile.Kind.DOWNLOAD_FAILED);
        assertThat(failed.title()).isEqualTo("Couldn't download this photo.");
        assertThat(failed.canRetry()).isTrue();

        desk.attachments.online = true;
        model.retry(failed);

        assertThat(model.tiles(row).getFirst().kind()).isEqualTo(AttachmentTile.Kind.PHOTO);
        assertThat(model.preview(new MediaKey(47, 0))).isPresent();
        assertThat(desk.attachments.calls).containsExactly("preview 47/0", "preview 47/0");
    }

    @Test
    void tryAgainOnAnUnavailableFileAsksTheRelayOnceUntilTheFeedAnswers() {
        MessageRow row = message(48, "", unavailable(MediaProblem.NOT_FOUND));
        AttachmentTile tile = model.tiles(row).getFirst();

        model.retry(tile);
        model.retry(tile);

        assertThat(desk.attachments.calls).containsExactly("retry 48/0");
        AttachmentTile asking = model.tiles(row).getFirst();
        assertThat(asking.note()).isEqualTo("Asking the carrier again…");
        assertThat(asking.canRetry()).isFalse();

        // The relay tried and gave up again: the message comes back unavailable, and Try again is offered once more.
        desk.feedBrings(row);
        assertThat(model.tiles(row).getFirst().canRetry()).isTrue();
        assertThat(model.tiles(row).getFirst().note()).isEqualTo(MediaProblem.NOT_FOUND.explanation());
    }

    @Test
    void aRetryTheRelayCouldNotTakeIsOfferedAgainAndTheFailureShown() {
        MessageRow row = message(49, "", unavailable(MediaProblem.FAILED));
        desk.attachments.online = false;

        model.retry(model.tiles(row).getFirst());

        assertThat(model.tiles(row).getFirst().canRetry()).isTrue();
        assertThat(desk.tasks.lastFailure()).hasMessageContaining("cannot be reached");
    }

    static MessageRow sent(long id, MediaItem... media) {
        return new MessageRow(id, 5, "c-1", "out", "Here is the form\nhttps://relay.example.org/l/abc", "delivered", null, null, "user", "Jordan Lee",
                List.of(media), Instant.parse("2026-10-27T19:00:00Z"), false, null);
    }

    static MediaItem document(MediaDelivery delivery, Instant expiresAt, Instant openedAt) {
        return new MediaItem("https://relay.example.org/l/abc", "application/pdf", MediaState.READY, "intake-form.pdf", 48_000L, null, null, false,
                null, delivery, expiresAt, openedAt);
    }

    @Test
    void aDocumentSentBehindTheSecureLinkSaysWhenThePatientOpenedIt() {
        Instant later = Instant.parse("2026-11-26T19:00:00Z");
        AttachmentTile notYet = model.tiles(sent(70, document(MediaDelivery.LINK, later, null))).getFirst();
        assertThat(notYet.kind()).isEqualTo(AttachmentTile.Kind.SECURE_LINK);
        assertThat(notYet.title()).isEqualTo("intake-form.pdf");
        assertThat(notYet.detail()).isEqualTo("Secure link");

        AttachmentTile opened = model.tiles(sent(70, document(MediaDelivery.LINK, later, Instant.parse("2026-10-27T20:12:00Z")))).getFirst();
        assertThat(opened.detail()).isEqualTo("Secure link · Opened Tue 3:12 PM");
    }

    @Test
    void anExpiredLinkSaysSo() {
        AttachmentTile expired = model.tiles(sent(71, document(MediaDelivery.LINK, Instant.parse("2026-11-01T00:00:00Z"), null))).getFirst();
        assertThat(expired.detail()).isEqualTo("Link expired");
    }

    @Test
    void aPhotoSentInTheMmsIsAThumbnailLikeAnInboundOne() {
        MediaItem mms = new MediaItem("https://relay.example.org/media/t", "image/jpeg", MediaState.READY, "x-ray.jpg", 90_000L, 640, 480, true,
                null, MediaDelivery.MMS, null, null);
        assertThat(model.tiles(sent(72, mms))).extracting(AttachmentTile::kind).containsExactly(AttachmentTile.Kind.PHOTO);
    }

    @Test
    void theFilesOfAMessageStillInTheOutboxShowThatTheyWait() {
        MediaItem waiting = new MediaItem(null, "application/pdf", MediaState.PENDING, "intake-form.pdf", 48_000L, null, null, false, null, null, null, null);
        MessageRow local = new MessageRow(-3, 5, "c-2", "out", "", "sending", null, null, "user", "Jordan Lee", List.of(waiting),
                Instant.parse("2026-11-02T14:59:00Z"), true, 3L);
        AttachmentTile tile = model.tiles(local).getFirst();
        assertThat(tile.kind()).isEqualTo(AttachmentTile.Kind.WAITING);
        assertThat(tile.detail()).isEqualTo("PDF · 47 KB");
        assertThat(tile.note()).isEqualTo("Sending…");
    }
}
