// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.patients;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The Patients page: the directory as a table (name, phone, Patient/Lead, opted-out and blocked
 * marks, patient id, line type with a warning for a landline), search, "Text this patient", CSV
 * import with its report, and beside the table the chosen contact's form ({@link ContactForm}):
 * add a patient, edit a contact, name a lead or make it a patient. Who may not manage contacts
 * sees the form read-only and no "Add patient".
 */
public final class PatientsPage extends VBox {
    public PatientsPage(UiSession session, Consumer<ContactRow> textContact) {
        PatientsViewModel model = new PatientsViewModel(session);
        getStyleClass().add("pt-patients-page");
        setId("patients-page");

        Label title = new Label("Patients");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Everyone the practice texts: patients and leads.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        CustomTextField search = new CustomTextField();
        search.setId("patient-search");
        search.setPromptText("Search name or phone");
        search.setLeft(Icons.SEARCH.node(14));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setPrefWidth(320);
        search.setMinWidth(160);
        Button importButton = new Button("Import CSV…", Icons.UPLOAD.node(14));
        importButton.setId("import-csv");
        importButton.setVisible(model.canImport());
        importButton.setManaged(model.canImport());
        importButton.disableProperty().bind(model.importingProperty());
        importButton.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import patients from CSV");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.importCsv(file.toPath());
            }
        });
        Button add = new Button("Add patient", Icons.PERSON.node(14));
        add.setId("add-patient");
        add.setVisible(model.editor().canManage());
        add.setManaged(model.editor().canManage());
        add.setOnAction(e -> model.editor().startNew());
        Button text = new Button("Text this patient", Icons.SMS.node(14));
        text.setId("text-patient");
        text.getStyleClass().add(Styles.ACCENT);
        text.setVisible(model.canText());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // At 1024 px the search field gives way, never a button's words.
        for (Button button : new Button[] {importButton, add, text}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox toolbar = new HBox(10, search, gap, importButton, add, text);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        Label report = new Label();
        report.setId("import-report");
        report.getStyleClass().add("pt-import-report");
        report.setWrapText(true);
        report.textProperty().bind(model.importReportProperty());
        report.visibleProperty().bind(model.importReportProperty().isNotEmpty());
        report.managedProperty().bind(report.visibleProperty());

        TableView<ContactRow> table = new TableView<>(model.contacts());
        table.setId("patients-table");
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", 200, ContactRow::displayName));
        table.getColumns().add(column("Phone", 140, ContactRow::displayPhone));
        table.getColumns().add(chipColumn("Type", 90, c -> "lead".equals(c.kind()) ? "Lead" : "Patient", "pt-chip-accent"));
        table.getColumns().add(chipColumn("Texting", 110, c -> c.blocked() ? "Blocked" : c.optedOut() ? "Opted out" : "", "pt-chip-danger"));
        table.getColumns().add(column("Patient ID", 110, c -> c.externalId() == null ? "" : c.externalId()));
        // The number and the line type are never cut (the name gives way first).
        table.getColumns().get(1).setMinWidth(125);
        table.getColumns().add(lineTypeColumn());
        Label empty = new Label("No patients match. Import a CSV from your practice software, or text a new number from the SMS page.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        ContactForm form = new ContactForm(model.editor());
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(16, table, form);
        VBox.setVgrow(body, Priority.ALWAYS);
        // Only a choice opens the form: a list refresh that clears the selection leaves what is being typed alone.
        table.getSelectionModel().selectedItemProperty().addListener((o, was, chosen) -> {
            if (chosen != null) {
                model.editor().show(chosen);
            }
        });
        // A save or an add ends with the form closed: the table's selection goes with it, so choosing the row again reopens it.
        model.editor().modeProperty().addListener((o, was, now) -> {
            if (now == ContactEditorViewModel.Mode.NEW || now == ContactEditorViewModel.Mode.NONE) {
                table.getSelectionModel().clearSelection();
            }
        });
        text.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        text.setOnAction(e -> textContact.accept(table.getSelectionModel().getSelectedItem()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null && model.canText()) {
                textContact.accept(table.getSelectionModel().getSelectedItem());
            }
        });

        getChildren().addAll(new VBox(2, title, subtitle), toolbar, report, body);
        setSpacing(14);
    }

    private static TableColumn<ContactRow, String> column(String name, double width, java.util.function.Function<ContactRow, String> value) {
        TableColumn<ContactRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(value.apply(c.getValue())));
        return column;
    }

    /** Mobile, Landline (with a warning: a landline can't receive texts), VoIP; blank when the carrier hasn't said. */
    private static TableColumn<ContactRow, String> lineTypeColumn() {
        TableColumn<ContactRow, String> column = column("Line", 110, c -> lineTypeLabel(c.lineType()));
        column.setMinWidth(105);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                boolean landline = !empty && "Landline".equals(item);
                setGraphic(landline ? Icons.ERROR.node(13) : null);
                setTooltip(landline ? new Tooltip("A landline can't receive texts.") : null);
                getStyleClass().remove("pt-landline");
                if (landline) {
                    getStyleClass().add("pt-landline");
                }
            }
        });
        return column;
    }

    /** The words for the relay's line types. */
    static String lineTypeLabel(String lineType) {
        return switch (lineType == null ? "unknown" : lineType) {
            case "mobile" -> "Mobile";
            case "landline" -> "Landline";
            case "voip" -> "VoIP";
            default -> "";
        };
    }

    private static TableColumn<ContactRow, String> chipColumn(String name, double width, java.util.function.Function<ContactRow, String> value,
                                                            String chipStyle) {
        TableColumn<ContactRow, String> column = column(name, width, value);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            {
                chip.getStyleClass().addAll("pt-chip", chipStyle);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                chip.setText(item);
                setGraphic(empty || item == null || item.isEmpty() ? null : chip);
            }
        });
        return column;
    }
}
