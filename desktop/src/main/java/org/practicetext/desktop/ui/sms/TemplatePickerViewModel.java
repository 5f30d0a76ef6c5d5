// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.practicetext.core.Permission;
import org.practicetext.core.TemplateFields;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The composer's template picker ("Use Templates for faster responses"): the practice's saved
 * replies from the cache, narrowed by a search over name and body, reloaded whenever the feed
 * changes templates. Offered only to a role with {@code sms.tools.templates} while the composer
 * may send; with no templates at all it says who adds them, and where, instead of showing an
 * empty list. A picked body has its placeholders filled for the recipient ({@link TemplateFields}).
 */
public final class TemplatePickerViewModel {
    static final String NONE_YET = "No templates yet — a practice admin adds them in Settings → Templates";

    private final UiSession session;
    private final ObservableList<Directory.Template> all = FXCollections.observableArrayList();
    private final FilteredList<Directory.Template> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty recipientName = new SimpleStringProperty();
    private final StringBinding placeholder;
    private final BooleanBinding available;

    public TemplatePickerViewModel(UiSession session, ObservableBooleanValue composerEnabled) {
        this.session = session;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(search.get()), search));
        placeholder = Bindings.createStringBinding(() -> all.isEmpty() ? NONE_YET : "No template matches “" + search.get().strip() + "”",
                all, search);
        boolean allowed = session.can(Permission.TOOLS_TEMPLATES);
        available = Bindings.createBooleanBinding(() -> allowed && composerEnabled.get(), composerEnabled);
        session.events().onChange(batch -> {
            if (batch.templates() != null && allowed) {
                all.setAll(batch.templates());
            }
        });
        reload();
    }

    /** The templates that match the search, by name. */
    public ObservableList<Directory.Template> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** What the empty list says: none exist yet (and who adds them), or none match the search. */
    public StringBinding placeholderProperty() {
        return placeholder;
    }

    /** True when the button is shown: the role may use templates and the composer may send. */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** The patient's name the placeholders are filled from; null for an unnamed lead or a new number. */
    public StringProperty recipientNameProperty() {
        return recipientName;
    }

    /** {@code body} as it is inserted: its placeholders filled for the recipient and the practice. */
    public String fill(String body) {
        return TemplateFields.fill(body, new TemplateFields.Values(recipientName.get(), session.practice().name()));
    }

    /** Reads the templates from the cache again (off the UI thread). */
    public void reload() {
        if (session.can(Permission.TOOLS_TEMPLATES)) {
            session.tasks().run(() -> session.client().directory().templates(), all::setAll);
        }
    }

    /** The first non-blank line of a body, as the picker previews it. */
    public static String firstLine(String body) {
        return body.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    }

    private static Predicate<Directory.Template> matching(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return t -> true;
        }
        return t -> t.name().toLowerCase(Locale.ROOT).contains(needle) || t.body().toLowerCase(Locale.ROOT).contains(needle);
    }
}
