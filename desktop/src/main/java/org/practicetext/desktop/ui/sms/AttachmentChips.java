// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The composer's attached files as chips above the text: a photo's thumbnail, or a document's icon,
 * each with its name, type and size and an × to remove it (announced as "Remove report.pdf"), and
 * under them why a file was not attached. Takes no room while there is nothing to show.
 */
final class AttachmentChips extends VBox {
    static final double THUMBNAIL = 40;

    private final ComposerAttachments model;
    private final FlowPane chips = new FlowPane(6, 6);

    AttachmentChips(ComposerAttachments model) {
        super(4);
        this.model = model;
        setId("composer-attachments");
        chips.getStyleClass().add("pt-composer-chips");
        Label problem = new Label(null, Icons.ERROR.node(13));
        problem.setId("composer-attachment-problem");
        problem.getStyleClass().addAll("pt-composer-warning", Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(chips, problem);
        model.files().addListener((ListChangeListener<AttachedFile>) change -> render());
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.files()).or(model.problemProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
        render();
    }

    private void render() {
        chips.getChildren().setAll(model.files().stream().map(this::chip).toList());
        chips.setVisible(!model.files().isEmpty());
        chips.setManaged(chips.isVisible());
    }

    private Node chip(AttachedFile file) {
        Label name = new Label(file.name());
        name.getStyleClass().add("pt-attachment-name");
        name.setMaxWidth(180);
        Label detail = new Label(file.detail());
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Button remove = new Button(null, Icons.CLOSE.node(12));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "pt-chip-remove");
        remove.setAccessibleText("Remove " + file.name());
        remove.setTooltip(new javafx.scene.control.Tooltip("Remove " + file.name()));
        remove.setOnAction(e -> model.remove(file));
        HBox chip = new HBox(8, picture(file), new VBox(1, name, detail), remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().addAll("pt-attachment-chip", "pt-composer-chip");
        chip.setUserData(file);
        return chip;
    }

    /** A photo's thumbnail (loaded in the background, at chip size), else the document's icon. */
    private static Node picture(AttachedFile file) {
        if (!file.file().isPhoto() || "image/heic".equals(file.file().contentType()) || "image/heif".equals(file.file().contentType())) {
            return Icons.ATTACH.node(20);
        }
        Image image = file.file().source() != null
                ? new Image(file.file().source().toUri().toString(), THUMBNAIL * 2, THUMBNAIL * 2, true, true, true)
                : new Image(new java.io.ByteArrayInputStream(file.file().content()), THUMBNAIL * 2, THUMBNAIL * 2, true, true);
        ImageView view = new ImageView(image);
        view.setFitWidth(THUMBNAIL);
        view.setFitHeight(THUMBNAIL);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        Rectangle clip = new Rectangle(THUMBNAIL, THUMBNAIL);
        clip.setArcWidth(8);
        clip.setArcHeight(8);
        view.setClip(clip);
        view.getStyleClass().add("pt-composer-thumbnail");
        return view;
    }
}
