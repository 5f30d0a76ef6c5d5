// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.practicetext.core.HiddenPreviews;
import org.practicetext.core.Permission;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.MessageTimes;

/**
 * One row of the message list: avatar, name (or number), time, last message, unread count, and
 * the assignee/inbox/failure/opt-out marks and the newest open request ("Payment $120.00 · Opened"), with the row's three-dot menu. Nodes are built once;
 * {@link #updateItem} only sets texts and pseudo-classes. With the privacy screen on (ADR 0026) the
 * row shows no message text: the name and time only, or with "nothing" not even the name.
 */
final class ConversationCell extends ListCell<ConversationRow> {
    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** A row's title while the privacy screen shows "nothing": neither name nor text. */
    static final String HIDDEN_NAME = "Conversation";
    /** The preview line while the privacy screen is on: says why there is no text, shows none. */
    static final String HIDDEN_TEXT = "Message hidden";
    private static final PseudoClass TEXT_HIDDEN = PseudoClass.getPseudoClass("text-hidden");

    private final ConversationListViewModel model;
    private final MessageTimes times;
    private final Avatar avatar = new Avatar(38);
    private final Label name = new Label();
    private final Label time = new Label();
    private final Label preview = new Label();
    private final Label unread = new Label();
    private final Label failed = new Label(null, Icons.ERROR.node(14));
    private final Label optedOut = new Label("Opted out");
    private final Label blocked = new Label("Blocked");
    private final Label assignee = new Label();
    private final Label inbox = new Label();
    private final Label waiting = new Label();
    private final Label request = new Label();
    private final MenuItem markUnread = new MenuItem("Mark as Unread");
    private final MenuItem closeOrReopen = new MenuItem();
    private final MenuButton menu = new MenuButton(null, Icons.MORE.node(16), markUnread, closeOrReopen);
    /** Close/Reopen for a role without sms.send: greyed, with the reason. */
    private final MenuItem closeDenied = DeniedItem.of("Close Conversation", Permission.SMS_SEND);
    private final MenuItem reopenDenied = DeniedItem.of("Reopen Conversation", Permission.SMS_SEND);
    private final HBox root;
    /** Kept by the cell: the settings hold it weakly, so a discarded cell is not kept alive. */
    private final javafx.beans.InvalidationListener privacyChanged = o -> updateItem(getItem(), isEmpty());

    ConversationCell(ConversationListViewModel model, MessageTimes times) {
        this.model = model;
        this.times = times;
        getStyleClass().add("pt-conversation-cell");
        name.getStyleClass().add("pt-name");
        time.getStyleClass().addAll("pt-time", Styles.TEXT_SMALL);
        preview.getStyleClass().add("pt-preview");
        unread.getStyleClass().add("pt-unread-count");
        failed.getStyleClass().add("pt-failed-mark");
        failed.setTooltip(new Tooltip("The last message was not delivered"));
        optedOut.getStyleClass().addAll("pt-chip", "pt-chip-danger");
        blocked.getStyleClass().addAll("pt-chip", "pt-chip-danger");
        assignee.getStyleClass().addAll("pt-chip");
        assignee.setGraphic(Icons.PERSON.node(11));
        inbox.getStyleClass().addAll("pt-chip");
        inbox.setGraphic(Icons.INBOX.node(11));
        waiting.getStyleClass().addAll("pt-chip", "pt-chip-warning");
        request.getStyleClass().addAll("pt-chip", "pt-chip-accent", "pt-request-hint");
        request.setId("row-request-hint");
        menu.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON, Tweaks.NO_ARROW, "pt-row-menu");
        menu.setAccessibleText("Conversation actions");
        preview.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(preview, Priority.ALWAYS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, name, gap, time);
        top.setAlignment(Pos.BASELINE_LEFT);
        HBox middle = new HBox(6, preview, failed, unread);
        middle.setAlignment(Pos.CENTER_LEFT);
        HBox marks = new HBox(4, optedOut, blocked, waiting, request, assignee, inbox);
        marks.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(2, top, middle, marks);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        root = new HBox(10, avatar, text, menu);
        root.setAlignment(Pos.CENTER_LEFT);
        markUnread.setOnAction(e -> model.markUnread(getItem()));
        closeOrReopen.setOnAction(e -> {
            if (getItem().isOpen()) {
                model.close(getItem());
            } else {
                model.reopen(getItem());
            }
        });
        setPrefWidth(0);
        javafx.beans.WeakInvalidationListener weak = new javafx.beans.WeakInvalidationListener(privacyChanged);
        model.settings().privacyScreenOn().addListener(weak);
        model.settings().hiddenPreviews().addListener(weak);
    }

    @Override
    protected void updateItem(ConversationRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            pseudoClassStateChanged(UNREAD, false);
            pseudoClassStateChanged(FAILED, false);
            return;
        }
        boolean hideText = model.settings().privacyScreenOn().get();
        boolean hideName = hideText && model.settings().hiddenPreviews().get() == HiddenPreviews.NOTHING;
        avatar.show(hideName ? null : row.contactName(), row.contactId());
        name.setText(hideName ? HIDDEN_NAME : row.displayName());
        time.setText(times.shortForm(row.lastMessageAt()));
        String lead = "out".equals(row.lastDirection()) ? "You: " : "";
        preview.setText(hideText ? HIDDEN_TEXT : row.preview() == null ? "" : lead + row.preview().replace('\n', ' '));
        preview.pseudoClassStateChanged(TEXT_HIDDEN, hideText);
        unread.setText(row.unreadCount() > 99 ? "99+" : Integer.toString(row.unreadCount()));
        show(unread, row.unreadCount() > 0);
        show(failed, row.lastOutboundFailed());
        show(optedOut, row.optedOut());
        show(blocked, row.blocked());
        waiting.setText(row.waitingToSend() + " waiting");
        show(waiting, row.waitingToSend() > 0);
        request.setText(ConversationListViewModel.requestHint(row));
        show(request, row.openRequest() != null);
        assignee.setText(row.assigneeName());
        show(assignee, row.assigneeName() != null);
        inbox.setText(row.inboxName());
        show(inbox, row.inboxName() != null);
        markUnread.setDisable(row.unreadCount() > 0);
        closeOrReopen.setText(row.isOpen() ? "Close Conversation" : "Reopen Conversation");
        if (!model.can(Permission.SMS_SEND)) {
            menu.getItems().setAll(markUnread, row.isOpen() ? closeDenied : reopenDenied);
        }
        pseudoClassStateChanged(UNREAD, row.unreadCount() > 0);
        pseudoClassStateChanged(FAILED, row.lastOutboundFailed());
        setGraphic(root);
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
