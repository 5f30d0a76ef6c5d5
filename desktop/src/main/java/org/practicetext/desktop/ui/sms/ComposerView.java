// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The composer: why it is disabled (with "Unblock" when that is the way out), a landline
 * warning, the attached files' chips, the text area (Enter sends, Shift+Enter adds a line), the
 * template and emoji tools (both insert at the caret), the paperclip, Send, and under it the
 * Unicode warning and the live counter. Files also arrive by a drop or by Ctrl+V.
 */
public final class ComposerView extends VBox {
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private final ComposerViewModel model;
    private final TextArea text = new TextArea();

    public ComposerView(ComposerViewModel model) {
        this.model = model;
        getStyleClass().add("pt-composer");

        Label reason = new Label(null, Icons.BLOCK.node(14));
        reason.setId("composer-disabled-reason");
        reason.getStyleClass().add("pt-composer-reason");
        reason.setWrapText(true);
        reason.textProperty().bind(model.disabledReasonProperty());
        Button unblock = new Button("Unblock");
        unblock.setId("composer-unblock");
        unblock.getStyleClass().addAll(Styles.SMALL);
        unblock.setOnAction(e -> model.unblock());
        unblock.visibleProperty().bind(model.unblockOfferedProperty());
        unblock.managedProperty().bind(unblock.visibleProperty());
        Region reasonGap = new Region();
        HBox.setHgrow(reasonGap, Priority.ALWAYS);
        HBox reasonBox = new HBox(10, reason, reasonGap, unblock);
        reasonBox.setAlignment(Pos.CENTER_LEFT);
        reasonBox.getStyleClass().add("pt-composer-banner");
        reasonBox.visibleProperty().bind(model.disabledReasonProperty().isNotEmpty());
        reasonBox.managedProperty().bind(reasonBox.visibleProperty());

        Label landline = new Label(null, Icons.ERROR.node(13));
        landline.setId("composer-landline");
        landline.getStyleClass().addAll("pt-composer-warning", Styles.TEXT_SMALL);
        landline.setWrapText(true);
        landline.textProperty().bind(model.landlineWarningProperty());
        landline.visibleProperty().bind(model.landlineWarningProperty().isNotEmpty());
        landline.managedProperty().bind(landline.visibleProperty());

        text.setId("composer-text");
        text.setPromptText("Type a message…");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bindBidirectional(model.textProperty());
        text.disableProperty().bind(model.disabledReasonProperty().isNotEmpty());
        text.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button send = new Button("Send", Icons.SEND.node(14));
        send.setId("composer-send");
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(e -> model.send());
        send.setMinWidth(Region.USE_PREF_SIZE);
        TemplatePicker templates = new TemplatePicker(model.templates(), this::insertAtCaret);
        EmojiPicker emoji = new EmojiPicker(model.enabledProperty(), this::insertAtCaret);
        RequestToolsMenu requests = new RequestToolsMenu(model.tools(), this::openRequestDialog);
        HBox tools = new HBox(2, templates.button(), emoji.button(), requests.button(), attachButton());
        tools.setAlignment(Pos.BOTTOM_CENTER);
        HBox input = new HBox(10, text, tools, send);
        input.setAlignment(Pos.BOTTOM_RIGHT);

        Label unicode = new Label();
        unicode.setId("composer-unicode");
        unicode.getStyleClass().addAll("pt-composer-warning", Styles.TEXT_SMALL);
        unicode.textProperty().bind(model.unicodeWarningProperty());
        Label counter = new Label();
        counter.setId("composer-counter");
        counter.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        counter.textProperty().bind(model.counterProperty());
        Label linkHint = new Label();
        linkHint.setId("composer-link-hint");
        linkHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        linkHint.textProperty().bind(model.linkHintProperty());
        linkHint.visibleProperty().bind(model.linkHintProperty().isNotEmpty());
        linkHint.managedProperty().bind(linkHint.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(8, linkHint, unicode, gap, counter);
        footer.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(reasonBox, landline, requestChip(), new AttachmentChips(model.attachments()), input, footer);
        setSpacing(6);
        text.addEventFilter(KeyEvent.KEY_PRESSED, this::onPaste);
        acceptDrops(this);
    }

    /** Request mode's chip above the text ("Payment request · $120.00 ✕"); ✕ goes back to the plain text. */
    private Node requestChip() {
        Label what = new Label(null, Icons.LINK.node(14));
        what.setId("composer-request-chip");
        what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.requestProperty().get() == null ? "" : model.requestProperty().get().chip(), model.requestProperty()));
        Button remove = new Button(null, Icons.CLOSE.node(12));
        remove.setId("composer-request-remove");
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "pt-chip-remove");
        remove.setAccessibleText("Remove the request: back to a plain text");
        remove.setTooltip(new Tooltip("Remove the request: back to a plain text"));
        remove.setOnAction(e -> model.cancelRequest());
        HBox chip = new HBox(6, what, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().addAll("pt-composer-chip", "pt-request-chip");
        chip.setMaxWidth(Region.USE_PREF_SIZE);
        chip.visibleProperty().bind(model.requestProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        return chip;
    }

    /** A tool picked in the "+" menu: its dialog, then the composer in request mode. */
    private void openRequestDialog(org.practicetext.core.RequestKind kind) {
        RequestTarget target = model.requestTarget();
        if (target == null || model.tools().settingsProperty().get() == null) {
            return;
        }
        RequestDialogs.open(kind, getScene().getWindow(), model.tools(), target).ifPresent(request -> {
            model.startRequest(request);
            text.requestFocus();
            text.positionCaret(text.getLength());
        });
    }

    /** The paperclip: the file chooser (several files at once). */
    private Button attachButton() {
        Button attach = new Button(null, Icons.ATTACH.node(16));
        attach.setId("composer-attach");
        attach.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "pt-composer-tool");
        attach.setTooltip(new Tooltip("Attach a photo or document"));
        attach.setAccessibleText("Attach a photo or document");
        attach.setFocusTraversable(false);
        attach.setOnAction(e -> model.attachments().attach(model.attachments().picker().choose(getScene().getWindow())));
        attach.visibleProperty().bind(model.attachments().availableProperty());
        attach.managedProperty().bind(attach.visibleProperty());
        return attach;
    }

    /** Files dropped on {@code target} (the composer, the thread above it) are attached. */
    public void acceptDrops(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && model.attachments().availableProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean taken = e.getDragboard().hasFiles() && model.attachments().availableProperty().get();
            if (taken) {
                model.attachments().attach(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    /** Ctrl+V of files or of an image (a screenshot) attaches them; pasting text stays the text area's. */
    private void onPaste(KeyEvent event) {
        if (!PASTE.match(event) || !model.attachments().availableProperty().get()) {
            return;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            event.consume();
            model.attachments().attach(clipboard.getFiles().stream().map(java.io.File::toPath).toList());
        } else if (clipboard.hasImage() && !clipboard.hasString()) {
            event.consume();
            model.attachments().attachPasted(PastedImage.png(clipboard.getImage()));
        }
    }

    public void focusText() {
        text.requestFocus();
    }

    /** Inserts at the caret, replacing the selection, and gives the text area the focus back. */
    private void insertAtCaret(String snippet) {
        int caret = model.insert(snippet, text.getSelection().getStart(), text.getSelection().getEnd());
        text.requestFocus();
        text.positionCaret(caret);
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        event.consume();
        if (event.isShiftDown()) {
            text.insertText(text.getCaretPosition(), "\n");
        } else {
            model.send();
        }
    }
}
