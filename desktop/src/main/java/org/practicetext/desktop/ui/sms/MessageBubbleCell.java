// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.MessageTimes;

/**
 * A message bubble. Built once; {@link #updateItem} sets texts and toggles the pseudo-classes
 * {@code :outgoing}, {@code :failed} and {@code :pending}, so the CSS decides how each looks.
 * Above an outgoing bubble: the team member's or the campaign's name. Below: time and delivery
 * status, and for a failed message the reason with Retry (and Discard for outbox failures), for a
 * team member who can reply. Retry to a known landline asks first, in the bubble ("Send anyway" /
 * "Cancel"); once clicked, Retry is gone until the new attempt has a status of its own.
 * Attachments show above the text ({@link AttachmentsPane}); a message that is only a photo has no
 * text line. A message that carries a request shows its chip under the text ({@link RequestChip}),
 * and a request's outcome is a centred line under the message it follows in time, as are consent records ({@link ConsentLines}). The first message of each day has the day above it. Showing the first row of the list asks the
 * model for older messages. With the privacy screen on (ADR 0026) the text and attachments are
 * blurred ({@code :blurred}) until the pointer is on the message or the keyboard's focus is.
 */
final class MessageBubbleCell extends ListCell<MessageRow> {
    private static final PseudoClass OUTGOING = PseudoClass.getPseudoClass("outgoing");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass CAMPAIGN = PseudoClass.getPseudoClass("campaign");
    private static final PseudoClass BLURRED = PseudoClass.getPseudoClass("blurred");

    private final ThreadViewModel model;
    private final MessageTimes times;
    private final Label day = new Label();
    private final Label sender = new Label();
    private final Label body = new Label();
    private final Label meta = new Label();
    private final Label reason = new Label(null, Icons.ERROR.node(13));
    private final Button retry = new Button("Retry");
    private final Button discard = new Button("Discard");
    private final Button sendAnyway = new Button("Send anyway");
    private final Button cancel = new Button("Cancel");
    private final HBox failureActions = new HBox(6, retry, discard, sendAnyway, cancel);
    /** The message whose landline question is showing; reset when the cell shows another message. */
    private Long asking;
    private final AttachmentsPane attachments;
    private final RequestChip request;
    private final VBox outcomes = new VBox(2);
    private final ConsentLines consent;
    /** Kept by the cell: the model holds it weakly, so a discarded cell is not kept alive by the thread. */
    private final javafx.beans.InvalidationListener requestsChanged = o -> showRequest(getItem());
    private final VBox column;
    private final HBox row;
    private final VBox dayAndRow;
    private final javafx.scene.effect.GaussianBlur blur = new javafx.scene.effect.GaussianBlur(14);
    /** Kept by the cell: the settings hold it weakly, as the requests' listener above. */
    private final javafx.beans.InvalidationListener privacyChanged = o -> blurUnlessLookedAt();

    MessageBubbleCell(ThreadViewModel model, MessageTimes times, AttachmentsPane attachments, RequestActions requestActions) {
        this.model = model;
        this.times = times;
        this.attachments = attachments;
        this.request = new RequestChip(model.requests(), requestActions);
        getStyleClass().add("pt-bubble-cell");
        sender.getStyleClass().addAll("pt-sender", Styles.TEXT_SMALL);
        body.getStyleClass().add("pt-bubble");
        body.setWrapText(true);
        // A wrapped label is otherwise laid out one line high and cut with an ellipsis.
        body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        meta.getStyleClass().addAll("pt-meta", Styles.TEXT_SMALL);
        reason.getStyleClass().addAll("pt-failure-reason", Styles.TEXT_SMALL);
        reason.setWrapText(true);
        reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        retry.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        retry.setId("retry-message");
        discard.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        sendAnyway.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        sendAnyway.setId("retry-anyway");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setId("retry-cancel");
        retry.setOnAction(e -> {
            MessageRow message = getItem();
            if (message != null && model.retryWarning(message).isPresent()) {
                asking = message.id();
                updateItem(message, false);
            } else {
                retryNow();
            }
        });
        sendAnyway.setOnAction(e -> retryNow());
        cancel.setOnAction(e -> {
            asking = null;
            updateItem(getItem(), getItem() == null);
        });
        discard.setOnAction(e -> model.discard(getItem()));
        column = new VBox(3, sender, attachments, body, request, meta, reason, failureActions);
        column.getStyleClass().add("pt-bubble-column");
        row = new HBox(column);
        row.getStyleClass().add("pt-bubble-row");
        day.getStyleClass().addAll("pt-day", Styles.TEXT_SMALL);
        day.setMaxWidth(Double.MAX_VALUE);
        outcomes.getStyleClass().add("pt-request-outcomes");
        outcomes.setAlignment(Pos.CENTER);
        consent = new ConsentLines(model, this);
        dayAndRow = new VBox(day, consent.above(), row, outcomes, consent.below());
        model.requests().revisionProperty().addListener(new javafx.beans.WeakInvalidationListener(requestsChanged));
        setPrefWidth(0);
        model.settings().privacyScreenOn().addListener(new javafx.beans.WeakInvalidationListener(privacyChanged));
        hoverProperty().addListener(privacyChanged);
        focusedProperty().addListener(privacyChanged);
        listViewProperty().addListener((o, a, list) -> {
            if (a != null) {
                a.focusedProperty().removeListener(privacyChanged);
            }
            if (list != null) {
                list.focusedProperty().addListener(privacyChanged);
                body.maxWidthProperty().bind(list.widthProperty().multiply(0.62));
                reason.maxWidthProperty().bind(list.widthProperty().multiply(0.62));
            }
        });
    }

