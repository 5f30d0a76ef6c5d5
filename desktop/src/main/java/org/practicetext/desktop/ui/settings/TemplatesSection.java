// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.practicetext.core.TemplateFields;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * Settings → Templates: the list on the left; on the right the editor (name, text with the
 * placeholders offered as buttons that insert at the caret), the live preview for a sample
 * patient, and Save / Delete (with confirmation). Read-only with the reason for a role that may
 * not change templates, and while offline.
 */
final class TemplatesSection {
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private TemplatesSection() {
    }

    static Node build(UiSession session) {
        TemplatesViewModel model = new TemplatesViewModel(session);
        ListView<Directory.Template> list = new ListView<>(model.templates());
        list.setId("templates-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list", Styles.BORDERED);
        list.setCellFactory(l -> new ListCell<>() {
            {
                // Fit the list's width (a long name ends in "…") instead of scrolling sideways.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Directory.Template template, boolean empty) {
                super.updateItem(template, empty);
                setText(empty || template == null ? null : template.name());
            }
        });
        list.setPlaceholder(CommunicationSections.muted("No templates yet."));
        list.setPrefWidth(260);
        list.setMinWidth(180);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && (model.selectedProperty().get() == null || model.selectedProperty().get().id() != now.id())) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() == null || list.getSelectionModel().getSelectedItem().id() != now.id()) {
                model.templates().stream().filter(t -> t.id() == now.id()).findFirst().ifPresent(list.getSelectionModel()::select);
            }
        });
        Button create = new Button("New template");
        create.setId("template-new");
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(model.editableProperty().not());
        create.setOnAction(e -> model.startNew());
        VBox left = new VBox(8, create, list);
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox editor = editor(model);
        HBox.setHgrow(editor, Priority.ALWAYS);
        HBox body = new HBox(16, left, editor);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label notice = CommunicationSections.muted("");
        notice.setId("template-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return CommunicationSections.section("Templates",
                "Saved replies the team inserts from the composer's templates button. Placeholders such as {first name} are filled in for the patient of the conversation; words in square brackets, such as [time], are left for the sender to complete.",
                notice, body);
    }

    private static VBox editor(TemplatesViewModel model) {
        TextField name = new TextField();
        name.setId("template-name");
        name.setPromptText("Name, e.g. Appointment confirmation");
        name.textProperty().bindBidirectional(model.nameProperty());
        name.editableProperty().bind(model.editableProperty());
        TextArea text = new TextArea();
        text.setId("template-body");
        text.setPromptText("Hi {first name}, this is {practice name}…");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.textProperty().bindBidirectional(model.bodyProperty());
        text.editableProperty().bind(model.editableProperty());
        FlowPane fields = new FlowPane(6, 6);
        fields.getChildren().add(CommunicationSections.muted("Insert:"));
        for (TemplateFields.Field field : model.fields()) {
            Button insert = new Button(field.token());
            insert.setId("template-insert-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            insert.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
            insert.setTooltip(new Tooltip("Inserts " + field.meaning() + " when the template is used"));
            insert.disableProperty().bind(model.editableProperty().not());
            insert.setFocusTraversable(false);
            insert.setOnAction(e -> {
                text.replaceSelection(field.token());
                text.requestFocus();
            });
            fields.getChildren().add(insert);
        }
        fields.setAlignment(Pos.CENTER_LEFT);

        Label previewFor = new Label();
        previewFor.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED);
        previewFor.textProperty().bind(model.samplePatientProperty().map(patient -> "Preview for " + patient));
        Label preview = new Label();
        preview.setId("template-preview");
        preview.setWrapText(true);
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.getStyleClass().add("pt-template-preview");
        preview.textProperty().bind(model.previewProperty());
        VBox previewBox = new VBox(4, previewFor, preview);
        previewBox.visibleProperty().bind(model.bodyProperty().isNotEmpty());
        previewBox.managedProperty().bind(previewBox.visibleProperty());

        Button save = new Button("Save");
        save.setId("template-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.editableProperty().not());
        save.setOnAction(e -> model.save());
        Button delete = new Button("Delete");
        delete.setId("template-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.editableProperty().not().or(model.selectedProperty().isNull()));
        delete.setOnAction(e -> {
            if (confirmDelete(delete, model.deleteQuestion())) {
                model.delete();
            }
        });
        HBox buttons = new HBox(8, save, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("template-message");
        message.setWrapText(true);
        message.getStyleClass().addAll(Styles.TEXT_SMALL, "pt-template-message");
        message.textProperty().bind(model.messageProperty());
        model.refusedProperty().addListener((o, was, now) -> message.pseudoClassStateChanged(REFUSED, now));
        return new VBox(8, caption("Name"), name, caption("Text"), text, fields, previewBox, buttons, message);
    }

    private static boolean confirmDelete(Node from, String question) {
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, delete, ButtonType.CANCEL);
        alert.initOwner(from.getScene().getWindow());
        alert.setTitle("Delete template");
        alert.setHeaderText(null);
        alert.getDialogPane().setId("template-delete-confirm");
        alert.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        return alert.showAndWait().filter(delete::equals).isPresent();
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }
}
