// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.OptionalLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.practicetext.core.Money;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestTexts;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestDraft;

/**
 * The treatment plan dialog: the plan as a PDF exported from the practice-management system
 * (required; the patient reads it behind a secure link and accepts or declines), an optional
 * total and an optional title, both shown to the patient.
 */
public final class TreatmentPlanViewModel {
    private final PracticeSettingsView settings;
    private final RequestTarget target;
    private final RequestDocument plan;
    private final StringProperty total = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringBinding totalShown;
    private final StringBinding totalProblem;
    private final StringBinding titleProblem;
    private final BooleanBinding valid;

    TreatmentPlanViewModel(UiSession session, PracticeSettingsView settings, RequestTarget target) {
        this.settings = settings;
        this.target = target;
        this.plan = new RequestDocument(session.tasks());
        totalShown = Bindings.createStringBinding(() -> cents().isPresent() ? Money.format(cents().getAsLong(), currency()) : "", total);
        totalProblem = Bindings.createStringBinding(() -> total.get().isBlank() || cents().isPresent() ? ""
                : "Type a total such as 2400.00, or leave it empty.", total);
        titleProblem = Bindings.createStringBinding(() -> PaymentRequestViewModel.tooLong(title.get(), PaymentRequestViewModel.FOR_MOST), title);
        valid = Bindings.createBooleanBinding(() -> plan.fileProperty().get() != null && totalProblem.get().isEmpty() && titleProblem.get().isEmpty(),
                plan.fileProperty(), totalProblem, titleProblem);
    }

    public RequestDocument plan() {
        return plan;
    }

    public StringProperty totalProperty() {
        return total;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringBinding totalShownProperty() {
        return totalShown;
    }

    public StringBinding totalProblemProperty() {
        return totalProblem;
    }

    public StringBinding titleProblemProperty() {
        return titleProblem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ComposedRequest compose() {
        if (!valid.get()) {
            throw new IllegalStateException("the treatment plan needs its PDF");
        }
        Long cents = cents().isPresent() ? cents().getAsLong() : null;
        String shown = cents == null ? null : Money.format(cents, currency());
        String body = RequestTexts.defaultText(RequestKind.TREATMENT_PLAN, settings.displayName(), target.firstName(), shown);
        String what = title.get().strip();
        RequestDraft draft = new RequestDraft(RequestKind.TREATMENT_PLAN, cents, what.isEmpty() ? null : what, null, List.of(), null, false);
        String chip = RequestKind.TREATMENT_PLAN.label() + " · " + (shown != null ? shown : plan.fileProperty().get().fileName());
        return new ComposedRequest(body, draft, plan.fileProperty().get(), chip);
    }

    private String currency() {
        return settings.currency() == null ? "USD" : settings.currency();
    }

    private OptionalLong cents() {
        return Money.parse(total.get());
    }
}