    @Override
    protected void updateItem(MessageRow message, boolean empty) {
        super.updateItem(message, empty);
        if (empty || message == null) {
            attachments.show(null);
            request.show(null);
            consent.show();
            setGraphic(null);
            return;
        }
        if (getIndex() == 0) {
            model.loadOlder();
        }
        boolean outgoing = message.outgoing();
        boolean failed = message.failed();
        if (asking != null && asking != message.id()) {
            asking = null;
        }
        boolean canRetry = failed && outgoing && model.canReply() && !model.retrying(message);
        boolean ask = canRetry && asking != null;
        boolean campaign = "campaign".equals(message.senderKind());
        sender.setText(outgoing ? (message.senderName() == null ? "" : message.senderName()) : "");
        show(sender, outgoing && message.senderName() != null);
        body.setText(message.body());
        // A photo sent alone has no text: no empty bubble line under it.
        show(body, message.body() != null && !message.body().isBlank() || message.media().isEmpty());
        attachments.show(message);
        attachments.setAlignment(outgoing ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        String status = MessageStatusText.status(message);
        meta.setText(times.bubbleForm(message.createdAt()) + (status.isEmpty() ? "" : " · " + status));
        reason.setText(!failed ? "" : ask ? model.retryWarning(message).orElse("") : MessageStatusText.failureReason(message));
        show(reason, failed);
        show(failureActions, canRetry);
        show(retry, !ask);
        show(discard, !ask && MessageStatusText.discardable(message));
        show(sendAnyway, ask);
        show(cancel, ask);
        int index = getIndex();
        MessageRow previous = index > 0 && index <= getListView().getItems().size() ? getListView().getItems().get(index - 1) : null;
        boolean newDay = previous == null || !times.sameDay(previous.createdAt(), message.createdAt());
        day.setText(newDay ? times.dayHeading(message.createdAt()) : "");
        show(day, newDay);
        row.setAlignment(outgoing ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        column.setAlignment(outgoing ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        showRequest(message);
        consent.show();
        pseudoClassStateChanged(OUTGOING, outgoing);
        pseudoClassStateChanged(FAILED, failed);
        pseudoClassStateChanged(PENDING, outgoing && !failed && message.local());
        pseudoClassStateChanged(CAMPAIGN, campaign);
        setGraphic(dayAndRow);
        blurUnlessLookedAt();
    }

    /** The privacy screen's blur: on the text and attachments unless the pointer or the keyboard's focus is on this message. */
    private void blurUnlessLookedAt() {
        boolean lookedAt = isHover() || isFocused() && getListView() != null && getListView().isFocused();
        boolean hidden = !isEmpty() && getItem() != null && model.settings().privacyScreenOn().get() && !lookedAt;
        body.setEffect(hidden ? blur : null);
        attachments.setEffect(hidden ? blur : null);
        // A consent line can quote the patient's own text ("Opted out by texting 'Stop please'").
        consent.above().setEffect(hidden ? blur : null);
        consent.below().setEffect(hidden ? blur : null);
        pseudoClassStateChanged(BLURRED, hidden);
    }

    /**
     * The chip of the request the message carries, and the outcome lines that fall between this
     * message and the next (a payment received, a plan accepted), centred under it at their time.
     */
    private void showRequest(MessageRow message) {
        if (message == null || isEmpty() || getListView() == null) {
            return;
        }
        ThreadRequests requests = model.requests();
        request.show(message.outgoing() ? requests.forMessage(message.id()).orElse(null) : null);
        int index = getIndex();
        java.util.List<MessageRow> items = getListView().getItems();
        MessageRow next = index + 1 < items.size() ? items.get(index + 1) : null;
        java.util.List<Label> lines = requests.outcomesBetween(message.createdAt(), next == null ? null : next.createdAt()).stream().map(text -> {
            Label line = new Label(text);
            line.getStyleClass().addAll("pt-request-outcome", Styles.TEXT_SMALL);
            line.setWrapText(true);
            return line;
        }).toList();
        outcomes.getChildren().setAll(lines);
        show(outcomes, !lines.isEmpty());
    }

    /** One click, one attempt: the actions go at once, the model ignores a second call. */
    private void retryNow() {
        MessageRow message = getItem();
        asking = null;
        if (message != null) {
            show(failureActions, false);
            model.retry(message);
        }
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
