// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.MessageTimes;

/**
 * The left side of the SMS page: title with the pencil (new message), the search field, the
 * filter bar, the conversations, and — while searching — the messages whose text matched,
 * under their own heading, with the "n new ↑" pill while the list is scrolled down and texts
 * arrive above, and the next page asked for at the end of the scroll. It binds to
 * {@link ConversationListViewModel} and decides nothing; its ListView's own selection changes
 * count only when a person made them.
 */
public final class ConversationListView extends VBox {
    private final ConversationListViewModel model;
    private final CustomTextField search = new CustomTextField();
    private final ListView<ConversationRow> list = new ListView<>();
    private final ListView<MessageHit> hits = new ListView<>();
    private final Button pencil = new Button(null, Icons.EDIT.node(16));
    /** What the list shows: the model's rows, copied in while the list's own selection changes are ignored. */
    private final ObservableList<ConversationRow> shown = FXCollections.observableArrayList();
    private final Button newAbove = new Button();
    private Runnable onRowClicked;
    private boolean syncingSelection;
    private int unseenAbove;

    public ConversationListView(ConversationListViewModel model, MessageTimes times, Runnable newMessage, Runnable manageInboxes,
                                java.util.function.LongConsumer openConversation) {
        this.model = model;
        getStyleClass().add("pt-conversation-list");
        setId("conversation-list-pane");

        Label title = new Label("Messages");
        title.getStyleClass().add(Styles.TITLE_3);
        pencil.setId("new-message");
        pencil.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "pt-pencil");
        pencil.setTooltip(new Tooltip("New message (Ctrl+N)"));
        pencil.setAccessibleText("New message");
        pencil.setOnAction(e -> newMessage.run());
        // A role that cannot send has no new message to start: the pencil is not offered at all.
        pencil.setVisible(model.can(org.practicetext.core.Permission.SMS_SEND));
        pencil.setManaged(pencil.isVisible());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap, pencil);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pt-list-header");

        search.setId("conversation-search");
        search.setPromptText("Search name or phone  (Ctrl+F)");
        search.setLeft(Icons.SEARCH.node(14));
        search.textProperty().bindBidirectional(model.searchProperty());

        FilterBar filters = new FilterBar(model, manageInboxes);

        list.setId("conversation-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list");
        shown.setAll(model.conversations());
        list.setItems(shown);
        list.setCellFactory(l -> new ConversationCell(model, times));
        Label empty = new Label();
        empty.setId("conversation-empty");
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "pt-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyTextProperty());
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        // Only a click or a key in the list selects: replacing the rows makes the ListView select
        // whatever now sits at the old index, and that must never open a conversation.
        list.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!syncingSelection && row != null) {
                model.select(row.id());
            }
        });
        // A click on a row (not on its menu) is someone about to answer: the page moves the focus to the composer.
        list.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && onRowClicked != null && clickedRow(e.getPickResult().getIntersectedNode())) {
                onRowClicked.run();
            }
        });
        model.selectedProperty().addListener((o, a, row) -> {
            showSelection();
            if (row != null && (a == null || a.id() != row.id())) {
                reveal(row);
            }
        });
        model.conversations().addListener((ListChangeListener<ConversationRow>) change -> {
            syncingSelection = true;
            try {
                shown.setAll(model.conversations());
            } finally {
                syncingSelection = false;
            }
            showSelection();
        });

        newAbove.setId("new-above");
        newAbove.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT, "pt-new-above");
        newAbove.setVisible(false);
        newAbove.setOnAction(e -> {
            list.scrollTo(0);
            seeTop();
        });
        model.arrivalsProperty().addListener((o, was, now) -> {
            if (scrolledDown()) {
                unseenAbove += now.intValue() - was.intValue();
                newAbove.setText(unseenAbove + " new ↑");
                newAbove.setAccessibleText(unseenAbove + " new conversations above");
                newAbove.setVisible(true);
            }
        });
        list.skinProperty().addListener((o, was, skin) -> watchScroll());
        StackPane listArea = new StackPane(list, newAbove);
        StackPane.setAlignment(newAbove, Pos.TOP_CENTER);
        VBox.setVgrow(listArea, Priority.ALWAYS);

        Label truncated = new Label();
        truncated.setId("conversation-more");
        truncated.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                "Showing the " + model.conversations().size() + " most recent. Scroll down for older ones, or search or filter.",
                model.conversations()));
        truncated.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "pt-list-footer");
        truncated.setWrapText(true);
        truncated.visibleProperty().bind(model.truncatedProperty());
        truncated.managedProperty().bind(truncated.visibleProperty());

        Label hitsTitle = new Label("Messages");
        hitsTitle.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED, "pt-section-title");
        hits.setId("message-hits");
        hits.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list");
        hits.setItems(model.messageHits());
        hits.setCellFactory(l -> new MessageHitCell(times, model.settings()));
        hits.setPrefHeight(180);
        hits.getSelectionModel().selectedItemProperty().addListener((o, a, hit) -> {
            if (hit != null) {
                openConversation.accept(hit.conversationId());
            }
        });
        VBox hitsSection = new VBox(hitsTitle, hits);
        hitsSection.getStyleClass().add("pt-hits-section");
        hitsSection.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.messageHits()));
        hitsSection.managedProperty().bind(hitsSection.visibleProperty());

        VBox top = new VBox(10, header, search, filters);
        top.getStyleClass().add("pt-list-top");
        getChildren().addAll(top, listArea, truncated, hitsSection);
    }

    /** The list's scroll: at the top the "new" pill goes; at the end the next page is asked for. */
    private void watchScroll() {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.positionProperty().addListener((o, was, at) -> {
                if (at.doubleValue() <= 0) {
                    seeTop();
                }
                if (at.doubleValue() >= 1 && model.truncatedProperty().get()) {
                    model.loadMore();
                }
            });
        }
    }

    private boolean scrolledDown() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getPosition() > 0;
    }

    private void seeTop() {
        unseenAbove = 0;
        newAbove.setVisible(false);
    }

    /** Brings a newly selected row into view when it is not (a keyboard move, an open from elsewhere). */
    private void reveal(ConversationRow row) {
        int index = shown.indexOf(row);
        if (index < 0 || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null || index < first.getIndex() || index > last.getIndex()) {
            list.scrollTo(Math.max(0, index - 3));
        }
    }

    /** Ctrl+F. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Shows the model's selection in the ListView: the listed row with the selected id, or none. */
    private void showSelection() {
        Long id = model.selectedIdProperty().get();
        ConversationRow row = id == null ? null : shown.stream().filter(r -> r.id() == id).findFirst().orElse(null);
        syncingSelection = true;
        try {
            if (row == null) {
                list.getSelectionModel().clearSelection();
                // A selection model whose item left the rows keeps it at index -1, where clearing changes nothing.
                if (list.getSelectionModel().getSelectedItem() != null && !shown.isEmpty()) {
                    list.getSelectionModel().select(0);
                    list.getSelectionModel().clearSelection();
                }
            } else {
                list.getSelectionModel().select(row);
            }
        } finally {
            syncingSelection = false;
        }
    }

    /** A message whose text matched the search: who, when, and the matching words. */
    private static final class MessageHitCell extends ListCell<MessageHit> {
        private static final javafx.css.PseudoClass BLURRED = javafx.css.PseudoClass.getPseudoClass("blurred");
        private final MessageTimes times;
        private final Label who = new Label();
        private final Label when = new Label();
        private final Label snippet = new Label();
        private final VBox root;
        private final org.practicetext.desktop.ui.common.LocalSettings settings;
        private final javafx.scene.effect.GaussianBlur blur = new javafx.scene.effect.GaussianBlur(10);
        private final javafx.beans.InvalidationListener privacyChanged = o -> blurUnlessLookedAt();

        MessageHitCell(MessageTimes times, org.practicetext.desktop.ui.common.LocalSettings settings) {
            this.times = times;
            this.settings = settings;
            // The privacy screen (ADR 0026) blurs the matching text too, until the pointer is on it.
            settings.privacyScreenOn().addListener(new javafx.beans.WeakInvalidationListener(privacyChanged));
            hoverProperty().addListener(privacyChanged);
            who.getStyleClass().add(Styles.TEXT_BOLD);
            when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            snippet.getStyleClass().addAll(Styles.TEXT_MUTED, "pt-hit-snippet");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            root = new VBox(2, new HBox(6, who, gap, when), snippet);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(MessageHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            who.setText(hit.contactDisplay());
            when.setText(times.shortForm(hit.createdAt()));
            snippet.setText(hit.snippet());
            setGraphic(root);
            blurUnlessLookedAt();
        }

        private void blurUnlessLookedAt() {
            boolean hidden = !isEmpty() && getItem() != null && settings.privacyScreenOn().get() && !isHover();
            snippet.setEffect(hidden ? blur : null);
            pseudoClassStateChanged(BLURRED, hidden);
        }
    }

    /** What a click on a row does besides selecting it (the SMS page focuses the composer). */
    void setOnRowClicked(Runnable onRowClicked) {
        this.onRowClicked = onRowClicked;
    }

    /** Whether the click landed on a conversation row and not on the row's menu button. */
    private static boolean clickedRow(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.MenuButton) {
                return false;
            }
            if (n instanceof ConversationCell cell) {
                return cell.getItem() != null;
            }
        }
        return false;
    }
}
