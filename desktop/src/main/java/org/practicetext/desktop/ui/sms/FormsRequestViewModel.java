// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestTexts;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestDraft;

/**
 * The forms dialog: a checklist of the practice's form library (the patient gets one link to all
 * the forms picked), with a search once the library is long; at least one form must be picked.
 * With an empty library it explains and points to Settings.
 */
public final class FormsRequestViewModel {
    /** From this many forms on, the dialog offers a search. */
    static final int SEARCH_FROM = 7;

    /** One form of the library and whether it is picked. */
    public record Choice(PracticeSettingsView.FormView form, BooleanProperty picked) {
    }

    private final PracticeSettingsView settings;
    private final RequestTarget target;
    private final boolean admin;
    private final ObservableList<Choice> all;
    private final FilteredList<Choice> shown;
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanBinding valid;

    FormsRequestViewModel(PracticeSettingsView settings, RequestTarget target, boolean admin) {
        this.settings = settings;
        this.target = target;
        this.admin = admin;
        all = FXCollections.observableArrayList(c -> new Observable[] {c.picked()});
        settings.forms().forEach(f -> all.add(new Choice(f, new SimpleBooleanProperty())));
        shown = new FilteredList<>(all);
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(search.get()), search));
        valid = Bindings.createBooleanBinding(() -> all.stream().anyMatch(c -> c.picked().get()), all);
    }

    /** The forms the search matches, in the library's order. */
    public ObservableList<Choice> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Whether the library is long enough to need the search. */
    public boolean searchOffered() {
        return all.size() >= SEARCH_FROM;
    }

    /** Empty, or why there is nothing to pick and who adds forms. */
    public String emptyLibrary() {
        if (!all.isEmpty()) {
            return "";
        }
        return admin ? "The practice's form library is empty. Add forms in Settings → Texting tools."
                : "The practice's form library is empty. A practice admin adds forms in Settings → Texting tools.";
    }

    /** Picks (or unpicks) the form with this id. */
    public void pick(long formId, boolean picked) {
        all.stream().filter(c -> c.form().id() == formId).forEach(c -> c.picked().set(picked));
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ComposedRequest compose() {
        List<PracticeSettingsView.FormView> picked = all.stream().filter(c -> c.picked().get()).map(Choice::form).toList();
        if (picked.isEmpty()) {
            throw new IllegalStateException("no form picked");
        }
        String body = RequestTexts.defaultText(RequestKind.FORMS, settings.displayName(), target.firstName(), null);
        RequestDraft draft = new RequestDraft(RequestKind.FORMS, null, null, null, picked.stream().map(PracticeSettingsView.FormView::id).toList(), null, false);
        String chip = RequestKind.FORMS.label() + " · " + (picked.size() == 1 ? picked.getFirst().name() : picked.size() + " forms");
        return new ComposedRequest(body, draft, null, chip);
    }

    private static Predicate<Choice> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return c -> needle.isEmpty() || c.form().name().toLowerCase(Locale.ROOT).contains(needle);
    }
}
