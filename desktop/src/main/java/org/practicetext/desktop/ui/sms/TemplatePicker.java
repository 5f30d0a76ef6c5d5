// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The templates button and its searchable pop-up: each row shows the name and the first line
 * of the body; a click (or Enter) hands the body, its placeholders filled, to {@code onPick}
 * and closes the pop-up.
 */
final class TemplatePicker {
    private final ToolPopup tool;
    private final TemplatePickerViewModel model;
    private final Consumer<String> onPick;
    private final ListView<Directory.Template> list = new ListView<>();

    TemplatePicker(TemplatePickerViewModel model, Consumer<String> onPick) {
        this.model = model;
        this.onPick = onPick;
        CustomTextField search = new CustomTextField();
        search.setId("template-search");
        search.setPromptText("Search templates");
        search.setLeft(Icons.SEARCH.node(14));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !model.shown().isEmpty()) {
                pick(model.shown().getFirst());
            } else if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        list.setItems(model.shown());
        list.setId("template-list");
        list.getStyleClass().add(Styles.DENSE);
        list.setPrefSize(320, 220);
        Label empty = new Label();
        empty.setId("template-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.textProperty().bind(model.placeholderProperty());
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new TemplateCell());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                pick(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox content = new VBox(8, search, list);
        tool = new ToolPopup("composer-templates", Icons.TEMPLATE, "Insert a template", content);
        tool.button().visibleProperty().bind(model.availableProperty());
        tool.button().managedProperty().bind(tool.button().visibleProperty());
        tool.popup().setOnShown(e -> {
            model.searchProperty().set("");
            search.requestFocus();
        });
    }

    Button button() {
        return tool.button();
    }

    private void pick(Directory.Template template) {
        tool.hide();
        onPick.accept(model.fill(template.body()));
    }

    /** Name over the muted first line; built once, filled in {@code updateItem}. */
    private final class TemplateCell extends ListCell<Directory.Template> {
        private final Label name = new Label();
        private final Label preview = new Label();
        private final VBox box = new VBox(2, name, preview);

        TemplateCell() {
            getStyleClass().add("pt-template-cell");
            name.getStyleClass().add(Styles.TEXT_BOLD);
            preview.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    pick(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Directory.Template item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            preview.setText(TemplatePickerViewModel.firstLine(item.body()));
            setGraphic(box);
        }
    }
}
