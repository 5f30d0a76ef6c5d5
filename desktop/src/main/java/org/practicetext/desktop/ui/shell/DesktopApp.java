// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.common.WindowBounds;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.signin.SignInView;
import org.practicetext.desktop.ui.signin.SignInViewModel;
import org.practicetext.desktop.ui.sms.ListSnapshot;
import org.practicetext.desktop.ui.sms.SnapshotListView;
import org.practicetext.desktop.ui.sms.SnapshotLook;

/**
 * The window's life: a start-up screen, the sign-in screen, the signed-in window; sign out and
 * switch user go back to sign-in. It owns the client that is open and closes it when replaced.
 * The window opens where it was on this workstation ({@link WindowPlacement}: never off-screen,
 * never larger than the screen) and remembers its size, position and maximised state on close.
 */
public final class DesktopApp implements SessionActions {
    private final Stage stage;
    private final FxUiTasks tasks;
    private final LocalSettings settings;
    private final ClientSource clients;
    private final RememberedAccount remembered;
    private final Clock clock;
    private final Scene scene;
    private DesktopClient client;
    private Account account;
    private Optional<DemoTools> demo = Optional.empty();
    private MainWindow window;
    private WindowBounds normal;
    private LinkOpener links = LinkOpener.none();
    /** Whether the window shows the last run's snapshot until the live rows are in. */
    private boolean showingSnapshot;
    /** A conversation clicked in the snapshot, opened once the live list is in. */
    private Long wanted;
    /** The theme, applied before the first screen that uses style sheets (a snapshot's first paint needs none). */
    private ThemeSwitcher theme;

    public DesktopApp(Stage stage, FxUiTasks tasks, LocalSettings settings, ClientSource clients, RememberedAccount remembered, Clock clock) {
        this.stage = stage;
        this.tasks = tasks;
        this.settings = settings;
        this.clients = clients;
        this.remembered = remembered;
        this.clock = clock;
        CrashReporter.install(tasks, stage);
        // Empty until the first screen is chosen: a snapshot paints without controls or style sheets (ADR 0021).
        this.scene = new Scene(new StackPane());
        stage.setScene(scene);
        stage.setTitle("PracticeText");
        place();
    }

