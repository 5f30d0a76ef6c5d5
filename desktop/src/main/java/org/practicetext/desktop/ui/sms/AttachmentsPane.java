// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.LinkOpener;

/**
 * A bubble's attachments: photos as rounded thumbnails (one alone at its own shape, several in a
 * grid of squares, each sized before its picture arrives so the thread does not jump), files and
 * links as chips, and in place of what cannot be shown the reason with "Try again". A thumbnail
 * or a file chip is a button (Tab, Enter) that opens the viewer; a link chip opens the link.
 * Rebuilt when the cell shows another message or the model says a tile changed.
 */
final class AttachmentsPane extends VBox {
    private final AttachmentsViewModel model;
    private final ThumbnailImages images;
    private final BiConsumer<MessageRow, Integer> openViewer;
    private final LinkOpener links;
    private final FlowPane photos = new FlowPane(4, 4);
    private final VBox chips = new VBox(4);
    private MessageRow shown;
    private List<AttachmentTile> tiles = List.of();

    AttachmentsPane(AttachmentsViewModel model, ThumbnailImages images, BiConsumer<MessageRow, Integer> openViewer, LinkOpener links) {
        super(4);
        this.model = model;
        this.images = images;
        this.openViewer = openViewer;
        this.links = links;
        getStyleClass().add("pt-attachments");
        photos.setPrefWrapLength(2 * AttachmentTile.GRID_TILE + 4);
        photos.getStyleClass().add("pt-photo-grid");
        getChildren().addAll(photos, chips);
        model.revisionProperty().addListener((o, was, now) -> {
            if (shown != null && !shown.media().isEmpty()) {
                render();
            }
        });
    }

    /** Shows {@code message}'s attachments (none: the pane takes no room). */
    void show(MessageRow message) {
        shown = message;
        boolean any = message != null && !message.media().isEmpty();
        setVisible(any);
        setManaged(any);
        if (any) {
            render();
        } else {
            tiles = List.of();
            photos.getChildren().clear();
            chips.getChildren().clear();
        }
    }

    private void render() {
        List<AttachmentTile> next = model.tiles(shown);
        tiles = next;
        photos.getChildren().clear();
        chips.getChildren().clear();
        for (AttachmentTile tile : next) {
            if (tile.kind() == AttachmentTile.Kind.PHOTO) {
                photos.getChildren().add(thumbnail(tile));
            } else {
                chips.getChildren().add(chip(tile));
            }
        }
        show(photos, !photos.getChildren().isEmpty());
        show(chips, !chips.getChildren().isEmpty());
        model.showing(next);
    }

    /** The tiles shown now (tests read them). */
    List<AttachmentTile> tiles() {
        return tiles;
    }

    private Node thumbnail(AttachmentTile tile) {
        StackPane frame = new StackPane();
        frame.getStyleClass().add("pt-thumbnail");
        size(frame, tile.width(), tile.height());
        Rectangle clip = new Rectangle(tile.width(), tile.height());
        clip.setArcWidth(16);
        clip.setArcHeight(16);
        frame.setClip(clip);
        model.preview(tile.key()).ifPresentOrElse(bytes -> frame.getChildren().add(cropped(images.of(tile.key(), bytes), tile.width(), tile.height())),
                () -> frame.getChildren().add(Icons.IMAGE.node(28)));
        Button open = new Button(null, frame);
        open.getStyleClass().add("pt-thumbnail-button");
        open.setAccessibleText("Photo " + tile.title() + ". Open it.");
        open.setOnAction(e -> openViewer.accept(shown, tile.key().position()));
        return open;
    }

    /** The picture filling its frame, cut to the frame's shape from the middle. */
    private static ImageView cropped(Image image, double width, double height) {
        ImageView view = new ImageView(image);
        view.setSmooth(true);
        view.setFitWidth(width);
        view.setFitHeight(height);
        double iw = image.getWidth();
        double ih = image.getHeight();
        if (iw > 0 && ih > 0) {
            double scale = Math.max(width / iw, height / ih);
            double vw = width / scale;
            double vh = height / scale;
            view.setViewport(new Rectangle2D((iw - vw) / 2, (ih - vh) / 2, vw, vh));
        }
        return view;
    }

