// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.Confirmation;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.StyleSheets;

/**
 * The viewer of one attachment, a window of its own over the main one: the photo fitted to the
 * window, zoom with the buttons, Ctrl+wheel or the + − 0 keys, drag (or the arrow keys) to move
 * a zoomed photo, "Save as…" and "Open with system viewer" (asked first: the copy leaves
 * PracticeText's protection). A file that is not a photo shows its name, type and size with the
 * same two ways out. Esc closes it; every button is reachable with Tab.
 */
final class AttachmentViewer {
    static final String OUTSIDE_TITLE = "Open outside PracticeText?";
    static final String OUTSIDE_WARNING = "PracticeText saves a copy of this file in a temporary folder and asks another program to open it. "
            + "Once the file leaves PracticeText, it is no longer protected by it: the other program may keep its own copy, and anyone who "
            + "can use this computer may be able to see it.";
    private static final double PAN_STEP = 60;

    private final AttachmentViewerViewModel model;
    private final Stage stage = new Stage();
    private final ImageView image = new ImageView();
    private final Pane canvas = new Pane(image);
    private final Label zoom = new Label();
    private final Label status = new Label();
    private final Button retry = new Button("Try again");
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;

    AttachmentViewer(Window owner, AttachmentViewerViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(model.title() + " — PracticeText");
        BorderPane root = new BorderPane();
        root.setId("attachment-viewer");
        root.getStyleClass().add("pt-viewer");
        root.setTop(toolbar());
        root.setCenter(center());
        Scene scene = new Scene(root, 900, 680);
        scene.getStylesheets().addAll(StyleSheets.all());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setScene(scene);
        stage.setMinWidth(480);
        stage.setMinHeight(360);
        model.scaleProperty().addListener((o, was, now) -> layoutImage());
        model.stateProperty().addListener((o, was, now) -> showState());
        model.fileProperty().addListener((o, was, file) -> showFile(file));
        status.textProperty().bind(model.statusProperty());
        showState();
    }

    /** Opens the window and starts fetching the file. */
    void show() {
        stage.show();
        stage.toFront();
        model.load();
    }

    Stage stage() {
        return stage;
    }

    private HBox toolbar() {
        Label name = new Label(model.title());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setId("viewer-title");
        Button out = iconButton("viewer-zoom-out", "−", "Zoom out (−)", model::zoomOut);
        Button fit = iconButton("viewer-fit", "Fit", "Fit to window (0)", model::fit);
        Button in = iconButton("viewer-zoom-in", "+", "Zoom in (+)", model::zoomIn);
        zoom.setId("viewer-zoom");
        zoom.setMinWidth(48);
        zoom.setAlignment(Pos.CENTER);
        HBox zoomBox = new HBox(4, out, zoom, in, fit);
        zoomBox.setAlignment(Pos.CENTER_LEFT);
        if (model.isImage()) {
            zoomBox.visibleProperty().bind(model.stateProperty().isEqualTo(AttachmentViewerViewModel.State.READY));
        } else {
            zoomBox.setVisible(false);
        }
        zoomBox.managedProperty().bind(zoomBox.visibleProperty());
        Button save = new Button("Save as…", Icons.SAVE.node(14));
        save.setId("viewer-save");
        save.setOnAction(e -> saveAs());
        Button outside = new Button("Open with system viewer", Icons.OPEN_OUTSIDE.node(14));
        outside.setId("viewer-open-outside");
        outside.setOnAction(e -> openOutside());
        save.disableProperty().bind(model.stateProperty().isNotEqualTo(AttachmentViewerViewModel.State.READY));
        outside.disableProperty().bind(save.disableProperty());
        Button close = new Button("Close");
        close.setId("viewer-close");
        close.getStyleClass().add(Styles.FLAT);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, name, gap, zoomBox, save, outside, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pt-viewer-bar");
        return bar;
    }

