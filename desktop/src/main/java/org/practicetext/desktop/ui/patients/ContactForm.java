// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.patients;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The form beside the patients table: "Add patient" (name, phone, patient id), or the chosen
 * contact with its line type, editable with {@code contacts.manage} ("Save", and "Make patient"
 * for a lead). The relay's refusal (a number that can't be texted, one another contact has)
 * shows under the fields, and what was typed stays.
 */
final class ContactForm extends VBox {
    ContactForm(ContactEditorViewModel model) {
        getStyleClass().add("pt-contact-form");
        setId("contact-form");
        setPrefWidth(300);
        setMinWidth(260);
        setMaxWidth(340);
        boolean editable = model.canManage();

        Label title = new Label();
        title.setId("contact-form-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (model.modeProperty().get()) {
            case NEW -> "Add patient";
            case EDIT -> model.contactProperty().get() == null ? "" : model.contactProperty().get().displayName();
            case NONE -> "";
        }, model.modeProperty(), model.contactProperty()));
        Label kind = new Label();
        kind.setId("contact-form-kind");
        kind.getStyleClass().addAll("pt-chip", "pt-chip-accent");
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Label line = new Label();
        line.setId("contact-form-line");
        line.getStyleClass().add("pt-chip");
        line.setMinWidth(Region.USE_PREF_SIZE);
        Label landline = new Label("A landline can't receive texts: ask the patient for a mobile number.");
        landline.setId("contact-form-landline");
        landline.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        landline.setWrapText(true);
        landline.visibleProperty().bind(line.textProperty().isEqualTo("Landline"));
        landline.managedProperty().bind(landline.visibleProperty());
        model.contactProperty().addListener((o, was, shown) -> describe(shown, kind, line));
        describe(null, kind, line);
        HBox chips = new HBox(6, kind, line);
        Label consent = new Label();
        consent.setId("contact-form-consent");
        consent.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        consent.setWrapText(true);
        consent.setMinHeight(Region.USE_PREF_SIZE);
        consent.textProperty().bind(model.consentProperty());
        consent.visibleProperty().bind(model.consentProperty().isNotEmpty());
        consent.managedProperty().bind(consent.visibleProperty());

        TextField name = field("contact-name", "Name", editable);
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField phone = field("contact-phone", "Mobile number", editable);
        phone.textProperty().bindBidirectional(model.phoneProperty());
        TextField externalId = field("contact-external-id", "From your practice software", editable);
        externalId.textProperty().bindBidirectional(model.externalIdProperty());

        Label error = new Label();
        error.setId("contact-form-error");
        error.getStyleClass().add("pt-contact-form-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label readOnly = new Label("You can view contacts. Ask an administrator to change them.");
        readOnly.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        readOnly.setWrapText(true);
        readOnly.setVisible(!editable);
        readOnly.setManaged(!editable);

        Button save = new Button("Save");
        save.setId("contact-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.savingProperty());
        Button convert = new Button("Make patient", Icons.PERSON.node(14));
        convert.setId("contact-convert");
        convert.setOnAction(e -> model.convert());
        convert.disableProperty().bind(model.savingProperty());
        convert.visibleProperty().bind(model.leadProperty());
        convert.managedProperty().bind(convert.visibleProperty());
        Button cancel = new Button("Close");
        cancel.setId("contact-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.close());
        // The buttons wrap rather than cut their words when the form is narrow.
        FlowPane buttons = new FlowPane(8, 8, save, convert, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (Button button : new Button[] {save, convert, cancel}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        save.setVisible(editable);
        save.setManaged(editable);
        if (!editable) {
            convert.visibleProperty().unbind();
            convert.setVisible(false);
        }

        Label done = new Label();
        done.setId("contact-form-done");
        done.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        done.setWrapText(true);
        done.textProperty().bind(model.doneProperty());

        VBox fields = new VBox(8, title, chips, consent, landline, label("Name"), name, label("Phone"), phone, label("Patient ID"), externalId, error, readOnly, buttons);
        fields.visibleProperty().bind(model.modeProperty().isNotEqualTo(ContactEditorViewModel.Mode.NONE));
        fields.managedProperty().bind(fields.visibleProperty());
        Label hint = new Label(editable ? "Choose a patient to see or edit them, or add a patient." : "Choose a patient to see their details.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.visibleProperty().bind(fields.visibleProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        getChildren().addAll(fields, hint, done);
    }

    private static void describe(ContactRow shown, Label kind, Label line) {
        boolean any = shown != null;
        kind.setVisible(any);
        kind.setText(any ? ("lead".equals(shown.kind()) ? "Lead" : "Patient") : "");
        String type = any ? PatientsPage.lineTypeLabel(shown.lineType()) : "";
        boolean landline = "Landline".equals(type);
        line.setText(type);
        line.setGraphic(landline ? Icons.ERROR.node(12) : null);
        line.getStyleClass().remove("pt-chip-warning");
        if (landline) {
            line.getStyleClass().add("pt-chip-warning");
        }
        line.setVisible(!type.isEmpty());
    }

    private static TextField field(String id, String prompt, boolean editable) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setEditable(editable);
        return field;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }
}