    private Node chip(AttachmentTile tile) {
        return switch (tile.kind()) {
            case FILE -> {
                Button chip = fileChip(tile.item().isImage() ? Icons.IMAGE : Icons.ATTACH, tile.title(), tile.detail());
                chip.setAccessibleText(tile.title() + ", " + tile.detail() + ". Open it.");
                chip.setOnAction(e -> openViewer.accept(shown, tile.key().position()));
                yield chip;
            }
            case SECURE_LINK -> {
                Button chip = fileChip(Icons.LINK, tile.title(), tile.detail());
                chip.getStyleClass().add("pt-secure-link-chip");
                chip.setAccessibleText(tile.title() + ", sent by secure link. " + tile.detail() + ". Open it.");
                chip.setOnAction(e -> openViewer.accept(shown, tile.key().position()));
                yield chip;
            }
            case WAITING -> {
                HBox box = new HBox(8, (tile.item().isImage() ? Icons.IMAGE : Icons.ATTACH).node(20),
                        new VBox(1, name(tile.title()), muted(tile.detail() + " · " + tile.note())));
                box.setAlignment(Pos.CENTER_LEFT);
                box.getStyleClass().addAll("pt-attachment-chip", "pt-attachment-waiting");
                yield box;
            }
            case LINK -> {
                Button chip = fileChip(Icons.LINK, tile.title(), tile.detail());
                chip.setAccessibleText("Link " + tile.title() + ". Open it in the browser.");
                chip.setOnAction(e -> {
                    try {
                        links.open(URI.create(tile.item().url()));
                    } catch (IllegalArgumentException notALink) {
                        // shown as text; nothing to open
                    }
                });
                yield chip;
            }
            case PENDING -> {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setPrefSize(16, 16);
                spinner.setMaxSize(16, 16);
                Label text = new Label(tile.title());
                text.getStyleClass().add(Styles.TEXT_MUTED);
                HBox box = new HBox(8, spinner, text);
                box.setAlignment(Pos.CENTER_LEFT);
                box.getStyleClass().addAll("pt-attachment-chip", "pt-attachment-pending");
                yield box;
            }
            default -> problem(tile);
        };
    }

    /** Unavailable on the relay, or not downloaded here: what it is, why, and "Try again" when it can help. */
    private Node problem(AttachmentTile tile) {
        Label title = new Label(tile.title(), Icons.ERROR.node(13));
        title.getStyleClass().add("pt-attachment-problem-title");
        Label note = new Label(tile.note());
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setMaxWidth(AttachmentTile.MAX_WIDTH);
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, title, note);
        if (tile.canRetry()) {
            Hyperlink again = new Hyperlink(AttachmentTile.TRY_AGAIN);
            again.getStyleClass().add("pt-attachment-retry");
            again.setOnAction(e -> model.retry(tile));
            box.getChildren().add(again);
        }
        box.getStyleClass().addAll("pt-attachment-chip", "pt-attachment-problem");
        return box;
    }

    private static Label name(String title) {
        Label name = new Label(title);
        name.getStyleClass().add("pt-attachment-name");
        name.setMaxWidth(AttachmentTile.MAX_WIDTH - 40);
        return name;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return label;
    }

    private static Button fileChip(Icons icon, String title, String detail) {
        HBox box = new HBox(8, icon.node(20), new VBox(1, name(title), muted(detail)));
        box.setAlignment(Pos.CENTER_LEFT);
        Button chip = new Button(null, box);
        chip.getStyleClass().add("pt-attachment-chip");
        chip.setAccessibleRole(AccessibleRole.BUTTON);
        return chip;
    }

    private static void size(Region region, double width, double height) {
        region.setMinSize(width, height);
        region.setPrefSize(width, height);
        region.setMaxSize(width, height);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
