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
 * The payment request dialog: the amount (in the practice's currency, shown formatted as it is
 * typed), what it is for (shown to the patient, required), the practice's own reference (never
 * shown to the patient) and an optional statement PDF. Each field says under it what is wrong;
 * Insert is possible only when nothing is.
 */
public final class PaymentRequestViewModel {
    static final int FOR_MOST = 80;
    static final int REFERENCE_MOST = 40;

    private final PracticeSettingsView settings;
    private final RequestTarget target;
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final RequestDocument statement;
    private final StringBinding amountShown;
    private final StringBinding amountProblem;
    private final StringBinding descriptionProblem;
    private final StringBinding referenceProblem;
    private final BooleanBinding valid;

    PaymentRequestViewModel(UiSession session, PracticeSettingsView settings, RequestTarget target) {
        this.settings = settings;
        this.target = target;
        this.statement = new RequestDocument(session.tasks());
        amountShown = Bindings.createStringBinding(() -> cents().isPresent() ? Money.format(cents().getAsLong(), currency()) : "", amount);
        amountProblem = Bindings.createStringBinding(() -> amount.get().isBlank() || cents().isPresent() ? ""
                : "Type an amount such as 120.50: more than zero, at most " + Money.format(Money.LARGEST_CENTS, currency()) + ".", amount);
        descriptionProblem = Bindings.createStringBinding(() -> tooLong(description.get(), FOR_MOST), description);
        referenceProblem = Bindings.createStringBinding(() -> tooLong(reference.get(), REFERENCE_MOST), reference);
        valid = Bindings.createBooleanBinding(() -> cents().isPresent() && !description.get().isBlank()
                && descriptionProblem.get().isEmpty() && referenceProblem.get().isEmpty(), amount, description, reference, descriptionProblem, referenceProblem);
    }

    static String tooLong(String text, int most) {
        int length = text == null ? 0 : text.strip().length();
        return length <= most ? "" : "At most " + most + " characters; this is " + length + ".";
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    public RequestDocument statement() {
        return statement;
    }

    /** "$120.00" once the amount is one; empty otherwise. */
    public StringBinding amountShownProperty() {
        return amountShown;
    }

    public StringBinding amountProblemProperty() {
        return amountProblem;
    }

    public StringBinding descriptionProblemProperty() {
        return descriptionProblem;
    }

    public StringBinding referenceProblemProperty() {
        return referenceProblem;
    }

    /** Insert is possible. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** The practice's currency ("USD"). */
    public String currency() {
        return settings.currency() == null ? "USD" : settings.currency();
    }

    /** The text, the request and the statement for the composer; only when {@link #validProperty()} holds. */
    public ComposedRequest compose() {
        if (!valid.get()) {
            throw new IllegalStateException("the payment request is not complete");
        }
        long cents = cents().getAsLong();
        String shown = Money.format(cents, currency());
        String body = RequestTexts.defaultText(RequestKind.PAYMENT, settings.displayName(), target.firstName(), shown);
        String ref = reference.get().strip();
        RequestDraft draft = new RequestDraft(RequestKind.PAYMENT, cents, description.get().strip(), ref.isEmpty() ? null : ref, List.of(), null, false);
        return new ComposedRequest(body, draft, statement.fileProperty().get(), RequestKind.PAYMENT.label() + " · " + shown);
    }

    private OptionalLong cents() {
        return Money.parse(amount.get());
    }
}