    /** Puts the stage where the placement rule says (before it shows), and keeps track of its size and place until it closes. */
    private void place() {
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        Screen.getScreens().stream().map(Screen::getVisualBounds).filter(b -> !b.equals(screens.getFirst())).forEach(screens::add);
        WindowBounds at = WindowPlacement.place(screens, settings.window());
        Rectangle2D home = WindowPlacement.screenHolding(screens, new Rectangle2D(at.x(), at.y(), at.width(), at.height()))
                .orElse(screens.getFirst());
        Rectangle2D min = WindowPlacement.minimum(home);
        stage.setMinWidth(min.getWidth());
        stage.setMinHeight(min.getHeight());
        stage.setX(at.x());
        stage.setY(at.y());
        stage.setWidth(at.width());
        stage.setHeight(at.height());
        stage.setMaximized(at.maximized());
        normal = new WindowBounds(at.x(), at.y(), at.width(), at.height(), false);
        // Only the un-maximised bounds are worth keeping: they are what "restore" gives back after a restart.
        InvalidationListener track = o -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                normal = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> rememberPlace());
    }

    /** Saves where the window is to this workstation's settings (on close and on exit). */
    private void rememberPlace() {
        if (normal != null) {
            settings.saveWindow(new WindowBounds(normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized()));
        }
    }

    /** How links (the update notice's download page) open in the browser; the composition root gives HostServices. */
    public void setLinkOpener(LinkOpener opener) {
        this.links = opener;
    }

    /** The signed-in window, once there is one (the benchmark and tests read it). */
    public MainWindow window() {
        return window;
    }

    /** Resumes the remembered account, or asks to sign in ({@code relayUrl} pre-fills the form). */
    public void resumeOrSignIn(Optional<Account> rememberedAccount, String relayUrl) {
        if (rememberedAccount.isEmpty()) {
            showSignIn(relayUrl, null);
            return;
        }
        Account known = rememberedAccount.get();
        paintSnapshot(known);
        if (!showingSnapshot) {
            showStarting();
            resume(known);
            return;
        }
        // The snapshot paints first, alone: the cache, the theme and the logging start once it is on screen (ADR 0021).
        Runnable[] afterPaint = new Runnable[1];
        afterPaint[0] = () -> {
            if (afterPaint[0] != null) {
                Runnable listener = afterPaint[0];
                afterPaint[0] = null;
                tasks.onUiThread(() -> {
                    scene.removePostLayoutPulseListener(listener); // not from inside the pulse that calls it
                    styled();
                    resume(known);
                });
            }
        };
        scene.addPostLayoutPulseListener(afterPaint[0]);
    }

    /** The "Starting PracticeText…" screen (the embedded demo shows it while its relay starts). */
    public void showStarting() {
        styled();
        scene.setRoot(starting("Starting PracticeText…"));
    }

    /** Applies the theme once, before the first screen that uses style sheets. */
    private void styled() {
        if (theme == null) {
            theme = new ThemeSwitcher(settings.appearance());
        }
    }

    private void resume(Account known) {
        tasks.run(() -> clients.resume(known), resumed -> {
            if (resumed.isPresent()) {
                open(resumed.get(), known, Optional.empty(), settings.lockedAtExit().get());
            } else {
                forgetSnapshot(known);
                showSignIn(known.relayUrl().toString(), known.practice());
            }
        }, e -> showSignIn(known.relayUrl().toString(), known.practice()));
    }

    /** Paints the last run's SMS list from its snapshot, if there is a readable one, while the cache opens (ADR 0021). */
    private void paintSnapshot(Account known) {
        Optional<Path> file = clients.snapshotFile(known);
        // The snapshot shows names and previews: not behind the privacy screen or a lock (ADR 0026).
        if (file.isEmpty() || settings.privacyScreen().get() || settings.lockedAtExit().get()) {
            return;
        }
        try {
            Optional<ListSnapshot> snapshot = ListSnapshot.read(file.get(), clients.snapshotCipher(known).orElse(org.practicetext.desktop.secrets.FileCipher.NONE));
            if (snapshot.isEmpty() || snapshot.get().rows().isEmpty()) {
                return;
            }
            double width = stage.getWidth() > 0 ? stage.getWidth() : snapshot.get().width();
            double height = stage.getHeight() > 0 ? stage.getHeight() : snapshot.get().height();
            scene.setRoot(new SnapshotListView(snapshot.get(), id -> wanted = id, width, height));
            showingSnapshot = true;
        } catch (ListSnapshot.Unreadable | RuntimeException e) {
            // A snapshot that does not open (or whose key the secret store did not give) is only a slower start.
            String why = e instanceof ListSnapshot.Unreadable ? e.getMessage() : e.getClass().getSimpleName();
            org.slf4j.LoggerFactory.getLogger(DesktopApp.class).warn("First-screen snapshot ignored ({}); opening the cache first", why);
        }
    }

    /** Saves what the SMS list shows now, for the next start's first paint. */
    private void saveSnapshot() {
        if (window == null || account == null || !window.sms().list().loadedProperty().get()) {
            return;
        }
        if (settings.privacyScreenOn().get()) {
            // Previews the privacy screen hides are not kept in a file for the next start either.
            forgetSnapshot(account);
            return;
        }
        Optional<org.practicetext.desktop.secrets.FileCipher> cipher = clients.snapshotCipher(account);
        clients.snapshotFile(account).filter(f -> cipher.isPresent()).ifPresent(file -> {
            try {
                ListSnapshot.of(window.sms().list(), window.times(), stage.getWidth(), stage.getHeight(), SnapshotLook.capture(scene.getRoot()))
                        .write(file, cipher.get());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DesktopApp.class).warn("First-screen snapshot not saved ({})", e.getClass().getSimpleName());
            }
        });
    }

    private void forgetSnapshot(Account who) {
        if (who != null) {
            clients.snapshotFile(who).ifPresent(ListSnapshot::delete);
        }
    }

    /** Shows the signed-in window for an open client (demo tools only with the embedded relay). */
    public void open(DesktopClient opened, Account signedIn, Optional<DemoTools> demoTools) {
        open(opened, signedIn, demoTools, false);
    }

    /**
     * Shows the signed-in window, locked at once when {@code locked} (a session resumed after the
     * app stopped while locked: a restart passes no lock). A sign-in with the password opens unlocked.
     */
    private void open(DesktopClient opened, Account signedIn, Optional<DemoTools> demoTools, boolean locked) {
        this.client = opened;
        this.account = signedIn;
        this.demo = demoTools;
        if (demoTools.isEmpty()) {
            remembered.save(signedIn);
        }
        styled();
        if (!showingSnapshot) {
            scene.setRoot(starting("Opening " + signedIn.practice() + "…"));
        }
        tasks.run(() -> UiSession.open(opened, tasks, settings, clock), session -> {
            MainWindow built = new MainWindow(stage, session, this, demoTools, links);
            window = built;
            if (locked) {
                built.lock().lock();
            }
            stage.setTitle("PracticeText — " + session.practice().name());
            // Over a snapshot, the live window replaces it once its list is loaded: no empty list in between.
            if (!showingSnapshot || built.sms().list().loadedProperty().get()) {
                showLive(built);
            } else {
                built.sms().list().loadedProperty().addListener((o, was, loaded) -> {
                    if (loaded && window == built && showingSnapshot) {
                        showLive(built);
                    }
                });
            }
        });
    }

    private void showLive(MainWindow built) {
        showingSnapshot = false;
        scene.setRoot(built.content());
        built.installShortcuts(scene);
        Long clicked = wanted;
        wanted = null;
        if (clicked != null && built.sms().list().conversations().stream().anyMatch(r -> r.id() == clicked)) {
            built.openConversation(clicked);
        }
    }

    public void showSignIn(String relayUrl, String practice) {
        showingSnapshot = false;
        wanted = null;
        styled();
        SignInViewModel model = new SignInViewModel(tasks, clients, links);
        if (relayUrl != null) {
            model.relayUrlProperty().set(relayUrl);
        }
        if (practice != null) {
            model.practiceProperty().set(practice);
        }
        model.setOnSignedIn((opened, who) -> open(opened, who, demo));
        scene.setRoot(new SignInView(model));
        model.checkRelay();
        stage.setTitle("PracticeText — Sign in");
    }

    @Override
    public void signOut() {
        signOut(false);
    }

    @Override
    public void signOut(boolean removeCopy) {
        DesktopClient leaving = client;
        Account was = account;
        client = null;
        disposeWindow();
        forgetSnapshot(was);
        remembered.forget();
        tasks.run(() -> {
            leaving.session().signOut(removeCopy);
            leaving.close();
        });
        showSignIn(was.relayUrl().toString(), was.practice());
    }

    /**
     * Signs the person out (their token is forgotten here and on the relay, so the next start
     * cannot resume as them) and keeps the cache for the next sign-in; the sign-in screen asks who
     * comes next. The lock screen's "Switch user" is this: no one passes a lock by restarting the app.
     */
    @Override
    public void switchUser() {
        signOut(false); // the practice's rule to remove the copy still applies (LiveSession.signOut)
    }

    private void disposeWindow() {
        if (window != null) {
            window.dispose();
        }
        window = null;
    }

    /** Closes the open client (on exit). */
    public void close() throws Exception {
        rememberPlace();
        saveSnapshot();
        if (window != null) {
            window.stopWatching();
        }
        if (client != null) {
            client.close();
        }
    }

    private static Parent starting(String text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        Label label = new Label(text);
        VBox box = new VBox(14, spinner, label);
        box.setAlignment(Pos.CENTER);
        box.getStylesheets().addAll(StyleSheets.all());
        box.getStyleClass().add("pt-signin");
        return box;
    }
}
