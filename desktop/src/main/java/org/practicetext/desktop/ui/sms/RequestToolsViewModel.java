// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
import org.practicetext.core.RequestKind;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.PracticeSettingsView;

/**
 * The composer's tools menu (the "+" beside templates and emoji, ADR 0024): a tool is offered when
 * the signed-in role has its permission and the practice has turned its feature on; a payment
 * request also needs a payment provider on the relay, else it is shown greyed with the reason.
 * Nothing shows before the practice's settings have arrived (an older relay has none), and the
 * button shows only while the composer may send into a conversation and offers at least one tool.
 * The settings are read from the cache again whenever the feed changes them.
 */
public final class RequestToolsViewModel {
    static final String NO_PROVIDER = "No payment provider is set up on the relay";

    /** One entry of the menu: {@code reason} says why a greyed one cannot be used now. */
    public record Tool(RequestKind kind, boolean enabled, String reason) {
        /** "Payment request…": each opens a dialog. */
        public String label() {
            return kind.label() + "…";
        }
    }

    private final UiSession session;
    private final ReadOnlyObjectWrapper<PracticeSettingsView> settings = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Tool> tools = FXCollections.observableArrayList();
    private final BooleanBinding available;
    private FilePicker documents = FilePicker.pdf("Choose a PDF");

    RequestToolsViewModel(UiSession session, ObservableBooleanValue sendsIntoConversation) {
        this.session = session;
        available = Bindings.createBooleanBinding(() -> sendsIntoConversation.get() && !tools.isEmpty(), sendsIntoConversation, tools);
        session.events().onChange(batch -> {
            if (batch.resynced() || batch.all(DeskChange.SettingsChanged.class).findAny().isPresent()) {
                reload();
            }
        });
        reload();
    }

    /** The practice's settings as last read; null before they arrived. */
    public ReadOnlyObjectProperty<PracticeSettingsView> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The tools offered, in the menu's order. */
    public ObservableList<Tool> tools() {
        return tools;
    }

    /** True when the "+" shows. */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** Where the dialogs' PDFs come from: the system's file chooser, or a test's. */
    public FilePicker documentPicker() {
        return documents;
    }

    public void useDocumentPicker(FilePicker picker) {
        this.documents = picker;
    }

    /** Reads the settings from the cache (off the FX thread). */
    public void reload() {
        session.tasks().run(() -> session.client().requests().settings().orElse(null), this::apply);
    }

    void apply(PracticeSettingsView now) {
        settings.set(now);
        tools.setAll(toolsFor(now, session::can));
    }

    /** The menu for these settings and this role. */
    static List<Tool> toolsFor(PracticeSettingsView settings, Predicate<Permission> can) {
        List<Tool> shown = new ArrayList<>();
        if (settings == null || !can.test(Permission.SMS_SEND)) {
            return shown;
        }
        for (RequestKind kind : RequestKind.values()) {
            if (!can.test(kind.permission()) || !featureOn(settings.features(), kind)) {
                continue;
            }
            boolean noProvider = kind == RequestKind.PAYMENT && (settings.payments() == null || "none".equals(settings.payments()));
            shown.add(new Tool(kind, !noProvider, noProvider ? NO_PROVIDER : ""));
        }
        return shown;
    }

    private static boolean featureOn(PracticeSettingsView.Features features, RequestKind kind) {
        PracticeSettingsView.Features on = features == null ? PracticeSettingsView.Features.DEFAULT : features;
        return switch (kind) {
            case PAYMENT -> on.payments();
            case REVIEW -> on.reviews();
            case FORMS -> on.forms();
            case TREATMENT_PLAN -> on.treatmentPlans();
        };
    }

    public PaymentRequestViewModel payment(RequestTarget target) {
        return new PaymentRequestViewModel(session, settings.get(), target);
    }

    public ReviewRequestViewModel review(RequestTarget target) {
        return new ReviewRequestViewModel(session, settings.get(), target);
    }

    public FormsRequestViewModel forms(RequestTarget target) {
        return new FormsRequestViewModel(settings.get(), target, session.can(Permission.SETTINGS_MANAGE));
    }

    public TreatmentPlanViewModel treatmentPlan(RequestTarget target) {
        return new TreatmentPlanViewModel(session, settings.get(), target);
    }
}
