// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.practicetext.core.Permission;
import org.practicetext.core.Role;
import org.practicetext.desktop.ui.testing.FakeRequests;
import org.practicetext.desktop.ui.testing.RequestsDesk;
import org.practicetext.protocol.PracticeSettingsView;

class ReviewRequestViewModelTest {
    static final RequestTarget MARIA = new RequestTarget(7, 3, 2, "Downtown", "Maria Garcia", "Maria Garcia");
    final RequestsDesk desk = new RequestsDesk();

    private ReviewRequestViewModel review(Set<Permission> permissions) {
        return new RequestToolsViewModel(desk.windowless(permissions), new SimpleBooleanProperty(true)).review(MARIA);
    }

    private ReviewRequestViewModel review() {
        return review(Role.STAFF.permissions());
    }

    private void links(String practiceUrl, PracticeSettingsView.ReviewLink... perInbox) {
        desk.requests.settings = FakeRequests.with(FakeRequests.demoSettings(), PracticeSettingsView.Features.DEFAULT, "simulated", practiceUrl,
                List.of(perInbox), FakeRequests.demoSettings().forms());
    }

    @Test
    void theConversationsInboxHasItsOwnReviewLink() {
        links("https://g.page/r/main", new PracticeSettingsView.ReviewLink(1, "https://g.page/r/north"),
                new PracticeSettingsView.ReviewLink(2, "https://g.page/r/downtown"));
        ReviewRequestViewModel review = review();
        assertThat(review.link()).isEqualTo("https://g.page/r/downtown");
        assertThat(review.linkLine()).isEqualTo("The patient goes to the Downtown inbox's review link:");
    }

    @Test
    void withoutAnInboxLinkThePracticesIsUsed() {
        links("https://g.page/r/main", new PracticeSettingsView.ReviewLink(1, "https://g.page/r/north"));
        ReviewRequestViewModel review = review();
        assertThat(review.link()).isEqualTo("https://g.page/r/main");
        assertThat(review.linkLine()).isEqualTo("The patient goes to the practice's review link:");
        assertThat(review.validProperty().get()).isTrue();
    }

    @Test
    void withNoLinkAtAllItExplainsAndPointsToSettings() {
        links(null);
        ReviewRequestViewModel staff = review();
        assertThat(staff.link()).isNull();
        assertThat(staff.validProperty().get()).isFalse();
        assertThat(staff.linkLine()).isEqualTo("The practice has no review link yet. A practice admin adds one in Settings → Texting tools.");
        assertThat(review(Role.ADMIN.permissions()).linkLine()).startsWith("The practice has no review link yet. Add one in Settings → Texting tools");
    }

    @Test
    void theSameTextForEveryPatientWithNoQuestionAboutTheVisit() {
        ComposedRequest request = review().compose();
        assertThat(request.body()).isEqualTo("Thank you for visiting Bright Smile Dental! Please tell us how we did: {link}");
        assertThat(request.draft().repeatAllowed()).isFalse();
        assertThat(request.chip()).isEqualTo("Review request");
    }

    @Test
    void aPatientAskedWithinTheLimitIsWarnedAboutAndSentAgainOnlyWhenConfirmed() {
        desk.requests.reviewSent(MARIA.contactId(), MARIA.conversationId(), desk.clock.instant().minus(Duration.ofDays(30)));
        ReviewRequestViewModel review = review();
        assertThat(review.warningProperty().get())
                .isEqualTo("Maria was sent a review request on Oct 3. Google asks practices to ask every patient the same way; send another anyway?");
        assertThat(review.validProperty().get()).isFalse();
        assertThatThrownBy(review::compose).isInstanceOf(IllegalStateException.class);
        review.sendAnotherProperty().set(true);
        assertThat(review.validProperty().get()).isTrue();
        assertThat(review.compose().draft().repeatAllowed()).isTrue();
    }

    @Test
    void aRequestOlderThanTheLimitIsNoWarning() {
        desk.requests.reviewSent(MARIA.contactId(), MARIA.conversationId(), desk.clock.instant().minus(Duration.ofDays(183)));
        ReviewRequestViewModel review = review();
        assertThat(review.warningProperty().get()).isEmpty();
        review.sendAnotherProperty().set(true);
        assertThat(review.compose().draft().repeatAllowed()).as("nothing to allow").isFalse();
    }

    @Test
    void aLimitOfZeroDaysNeverWarns() {
        PracticeSettingsView s = FakeRequests.demoSettings();
        desk.requests.settings = new PracticeSettingsView(s.id(), s.displayName(), s.features(), s.currency(), s.payments(), s.reviewUrl(),
                s.reviewLinks(), 0, s.forms(), s.linkDays(), s.linksAskBirthDate(), s.linkBase(), s.privacy(), s.updatedAt());
        desk.requests.reviewSent(MARIA.contactId(), MARIA.conversationId(), desk.clock.instant().minus(Duration.ofDays(1)));
        assertThat(review().warningProperty().get()).isEmpty();
    }
}