    private static Button iconButton(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_OUTLINED);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setOnAction(e -> action.run());
        return button;
    }

    private StackPane center() {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(canvas.widthProperty());
        clip.heightProperty().bind(canvas.heightProperty());
        canvas.setClip(clip);
        canvas.getStyleClass().add("pt-viewer-canvas");
        canvas.setId("viewer-canvas");
        image.setId("viewer-image");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        canvas.widthProperty().addListener((o, a, b) -> refit());
        canvas.heightProperty().addListener((o, a, b) -> refit());
        canvas.setOnMousePressed(e -> {
            dragX = e.getX() - panX;
            dragY = e.getY() - panY;
        });
        canvas.setOnMouseDragged(e -> {
            panX = e.getX() - dragX;
            panY = e.getY() - dragY;
            layoutImage();
        });
        canvas.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() || e.isControlDown()) {
                if (e.getDeltaY() > 0) {
                    model.zoomIn();
                } else if (e.getDeltaY() < 0) {
                    model.zoomOut();
                }
            } else {
                panX += e.getDeltaX();
                panY += e.getDeltaY();
                layoutImage();
            }
            e.consume();
        });
        status.setId("viewer-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        retry.setId("viewer-retry");
        retry.setOnAction(e -> model.load());
        VBox message = new VBox(10, status, retry);
        message.setAlignment(Pos.CENTER);
        message.setMaxWidth(420);
        message.setPickOnBounds(false);
        return new StackPane(canvas, message, fileCard());
    }

    /** What a file that is not a photo shows in the middle. */
    private VBox fileCard() {
        Label name = new Label(model.title());
        name.getStyleClass().add(Styles.TITLE_4);
        AttachmentTile tile = AttachmentTile.of(new MediaKey(0, 0), model.item(), 0, false, false);
        Label detail = new Label(tile.detail());
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        Label hint = new Label("PracticeText cannot show this kind of file. Save it, or open it with the program your computer uses for it.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox card = new VBox(10, Icons.ATTACH.node(40), name, detail, hint);
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(420);
        card.setId("viewer-file-card");
        if (model.isImage()) {
            card.setVisible(false);
        } else {
            card.visibleProperty().bind(model.stateProperty().isEqualTo(AttachmentViewerViewModel.State.READY));
        }
        return card;
    }

    private void showState() {
        AttachmentViewerViewModel.State state = model.stateProperty().get();
        retry.setVisible(state == AttachmentViewerViewModel.State.FAILED);
        retry.setManaged(retry.isVisible());
        image.setVisible(state == AttachmentViewerViewModel.State.READY && model.isImage());
    }

    private void showFile(Path file) {
        if (file == null || !model.isImage()) {
            return;
        }
        Image loaded = new Image(file.toUri().toString(), true);
        int orientation = UprightImages.orientation(file);
        loaded.progressProperty().addListener((o, was, done) -> {
            if (done.doubleValue() >= 1) {
                if (orientation != org.practicetext.core.ExifOrientation.AS_STORED && !loaded.isError()) {
                    image.setImage(UprightImages.upright(loaded, orientation)); // as the thumbnail shows it
                }
                refit();
            }
        });
        image.setImage(loaded);
        refit();
    }

    private void refit() {
        Image shown = image.getImage();
        if (shown != null) {
            model.viewport(canvas.getWidth(), canvas.getHeight(), shown.getWidth(), shown.getHeight());
        }
        layoutImage();
    }

    /** The image at the model's scale, centred, moved by the pan (kept so some of it always shows). */
    private void layoutImage() {
        Image shown = image.getImage();
        zoom.setText(model.zoomText());
        if (shown == null || shown.getWidth() <= 0) {
            return;
        }
        double w = shown.getWidth() * model.scaleProperty().get();
        double h = shown.getHeight() * model.scaleProperty().get();
        if (model.fittedProperty().get()) {
            panX = 0;
            panY = 0;
        }
        double limitX = Math.max(0, (w - canvas.getWidth()) / 2) + w / 2;
        double limitY = Math.max(0, (h - canvas.getHeight()) / 2) + h / 2;
        panX = Math.max(-limitX, Math.min(limitX, panX));
        panY = Math.max(-limitY, Math.min(limitY, panY));
        image.setFitWidth(w);
        image.setFitHeight(h);
        image.setLayoutX((canvas.getWidth() - w) / 2 + panX);
        image.setLayoutY((canvas.getHeight() - h) / 2 + panY);
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean handled = true;
        switch (code) {
            case ESCAPE -> stage.close();
            case PLUS, EQUALS, ADD -> model.zoomIn();
            case MINUS, SUBTRACT -> model.zoomOut();
            case DIGIT0, NUMPAD0 -> model.fit();
            case LEFT -> pan(PAN_STEP, 0);
            case RIGHT -> pan(-PAN_STEP, 0);
            case UP -> pan(0, PAN_STEP);
            case DOWN -> pan(0, -PAN_STEP);
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void pan(double dx, double dy) {
        if (!model.fittedProperty().get()) {
            panX += dx;
            panY += dy;
            layoutImage();
        }
    }

    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as");
        String suggested = model.suggestedFileName();
        chooser.setInitialFileName(suggested);
        int dot = suggested.lastIndexOf('.');
        if (dot > 0) {
            String ext = suggested.substring(dot + 1);
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT) + " file", List.of("*." + ext)),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
        }
        java.io.File target = chooser.showSaveDialog(stage);
        if (target != null) {
            model.saveTo(target.toPath());
        }
    }

    private void openOutside() {
        if (Confirmation.ask(stage, OUTSIDE_TITLE, OUTSIDE_WARNING, "Open")) {
            model.openOutside();
        }
    }
}
