// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.desktop.ui.common.UiSession;

/** Demo mode only: type a text as a patient would send it, attach photos if you like, and the practice receives it. */
final class ReceiveTextDialog {
    private final Window owner;
    private final UiSession session;
    private final DemoTools tools;
    private final ObservableList<DemoPhotos> attached = FXCollections.observableArrayList();

    ReceiveTextDialog(Window owner, UiSession session, DemoTools tools) {
        this.owner = owner;
        this.session = session;
        this.tools = tools;
    }

    void showAndSend() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Receive a text from a patient");
        dialog.setHeaderText("Play the patient: this text arrives through the simulated carrier, like a real one.");
        TextField from = new TextField("(555) 123-4567");
        from.setId("demo-from");
        TextArea body = new TextArea("Hi! Can I move my appointment to Friday afternoon?");
        body.setId("demo-body");
        body.setWrapText(true);
        body.setPrefRowCount(3);
        GridPane grid = new GridPane(10, 10);
        grid.setPadding(new Insets(10, 0, 0, 0));
        // The labels' column never shrinks below its words (a narrow dialog cut them to "…");
        // the fields' column takes the rest of the width.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints(240, 360, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.addRow(0, new Label("From"), from);
        grid.addRow(1, new Label("Text"), body);
        grid.addRow(2, new Label("Photos"), photosRow(dialog));
        dialog.getDialogPane().setContent(grid);
        ButtonType receive = new ButtonType("Receive", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(receive, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().addAll(StyleSheets.all());
        dialog.showAndWait().filter(receive::equals).ifPresent(b -> {
            String phone = from.getText();
            String text = body.getText();
            List<DemoPhotos> files = List.copyOf(attached);
            session.tasks().run(() -> tools.receiveText(phone, text, files.stream().map(DemoPhotos::read).toList()));
        });
    }

    /** The attached photos, each with ×, and "Attach photo" (the bundled sample, or a file chosen from disk). */
    private VBox photosRow(Dialog<ButtonType> dialog) {
        VBox list = new VBox(4);
        list.setId("demo-photos");
        MenuItem sample = new MenuItem("Sample photo (insurance card)");
        sample.setId("demo-attach-sample");
        sample.setOnAction(e -> attached.add(new DemoPhotos.Sample()));
        MenuItem choose = new MenuItem("Choose a file…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Attach a photo");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Photos (JPEG, PNG, GIF)", "*.jpg", "*.jpeg", "*.png", "*.gif"));
            List<File> files = chooser.showOpenMultipleDialog(dialog.getDialogPane().getScene().getWindow());
            if (files != null) {
                files.forEach(f -> attached.add(new DemoPhotos.OnDisk(f.toPath())));
            }
        });
        MenuButton attach = new MenuButton("Attach photo…", Icons.ATTACH.node(14), sample, choose);
        attach.setId("demo-attach");
        attached.addListener((ListChangeListener<DemoPhotos>) c -> {
            list.getChildren().setAll(attached.stream().map(photo -> {
                Button remove = new Button(null, Icons.CLOSE.node(12));
                remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
                remove.setAccessibleText("Remove " + photo.name());
                remove.setOnAction(e -> attached.remove(photo));
                HBox row = new HBox(6, Icons.IMAGE.node(14), new Label(photo.name()), remove);
                row.setAlignment(Pos.CENTER_LEFT);
                return row;
            }).toList());
            list.getChildren().add(attach);
        });
        list.getChildren().add(attach);
        return list;
    }
}
