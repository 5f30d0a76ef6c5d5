// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.patients.PatientsPage;
import org.practicetext.desktop.ui.settings.SettingsPage;
import org.practicetext.desktop.ui.sms.IncomingTextWatcher;
import org.practicetext.desktop.ui.sms.SmsPage;
import org.practicetext.desktop.ui.sms.SmsPageViewModel;

/**
 * The signed-in window: menu bar, offline banner, the current page, and the bottom navigation
 * bar with the status line. Pages are built the first time they are shown. Keyboard: Ctrl+F
 * search, Ctrl+N new message, Alt+Up/Down previous/next conversation.
 */
public final class MainWindow {
    private final Stage stage;
    private final UiSession session;
    private final NavigationViewModel navigation;
    private final StatusLineViewModel status;
    private final SmsPageViewModel sms;
    private final Toasts toasts = new Toasts();
    private final DesktopNotifier notifier;
    private final StackPane pages = new StackPane();
    private final Map<Page, Node> built = new EnumMap<>(Page.class);
    private final SessionActions sessionActions;
    private final Optional<DemoTools> demo;
    private final LinkOpener links;
    private final BorderPane root = new BorderPane();
    private final UpdateBannerViewModel updates;
    private SmsPage smsPage;
    private SettingsPage settingsPage;

    public MainWindow(Stage stage, UiSession session, SessionActions sessionActions, Optional<DemoTools> demo) {
        this(stage, session, sessionActions, demo, LinkOpener.none());
    }

    /** With {@code links} opening the update notice's download page in the browser. */
    public MainWindow(Stage stage, UiSession session, SessionActions sessionActions, Optional<DemoTools> demo, LinkOpener links) {
        this.stage = stage;
        this.session = session;
        this.sessionActions = sessionActions;
        this.demo = demo;
        this.links = links;
        this.navigation = new NavigationViewModel(session);
        this.status = new StatusLineViewModel(session);
        this.sms = new SmsPageViewModel(session);
        this.notifier = new DesktopNotifier(stage, toasts);
        if (session.tasks() instanceof FxUiTasks fx) {
            fx.setFailures(e -> toasts.show(messageOf(e), true, null));
        }
        new IncomingTextWatcher(session, stage::isFocused,
                id -> navigation.pageProperty().get() == Page.SMS && Long.valueOf(id).equals(sms.list().selectedIdProperty().get()),
                text -> notifier.announce(text, () -> openConversation(text.conversationId())));
        // What the desk must say once about its copy of the messages (ADR 0026): the unprotected key file, a recovered or rebuilt cache.
        session.client().session().takeWorkstationNotices().forEach(notice -> toasts.show(notice, true, null));
        sms.thread().noticeProperty().addListener((o, was, notice) -> toasts.show(notice.text(), false, notice.action(), notice.actionLabel()));
        sms.thread().attentiveProperty().bind(stage.focusedProperty().and(navigation.pageProperty().isEqualTo(Page.SMS)));
        navigation.pageProperty().addListener((o, a, page) -> show(page));
        // The list first, then the badge (see NavigationViewModel).
        if (sms.list().loadedProperty().get() || !navigation.smsVisibleProperty().get()) {
            navigation.refreshBadge();
        } else {
            sms.list().loadedProperty().addListener((o, was, loaded) -> navigation.refreshBadge());
        }

        root.getStyleClass().add("pt-root");
        this.updates = new UpdateBannerViewModel(session, links);
        root.setTop(new VBox(menuBar(), new UpdateBanner(updates), offlineBanner()));
        root.setCenter(pages);
        root.setBottom(new NavigationBar(navigation, status, session.me().name() + " · " + session.practice().name()));
        show(navigation.pageProperty().get());
    }

    /** The whole window's content, toasts on top. */
    public Parent content() {
        StackPane layered = new StackPane(root, toasts);
        layered.getStylesheets().addAll(StyleSheets.all());
        return layered;
    }

    /** Installs the keyboard shortcuts on the scene that shows {@link #content()}. */
    public void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), this::focusSearch);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+N"), this::newMessage);
        scene.getAccelerators().put(KeyCombination.keyCombination("Alt+Down"), () -> sms.list().selectNext());
        scene.getAccelerators().put(KeyCombination.keyCombination("Alt+Up"), () -> sms.list().selectPrevious());
    }

    /** The update notice above the pages. */
    public UpdateBannerViewModel updates() {
        return updates;
    }

    public NavigationViewModel navigation() {
        return navigation;
    }

    public SmsPageViewModel sms() {
        return sms;
    }

    /** How the window writes times (the first-screen snapshot keeps them as rendered). */
    public org.practicetext.desktop.ui.common.MessageTimes times() {
        return session.times();
    }

    public DesktopNotifier notifier() {
        return notifier;
    }

    public void openConversation(long conversationId) {
        navigation.show(Page.SMS);
        sms.open(conversationId);
    }

    private void focusSearch() {
        if (navigation.smsVisibleProperty().get()) {
            navigation.show(Page.SMS);
            smsPage.focusSearch();
        }
    }

    private void newMessage() {
        if (navigation.smsVisibleProperty().get()) {
            navigation.show(Page.SMS);
            smsPage.startNewMessage();
        }
    }

    private void show(Page page) {
        Node node = built.computeIfAbsent(page, this::build);
        pages.getChildren().setAll(node);
    }

    private Node build(Page page) {
        return switch (page) {
            case SMS -> smsPage = new SmsPage(sms, session, this::manageInboxes, links);
            case PATIENTS -> new PatientsPage(session, contact -> {
                navigation.show(Page.SMS);
                sms.textContact(contact);
            });
            case SETTINGS -> settingsPage = new SettingsPage(session, sessionActions);
        };
    }

    private void manageInboxes() {
        navigation.show(Page.SETTINGS);
        settingsPage.showInboxes();
    }

    private MenuBar menuBar() {
        MenuItem newMessage = new MenuItem("New Message");
        newMessage.setOnAction(e -> newMessage());
        MenuItem find = new MenuItem("Find Conversation");
        find.setOnAction(e -> focusSearch());
        MenuItem signOut = new MenuItem("Sign Out");
        signOut.setOnAction(e -> org.practicetext.desktop.ui.common.SignOutDialog.confirm(stage, session.client().session().signOutChoice(), sessionActions));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> stage.close());
        Menu file = new Menu("File", null, newMessage, find, new SeparatorMenuItem(), signOut, quit);
        MenuBar bar = new MenuBar(file);
        demo.ifPresent(tools -> {
            MenuItem receive = new MenuItem("Receive a text from a patient…");
            receive.setId("demo-receive-text");
            receive.setOnAction(e -> new ReceiveTextDialog(stage, session, tools).showAndSend());
            Menu demoMenu = new Menu("Demo", null, receive);
            demoMenu.setId("demo-menu");
            bar.getMenus().add(demoMenu);
        });
        bar.getStyleClass().add("pt-menu-bar");
        return bar;
    }

    private Node offlineBanner() {
        Label text = new Label("You're offline. Cached conversations stay readable; new messages wait in the outbox and go out when the connection returns.",
                Icons.CLOUD_OFF.node(16));
        text.setWrapText(true);
        HBox banner = new HBox(text);
        banner.setId("offline-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("pt-offline-banner");
        banner.visibleProperty().bind(status.offlineProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    static String messageOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? "Something went wrong: " + cause.getClass().getSimpleName() : cause.getMessage();
    }
}
