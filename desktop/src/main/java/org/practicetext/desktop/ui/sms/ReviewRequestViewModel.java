// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.time.Duration;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.practicetext.core.Permission;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestTexts;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.protocol.RequestView;

/**
 * The review request dialog. It says which review link the patient will reach: the conversation's
 * inbox's (a practice with two locations has two Google profiles), else the practice's default;
 * with neither it explains and points to Settings. Every patient is asked the same way — there is
 * no question about how the visit went, because Google forbids asking only happy patients — and a
 * patient asked within the practice's repeat limit is warned about first: the request then goes
 * with {@code repeatAllowed} only when the person confirms that they want to send another.
 */
public final class ReviewRequestViewModel {
    private final UiSession session;
    private final PracticeSettingsView settings;
    private final RequestTarget target;
    private final String link;
    private final String linkSource;
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper();
    private final BooleanProperty sendAnother = new SimpleBooleanProperty();
    private final BooleanBinding valid;

    ReviewRequestViewModel(UiSession session, PracticeSettingsView settings, RequestTarget target) {
        this.session = session;
        this.settings = settings;
        this.target = target;
        String inboxLink = settings.reviewLinks().stream().filter(l -> l.inboxId() == target.inboxId()).map(PracticeSettingsView.ReviewLink::url)
                .filter(url -> url != null && !url.isBlank()).findFirst().orElse(null);
        boolean hasDefault = settings.reviewUrl() != null && !settings.reviewUrl().isBlank();
        link = inboxLink != null ? inboxLink.strip() : hasDefault ? settings.reviewUrl().strip() : null;
        linkSource = inboxLink != null ? "the " + target.inboxName() + " inbox's review link" : "the practice's review link";
        valid = Bindings.createBooleanBinding(() -> link != null && checked.get() && (warning.get().isEmpty() || sendAnother.get()),
                checked, warning, sendAnother);
        checkLastReview();
    }

    /** The review page the patient will reach; null when the practice has none. */
    public String link() {
        return link;
    }

    /** "The patient goes to the Downtown inbox's review link:" or the practice's, or why there is none and who adds one. */
    public String linkLine() {
        if (link != null) {
            return "The patient goes to " + linkSource + ":";
        }
        return session.can(Permission.SETTINGS_MANAGE)
                ? "The practice has no review link yet. Add one in Settings → Texting tools (one for the practice, or one per inbox)."
                : "The practice has no review link yet. A practice admin adds one in Settings → Texting tools.";
    }

    /** Empty, or: this patient had one within the repeat limit (then Insert waits for {@link #sendAnotherProperty()}). */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The person saw the warning and sends another anyway. */
    public BooleanProperty sendAnotherProperty() {
        return sendAnother;
    }

    /** False until the patient's last review request has been looked up. */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ComposedRequest compose() {
        if (!valid.get()) {
            throw new IllegalStateException("the review request cannot be sent yet");
        }
        boolean repeat = !warning.get().isEmpty() && sendAnother.get();
        String body = RequestTexts.defaultText(RequestKind.REVIEW, settings.displayName(), target.firstName(), null);
        RequestDraft draft = new RequestDraft(RequestKind.REVIEW, null, null, null, List.of(), null, repeat);
        return new ComposedRequest(body, draft, null, RequestKind.REVIEW.label());
    }

    /** A failed look-up warns of nothing: the relay still refuses a second request within the limit (409) unless allowed. */
    private void checkLastReview() {
        int days = settings.reviewRepeatDays();
        session.tasks().run(() -> session.client().requests().lastReview(target.contactId()), last -> {
            warning.set(last.filter(r -> days > 0 && session.times().isRecent(sentAt(r), Duration.ofDays(days)))
                    .map(r -> target.calledInText() + " was sent a review request on " + session.times().date(sentAt(r))
                            + ". Google asks practices to ask every patient the same way; send another anyway?")
                    .orElse(""));
            checked.set(true);
        }, unknown -> checked.set(true));
    }

    private static java.time.Instant sentAt(RequestView request) {
        return request.createdAt();
    }
}
