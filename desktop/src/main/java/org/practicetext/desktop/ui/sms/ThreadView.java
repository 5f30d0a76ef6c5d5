// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.MessageTimes;

/**
 * The right side of the SMS page: header, the bubbles (kept scrolled to the newest, or in place
 * when older messages are added above; their attachments open in the viewer {@code openViewer}
 * shows), and the composer at the bottom.
 */
public final class ThreadView extends BorderPane {
    private final ListView<MessageRow> bubbles = new ListView<>();
    private final ComposerView composer;

    public ThreadView(ThreadViewModel model, ComposerViewModel composerModel, MessageTimes times, AttachmentsViewModel attachments,
                      BiConsumer<MessageRow, Integer> openViewer, LinkOpener links) {
        getStyleClass().add("pt-thread");
        Runnable showRequests = () -> RequestsDialog.show(getScene() == null ? null : getScene().getWindow(), model.requests(), model.contactLabel());
        ThreadHeader header = new ThreadHeader(model, showRequests);
        RequestActions requestActions = new RequestActions(model.requests(), showRequests);
        bubbles.setId("thread-messages");
        bubbles.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-bubbles");
        bubbles.setItems(model.messages());
        ThumbnailImages thumbnails = new ThumbnailImages();
        bubbles.setCellFactory(l -> new MessageBubbleCell(model, times, new AttachmentsPane(attachments, thumbnails, openViewer, links),
                requestActions));
        bubbles.setFocusTraversable(false);
        bubbles.getItems().addListener((ListChangeListener<MessageRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() && change.getFrom() == 0 && change.getTo() < bubbles.getItems().size() && !change.wasReplaced()) {
                    bubbles.scrollTo(change.getAddedSize());
                    return;
                }
            }
            bubbles.scrollTo(Math.max(0, bubbles.getItems().size() - 1));
        });
        // A chip or an outcome line that appears (or changes) makes bubbles taller: a reader at the newest
        // message stays there instead of seeing it pushed out of view.
        model.requests().revisionProperty().addListener((o, was, now) -> {
            if (showsNewest()) {
                bubbles.scrollTo(Math.max(0, bubbles.getItems().size() - 1)); // applied at the flow's next layout, after the cells grew
            }
        });
        composer = new ComposerView(composerModel);
        composer.acceptDrops(bubbles); // a file dropped anywhere on the thread is attached to the reply
        VBox nothingOpen = placeholder();
        nothingOpen.visibleProperty().bind(model.conversationProperty().isNull());
        javafx.scene.layout.StackPane middle = new javafx.scene.layout.StackPane(bubbles, nothingOpen);
        setTop(header);
        setCenter(middle);
        setBottom(composer);
        composer.visibleProperty().bind(model.conversationProperty().isNotNull());
        composer.managedProperty().bind(composer.visibleProperty());
        header.managedProperty().bind(header.visibleProperty());
    }

    /**
     * Whether the reader is at the newest message: the flow scrolled to its end (or nothing to scroll).
     * Read from the flow's position alone, which is safe while cells change; cells are not asked.
     */
    private boolean showsNewest() {
        if (!(bubbles.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
            return true;
        }
        return flow.getPosition() >= 0.98 || flow.getPosition() == 0 && bubbles.getItems().size() <= 1;
    }

    public ComposerView composer() {
        return composer;
    }

    private static VBox placeholder() {
        Label title = new Label("Select a conversation");
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("Pick one from the list, or start a new message with the pencil (Ctrl+N).");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox box = new VBox(10, Icons.SMS.node(40), title, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("pt-thread-placeholder");
        return box;
    }
}
