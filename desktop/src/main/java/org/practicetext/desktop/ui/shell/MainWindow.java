// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.practicetext.desktop.lock.SessionLockWatcher;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.patients.PatientsPage;
import org.practicetext.desktop.ui.privacy.IdleTimer;
import org.practicetext.desktop.ui.privacy.LockScreen;
import org.practicetext.desktop.ui.privacy.LockViewModel;
import org.practicetext.desktop.ui.privacy.PracticeRules;
import org.practicetext.desktop.ui.privacy.PrivacyScreenToggle;
import org.practicetext.desktop.ui.privacy.ScreenLock;
import org.practicetext.desktop.ui.settings.SettingsPage;
import org.practicetext.desktop.ui.sms.IncomingTextWatcher;
import org.practicetext.desktop.ui.sms.SmsPage;
import org.practicetext.desktop.ui.sms.SmsPageViewModel;

/**
 * The signed-in window: menu bar, offline banner, the current page, and the bottom navigation
 * bar with the status line and the account menu. Pages are built the first time they are shown.
 * Keyboard: Ctrl+F search, Ctrl+N new message, Alt+Up/Down previous/next conversation, Ctrl+L lock.
 * The window locks (ADR 0026, {@link ScreenLock}) on Ctrl+L, from the account menu, after the
 * practice's idle minutes and when the operating system's session locks; sync, sending and the
 * models go on behind the lock screen, and a notification then names no one.
 */
public final class MainWindow {
    static final KeyCombination LOCK_KEYS = KeyCombination.keyCombination("Shortcut+L");
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
    private final LockViewModel lock;
    private final ScreenLock screenLock;
    private final SessionLockWatcher osLock;
    private Parent content;
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
        new PracticeRules(session);
        this.lock = new LockViewModel(session.tasks(), session.client().lock());
        this.notifier = new DesktopNotifier(stage, toasts, lock.lockedProperty()::get);
        IdleTimer idle = new IdleTimer(session.times()::now, () -> session.settings().practiceRules().get().lockAfterMinutes());
        this.screenLock = new ScreenLock(lock, idle, this::content, () -> new LockScreen(lock, session.practice().name(), session.me().name(),
                navigation.unreadBadgeProperty(), sessionActions::switchUser));
        lock.lockedProperty().addListener((o, was, locked) -> session.settings().lockedAtExit().set(locked));
        this.osLock = SessionLockWatcher.forThisSystem();
        osLock.start(() -> session.tasks().onUiThread(lock::lock));
        if (session.tasks() instanceof FxUiTasks fx) {
            fx.setFailures(e -> toasts.show(messageOf(e), true, null));
        }
        // Behind the lock screen the open thread is not seen: every text is announced (naming no one).
        new IncomingTextWatcher(session, () -> stage.isFocused() && !lock.lockedProperty().get(),
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
        root.setBottom(new NavigationBar(navigation, status, accountMenu()));
        show(navigation.pageProperty().get());
    }

    /** The whole window's content, toasts on top (one node: the lock takes it out of the scene and puts it back). */
    public Parent content() {
        if (content == null) {
            StackPane layered = new StackPane(root, toasts);
            layered.getStylesheets().addAll(StyleSheets.all());
            content = layered;
        }
        return content;
    }

    /** Installs the keyboard shortcuts and the lock on the scene that shows {@link #content()}. */
    public void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), unlocked(this::focusSearch));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+N"), unlocked(this::newMessage));
        scene.getAccelerators().put(KeyCombination.keyCombination("Alt+Down"), unlocked(() -> sms.list().selectNext()));
        scene.getAccelerators().put(KeyCombination.keyCombination("Alt+Up"), unlocked(() -> sms.list().selectPrevious()));
        scene.getAccelerators().put(LOCK_KEYS, lock::lock);
        screenLock.install(scene);
    }

    /** A shortcut that does nothing behind the lock screen. */
    private Runnable unlocked(Runnable action) {
        return () -> {
            if (!lock.lockedProperty().get()) {
                action.run();
            }
        };
    }

    /** The lock screen's state (tests unlock through it as the screen does). */
    public LockViewModel lock() {
        return lock;
    }

    /** The idle check the ticker runs (tests move their clock, then ask it). */
    public void checkIdle() {
        screenLock.checkIdle();
    }

    /** The window is going (signed out, switched user): its ticker and the session watcher stop. */
    public void dispose() {
        // Signed out or switched from the lock screen: no session to resume, so nothing to open locked.
        session.settings().lockedAtExit().set(false);
        stopWatching();
    }

    /** The app is closing: the ticker and the session watcher's tools stop; a lock stays noted for the next start. */
    public void stopWatching() {
        screenLock.stop();
        osLock.close();
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
        MenuItem lockNow = new MenuItem("Lock");
        lockNow.setAccelerator(LOCK_KEYS);
        lockNow.setOnAction(e -> lock.lock());
        MenuItem signOut = new MenuItem("Sign Out");
        signOut.setOnAction(e -> confirmSignOut());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> stage.close());
        Menu file = new Menu("File", null, newMessage, find, new SeparatorMenuItem(), lockNow, signOut, quit);
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

    /** Sign out, asking first whether this workstation's copy goes too (ADR 0026), wherever it is chosen. */
    private void confirmSignOut() {
        org.practicetext.desktop.ui.common.SignOutDialog.confirm(stage, session.client().session().signOutChoice(), sessionActions);
    }

    /** Who is signed in, as a menu: lock, the privacy screen, sign out. */
    private Node accountMenu() {
        MenuItem lockNow = new MenuItem("Lock", Icons.LOCK.node(14));
        lockNow.setId("account-lock");
        lockNow.setOnAction(e -> lock.lock());
        CheckMenuItem privacy = PrivacyScreenToggle.menuItem(session.settings());
        MenuItem signOut = new MenuItem("Sign Out");
        signOut.setId("account-sign-out");
        signOut.setOnAction(e -> confirmSignOut());
        MenuButton account = new MenuButton(session.me().name() + " · " + session.practice().name(), null, lockNow, privacy,
                new SeparatorMenuItem(), signOut);
        account.setId("account-menu");
        account.getStyleClass().addAll(atlantafx.base.theme.Styles.FLAT, "pt-account-menu");
        account.setPopupSide(javafx.geometry.Side.TOP);
        return account;
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

    /**
     * A failure nobody handled, as its toast says it: the relay's refusal in its own words (meant for
     * staff), anything else by its classes only, since its message may quote patient data (an H2
     * error quotes the value it could not write; ADR 0026).
     */
    static String messageOf(Throwable e) {
        for (Throwable at = e; at != null; at = at.getCause()) {
            if (at instanceof org.practicetext.desktop.RelayException relay && relay.getMessage() != null) {
                return relay.getMessage();
            }
            if (at.getCause() == at) {
                break;
            }
        }
        return "Something went wrong (" + org.practicetext.desktop.Failures.describe(e) + ").";
    }
}
