// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The SMS page: message list on the left; on the right the open thread with its composer, or
 * the new-message panel, under a bar that says when the open thread is not in the list.
 */
public final class SmsPage extends SplitPane {
    private final SmsPageViewModel model;
    private final ConversationListView listView;
    private final ThreadView threadView;
    private final NewMessageView newMessageView;
    private final UiSession session;

    public SmsPage(SmsPageViewModel model, UiSession session, Runnable manageInboxes, LinkOpener links) {
        this.model = model;
        this.session = session;
        getStyleClass().add("pt-sms-page");
        setId("sms-page");
        listView = new ConversationListView(model.list(), session.times(), this::startNewMessage, manageInboxes, model::open);
        threadView = new ThreadView(model.thread(), model.composer(), session.times(), model.attachments(),
                (message, position) -> new AttachmentViewer(getScene().getWindow(), new AttachmentViewerViewModel(session, links, message, position)).show(),
                links);
        newMessageView = new NewMessageView(model.newMessage(), model.composer(), session.phones(), model::cancelNewMessage);
        threadView.visibleProperty().bind(model.modeProperty().isEqualTo(SmsPageViewModel.Mode.THREAD));
        newMessageView.visibleProperty().bind(threadView.visibleProperty().not());
        StackPane panes = new StackPane(threadView, newMessageView);
        VBox.setVgrow(panes, Priority.ALWAYS);
        VBox right = new VBox(outsideTheList(model), panes);
        right.getStyleClass().add("pt-sms-right");
        getItems().addAll(listView, right);
        setDividerPositions(0.34);
        SplitPane.setResizableWithParent(listView, false);
        listView.setMinWidth(300);
        listView.setMaxWidth(520);
        // Clicking a conversation means answering it: typing goes to the composer, once the thread
        // it opens is shown (at once when it was open already). Keys keep the focus in the list.
        listView.setOnRowClicked(() -> {
            focusComposerWhenShown = true;
            session.tasks().onUiThread(this::focusComposerIfShown);
        });
        model.thread().conversationProperty().addListener((o, was, row) -> session.tasks().onUiThread(this::focusComposerIfShown));
    }

    private boolean focusComposerWhenShown;

    private void focusComposerIfShown() {
        ConversationRow shown = model.thread().conversationProperty().get();
        if (focusComposerWhenShown && shown != null && Long.valueOf(shown.id()).equals(model.list().selectedIdProperty().get())) {
            focusComposerWhenShown = false;
            threadView.composer().focusText();
        }
    }

    /** The bar over a thread that stays open while the filters or the search do not list it. */
    private static HBox outsideTheList(SmsPageViewModel model) {
        Label text = new Label("Not in the current filter");
        text.setId("outside-filter-text");
        text.setGraphic(Icons.INBOX.node(14));
        Button show = new Button("Show in list");
        show.setId("outside-filter-show");
        show.getStyleClass().add(Styles.SMALL);
        show.setOnAction(e -> model.showOpenInList());
        Button close = new Button("Close");
        close.setId("outside-filter-close");
        close.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        close.setOnAction(e -> model.closeThread());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, text, gap, show, close);
        bar.setId("outside-filter-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pt-outside-filter");
        bar.visibleProperty().bind(model.list().selectedHiddenProperty()
                .and(model.modeProperty().isEqualTo(SmsPageViewModel.Mode.THREAD))
                .and(model.thread().conversationProperty().isNotNull()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    public SmsPageViewModel model() {
        return model;
    }

    /** Ctrl+F. */
    public void focusSearch() {
        listView.focusSearch();
    }

    /** Ctrl+N or the pencil. */
    public void startNewMessage() {
        if (!session.can(org.practicetext.core.Permission.SMS_SEND)) {
            return; // Ctrl+N for a role that cannot send: the pencil is hidden too
        }
        model.startNewMessage();
        newMessageView.focusTo();
    }
}
