// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.ui.common.Appearance;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.shell.MainWindow;
import org.practicetext.desktop.ui.shell.Page;
import org.practicetext.desktop.ui.signin.SignInView;
import org.practicetext.desktop.ui.signin.SignInViewModel;
import org.practicetext.relay.demo.DemoPractice;

/**
 * Takes the Settings → Team pictures in docs/screenshots (Team, Add member with the one-time
 * password shown, Account with Change password, Numbers, and the first sign-in's Choose your
 * password) of the real window against the demo practice, signed in as its admin. Run it with
 * the test classpath, headless (Monocle, as {@link ScreenshotTour}) or on a display (Xvfb).
 */
public final class TeamScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        FxThread.start();
        Path folder = Files.createTempDirectory("pt-team-tour-");
        DemoRelay demo = new DemoRelay(folder, "alex");
        FxUiTasks tasks = new FxUiTasks();
        LocalSettings settings = LocalSettings.load(null);
        UiSession session = UiSession.open(demo.client, tasks, settings, Clock.systemUTC());
        TourWindow tour = TourWindow.open(session, settings, Appearance.LIGHT, demo.tools());
        Stage[] stage = {tour.stage()};
        MainWindow[] window = {tour.window()};
        FxThread.await("conversations", 20, () -> !window[0].sms().list().conversations().isEmpty());
        FxThread.run(() -> window[0].navigation().show(Page.SETTINGS));
        FxThread.run(() -> fire(stage[0], "#settings-team"));
        FxThread.await("the team", 20, () -> !((ListView<?>) stage[0].getScene().lookup("#team-list")).getItems().isEmpty());
        FxThread.run(() -> ((ListView<?>) stage[0].getScene().lookup("#team-list")).getSelectionModel().select(1));
        FxThread.settle(600);
        FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("settings-team-light.png")));
        FxThread.run(() -> {
            ((TextField) stage[0].getScene().lookup("#team-username")).setText("rita");
            ((TextField) stage[0].getScene().lookup("#team-name")).setText("Rita Reception");
            fire(stage[0], "#team-add");
        });
        FxThread.await("the one-time password", 20, () -> !((Label) stage[0].getScene().lookup("#team-secret")).getText().isBlank());
        String secret = FxThread.call(() -> ((Label) stage[0].getScene().lookup("#team-secret")).getText());
        FxThread.settle(800);
        FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("settings-team-added-light.png")));
        // -Dpt.tour.hold=SECONDS keeps this page on screen, e.g. for a capture of the whole display under Xvfb.
        Thread.sleep(Long.getLong("pt.tour.hold", 0) * 1000);
        FxThread.run(() -> fire(stage[0], "#settings-numbers"));
        FxThread.await("the numbers", 20, () -> !((ListView<?>) stage[0].getScene().lookup("#numbers-list")).getItems().isEmpty());
        FxThread.settle(600);
        FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("settings-numbers-light.png")));
        FxThread.run(() -> {
            fire(stage[0], "#settings-account");
            ((TextField) stage[0].getScene().lookup("#account-current-password")).setText(DemoPractice.PASSWORD);
            ((TextField) stage[0].getScene().lookup("#account-new-password")).setText("short");
        });
        FxThread.settle(600);
        FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("settings-account-light.png")));

        Path ritaData = folder.resolve("rita");
        SignInViewModel[] model = new SignInViewModel[1];
        Stage[] signIn = new Stage[1];
        FxThread.run(() -> {
            model[0] = new SignInViewModel(tasks, (account, password) -> DesktopClients.signIn(account, password, ritaData, Clock.systemUTC()));
            model[0].relayUrlProperty().set(demo.relay.uri().toString());
            model[0].practiceProperty().set(DemoPractice.SLUG);
            model[0].usernameProperty().set("rita");
            model[0].passwordProperty().set(secret);
            signIn[0] = new Stage();
            signIn[0].setScene(new Scene(new SignInView(model[0]), 1280, 800));
            signIn[0].show();
            model[0].signIn();
        });
        FxThread.await("the choose-password step", 20, () -> model[0].choosingProperty().get());
        FxThread.run(() -> model[0].newPasswordProperty().set("sunny-molar-2026"));
        FxThread.settle(600);
        FxThread.run(() -> PngSnapshots.write(signIn[0].getScene(), out.resolve("signin-choose-password-light.png")));
        FxThread.run(() -> {
            signIn[0].close();
            stage[0].close();
        });
        tasks.close();
        demo.close();
        System.exit(0);
    }

    private static void fire(Stage stage, String id) {
        ((ButtonBase) stage.getScene().lookup(id)).fire();
    }
}
