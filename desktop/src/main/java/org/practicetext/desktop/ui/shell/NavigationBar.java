// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The bottom bar on every page: the connection status on the left, the three pages in the
 * middle (SMS with its unread badge; without {@code sms.view} no SMS tab, and in its place why),
 * who is signed in on the right (the account menu).
 */
public final class NavigationBar extends HBox {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    static final String NO_SMS = "No SMS tab: your role doesn't include texting. Ask a practice admin.";

    public NavigationBar(NavigationViewModel model, StatusLineViewModel status, javafx.scene.Node account) {
        getStyleClass().add("pt-nav-bar");
        setId("nav-bar");
        ToggleGroup group = new ToggleGroup();
        HBox tabs = new HBox(4);
        tabs.setAlignment(Pos.CENTER);
        for (Page page : Page.values()) {
            ToggleButton tab = tab(page, model);
            tab.setToggleGroup(group);
            tabs.getChildren().add(tab);
            if (page == Page.SMS) {
                tab.setVisible(model.smsVisibleProperty().get());
                tab.setManaged(tab.isVisible());
                if (!tab.isVisible()) {
                    tabs.getChildren().add(noSms());
                }
            }
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });

        Region dot = new Region();
        dot.getStyleClass().add("pt-status-dot");
        Label statusText = new Label();
        statusText.setId("status-line");
        statusText.getStyleClass().addAll(Styles.TEXT_SMALL, "pt-status-text");
        statusText.textProperty().bind(status.textProperty());
        HBox statusBox = new HBox(6, dot, statusText);
        statusBox.setAlignment(Pos.CENTER_LEFT);
        statusBox.getStyleClass().add("pt-status");
        status.kindProperty().addListener((o, a, kind) -> applyStatus(statusBox, kind));
        applyStatus(statusBox, status.kindProperty().get());

        HBox whoBox = new HBox(account);
        whoBox.setAlignment(Pos.CENTER_RIGHT);

        HBox.setHgrow(statusBox, Priority.ALWAYS);
        HBox.setHgrow(whoBox, Priority.ALWAYS);
        statusBox.setPrefWidth(0);
        whoBox.setPrefWidth(0);
        getChildren().addAll(statusBox, tabs, whoBox);
        setAlignment(Pos.CENTER);
    }

    /**
     * Where the SMS tab would be, for a role without {@code sms.view}: why it is missing and
     * who to ask (the help article's "I don't see the SMS tab → review user permissions").
     */
    private static Label noSms() {
        Label why = new Label(NO_SMS);
        why.setId("sms-unavailable");
        why.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "pt-nav-no-sms");
        why.setWrapText(true);
        why.setMaxWidth(240);
        why.setTooltip(new javafx.scene.control.Tooltip(
                "The SMS tab is shown to roles that may read texts (the sms.view permission). A practice admin can change your role."));
        return why;
    }

    private static void applyStatus(HBox box, org.practicetext.desktop.sync.ConnectionState.Kind kind) {
        box.pseudoClassStateChanged(OFFLINE, kind == org.practicetext.desktop.sync.ConnectionState.Kind.OFFLINE
                || kind == org.practicetext.desktop.sync.ConnectionState.Kind.SIGNED_OUT
                || kind == org.practicetext.desktop.sync.ConnectionState.Kind.TOO_OLD);
        box.pseudoClassStateChanged(BUSY, kind == org.practicetext.desktop.sync.ConnectionState.Kind.CATCHING_UP
                || kind == org.practicetext.desktop.sync.ConnectionState.Kind.CONNECTING);
    }

    private static ToggleButton tab(Page page, NavigationViewModel model) {
        Label label = new Label(page.label());
        label.getStyleClass().add("pt-nav-label");
        StackPane iconWithBadge = new StackPane(page.icon().node(20));
        iconWithBadge.getStyleClass().add("pt-nav-icon");
        if (page == Page.SMS) {
            Label badge = new Label();
            badge.setId("sms-badge");
            badge.getStyleClass().add("pt-badge");
            badge.textProperty().bind(model.unreadBadgeProperty().map(n -> NavigationViewModel.badgeText(n.intValue())));
            badge.visibleProperty().bind(model.unreadBadgeProperty().greaterThan(0));
            badge.setMouseTransparent(true);
            StackPane.setAlignment(badge, Pos.TOP_RIGHT);
            badge.setTranslateX(14);
            badge.setTranslateY(-6);
            iconWithBadge.getChildren().add(badge);
        }
        VBox content = new VBox(2, iconWithBadge, label);
        content.setAlignment(Pos.CENTER);
        ToggleButton tab = new ToggleButton(null, content);
        tab.setId("nav-" + page.name().toLowerCase(java.util.Locale.ROOT));
        tab.getStyleClass().addAll("pt-nav-tab", Styles.FLAT);
        tab.setSelected(model.pageProperty().get() == page);
        tab.setOnAction(e -> model.show(page));
        model.pageProperty().addListener((o, a, now) -> tab.setSelected(now == page));
        return tab;
    }
}
