// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Permission;
import org.practicetext.core.TemplateFields;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * Settings → Templates: the practice's saved replies, and for a settings manager create, edit
 * and delete. Changes go to the relay directly (like inboxes) and its refusal — a name another
 * template has, a text over 1600 characters — is shown as is; offline the cached templates stay
 * readable and changes wait until the relay is back. The preview fills the placeholders the
 * composer fills ({@link TemplateFields}) from the first named patient of the directory.
 */
public final class TemplatesViewModel {
    static final String ONLY_ADMINS = "Only practice admins can change templates.";
    /** Said to a role that can insert them (not to billing, which has no composer). */
    static final String USE_THEM = " You can insert them from the composer's templates button.";
    static final String OFFLINE = "Offline — showing the templates saved on this workstation. Creating, editing and deleting need the relay: try again when it is back.";
    /** Whose name the preview uses when the directory has no named patient yet. */
    static final String SAMPLE_PATIENT = "Anna Smith";

    private final UiSession session;
    private final ObservableList<Directory.Template> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Directory.Template> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<String> samplePatient = new ReadOnlyObjectWrapper<>(SAMPLE_PATIENT);
    private final StringBinding preview;
    private final BooleanBinding editable;
    private final StringBinding notice;

    public TemplatesViewModel(UiSession session) {
        this.session = session;
        boolean canManage = canManage();
        String readOnly = ONLY_ADMINS + (session.can(Permission.TOOLS_TEMPLATES) ? USE_THEM : "");
        preview = Bindings.createStringBinding(() -> TemplateFields.fill(body.get(),
                new TemplateFields.Values(samplePatient.get(), session.practice().name())), body, samplePatient);
        editable = Bindings.createBooleanBinding(() -> canManage && online.get(), online);
        notice = Bindings.createStringBinding(() -> !canManage ? readOnly : online.get() ? "" : OFFLINE, online);
        session.events().onChange(batch -> {
            if (batch.templates() != null) {
                show(batch.templates());
            }
        });
        session.events().followConnection(this::connection);
        session.tasks().run(() -> session.client().directory().contacts("", 50).stream()
                .filter(c -> "patient".equals(c.kind()) && c.name() != null && !c.name().isBlank())
                .map(ContactRow::name).findFirst().orElse(SAMPLE_PATIENT), samplePatient::set);
        refresh();
    }

    public ObservableList<Directory.Template> templates() {
        return templates;
    }

    /** The template being edited; null while a new one is written. */
    public ObjectProperty<Directory.Template> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    /** The body as the patient would read it, placeholders filled for {@link #samplePatientProperty()}. */
    public StringBinding previewProperty() {
        return preview;
    }

    public ReadOnlyObjectProperty<String> samplePatientProperty() {
        return samplePatient.getReadOnlyProperty();
    }

    /** The last outcome or refusal, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} says why something was not saved. */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** The role may change templates and the relay can be reached. */
    public BooleanBinding editableProperty() {
        return editable;
    }

    /** Why the page is read-only (the role, or offline); empty when it is not. */
    public StringBinding noticeProperty() {
        return notice;
    }

    public boolean canManage() {
        return session.can(Permission.SETTINGS_MANAGE);
    }

    /** The placeholders the editor offers, in order. */
    public List<TemplateFields.Field> fields() {
        return TemplateFields.ALL;
    }

    /** Opens {@code template} in the editor (null: a new one). */
    public void select(Directory.Template template) {
        selected.set(template);
        name.set(template == null ? "" : template.name());
        body.set(template == null ? "" : template.body());
        say("", false);
    }

    public void startNew() {
        select(null);
    }

    /** Creates the template being written, or saves the edits of the selected one. */
    public void save() {
        if (name.get() == null || name.get().isBlank()) {
            say("Give the template a name.", true);
            return;
        }
        if (body.get() == null || body.get().isBlank()) {
            say("Write the text the template inserts.", true);
            return;
        }
        String cleanName = name.get().strip();
        String text = body.get();
        Directory.Template editing = selected.get();
        session.tasks().run(() -> editing == null
                ? session.client().practice().createTemplate(cleanName, text)
                : session.client().practice().updateTemplate(editing.id(), cleanName, text), saved -> {
                    say(editing == null ? "Created “" + saved.name() + "”." : "Saved “" + saved.name() + "”.", false);
                    selected.set(saved);
                    refresh();
                }, this::refusedBecause);
    }

    /** What the confirmation asks before {@link #delete()}. */
    public String deleteQuestion() {
        Directory.Template template = selected.get();
        return template == null ? "" : "Delete the template “" + template.name() + "”? The team will no longer find it in the composer.";
    }

    /** Deletes the selected template (the view has asked to confirm). */
    public void delete() {
        Directory.Template template = selected.get();
        if (template == null) {
            return;
        }
        session.tasks().run(() -> {
            session.client().practice().deleteTemplate(template.id());
            return template;
        }, done -> {
            select(null);
            say("Deleted “" + done.name() + "”.", false);
            refresh();
        }, this::refusedBecause);
    }

    public void refresh() {
        session.tasks().run(session.client().directory()::templates, this::show);
    }

    private void show(List<Directory.Template> latest) {
        templates.setAll(latest);
        Directory.Template current = selected.get();
        if (current != null) {
            // Found again by id: the list's rows are new records after every read.
            latest.stream().filter(t -> t.id() == current.id()).findFirst().ifPresentOrElse(selected::set, () -> {
                selected.set(null);
                say("“" + current.name() + "” was deleted.", false);
            });
        }
    }

    private void connection(ConnectionState state) {
        online.set(state.kind() == ConnectionState.Kind.ONLINE || state.kind() == ConnectionState.Kind.CATCHING_UP);
    }

    private void refusedBecause(Throwable e) {
        say(e.getMessage() == null ? "The relay refused: " + e.getClass().getSimpleName() : e.getMessage(), true);
    }

    private void say(String words, boolean refusal) {
        message.set(words);
        refused.set(refusal);
    }
}
