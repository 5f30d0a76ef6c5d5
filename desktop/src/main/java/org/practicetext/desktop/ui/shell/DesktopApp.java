// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.time.Clock;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.StyleSheets;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.signin.SignInView;
import org.practicetext.desktop.ui.signin.SignInViewModel;

/**
 * The window's life: a start-up screen, the sign-in screen, the signed-in window; sign out and
 * switch user go back to sign-in. It owns the client that is open and closes it when replaced.
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

    public DesktopApp(Stage stage, FxUiTasks tasks, LocalSettings settings, ClientSource clients, RememberedAccount remembered, Clock clock) {
        this.stage = stage;
        this.tasks = tasks;
        this.settings = settings;
        this.clients = clients;
        this.remembered = remembered;
        this.clock = clock;
        this.scene = new Scene(starting("Starting PracticeText…"), 1280, 800);
        stage.setScene(scene);
        stage.setTitle("PracticeText");
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
        tasks.run(() -> clients.resume(known), resumed -> {
            if (resumed.isPresent()) {
                open(resumed.get(), known, Optional.empty());
            } else {
                showSignIn(known.relayUrl().toString(), known.practice());
            }
        }, e -> showSignIn(known.relayUrl().toString(), known.practice()));
    }

    /** Shows the signed-in window for an open client (demo tools only with the embedded relay). */
    public void open(DesktopClient opened, Account signedIn, Optional<DemoTools> demoTools) {
        this.client = opened;
        this.account = signedIn;
        this.demo = demoTools;
        if (demoTools.isEmpty()) {
            remembered.save(signedIn);
        }
        scene.setRoot(starting("Opening " + signedIn.practice() + "…"));
        tasks.run(() -> UiSession.open(opened, tasks, settings, clock), session -> {
            window = new MainWindow(stage, session, this, demoTools);
            scene.setRoot(window.content());
            window.installShortcuts(scene);
            stage.setTitle("PracticeText — " + session.practice().name());
        });
    }

    public void showSignIn(String relayUrl, String practice) {
        SignInViewModel model = new SignInViewModel(tasks, clients);
        if (relayUrl != null) {
            model.relayUrlProperty().set(relayUrl);
        }
        if (practice != null) {
            model.practiceProperty().set(practice);
        }
        model.setOnSignedIn((opened, who) -> open(opened, who, demo));
        scene.setRoot(new SignInView(model));
        stage.setTitle("PracticeText — Sign in");
    }

    @Override
    public void signOut() {
        DesktopClient leaving = client;
        Account was = account;
        client = null;
        window = null;
        remembered.forget();
        tasks.run(() -> {
            leaving.session().signOut();
            leaving.close();
        });
        showSignIn(was.relayUrl().toString(), was.practice());
    }

    @Override
    public void switchUser() {
        DesktopClient leaving = client;
        Account was = account;
        client = null;
        window = null;
        tasks.run(leaving::close);
        showSignIn(was.relayUrl().toString(), was.practice());
    }

    /** Closes the open client (on exit). */
    public void close() throws Exception {
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
