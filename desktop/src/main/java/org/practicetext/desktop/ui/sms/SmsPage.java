// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The SMS page: message list on the left; on the right the open thread with its composer, or
 * the new-message panel.
 */
public final class SmsPage extends SplitPane {
    private final SmsPageViewModel model;
    private final ConversationListView listView;
    private final ThreadView threadView;
    private final NewMessageView newMessageView;
    private final UiSession session;

    public SmsPage(SmsPageViewModel model, UiSession session, Runnable manageInboxes) {
        this.model = model;
        this.session = session;
        getStyleClass().add("pt-sms-page");
        setId("sms-page");
        listView = new ConversationListView(model.list(), session.times(), this::startNewMessage, manageInboxes, model::open);
        threadView = new ThreadView(model.thread(), model.composer(), session.times());
        newMessageView = new NewMessageView(model.newMessage(), model.composer(), session.phones(), model::cancelNewMessage);
        threadView.visibleProperty().bind(model.modeProperty().isEqualTo(SmsPageViewModel.Mode.THREAD));
        newMessageView.visibleProperty().bind(threadView.visibleProperty().not());
        StackPane right = new StackPane(threadView, newMessageView);
        right.getStyleClass().add("pt-sms-right");
        getItems().addAll(listView, right);
        setDividerPositions(0.34);
        SplitPane.setResizableWithParent(listView, false);
        listView.setMinWidth(300);
        listView.setMaxWidth(520);
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
