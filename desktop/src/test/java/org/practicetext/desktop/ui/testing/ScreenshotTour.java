// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.ui.common.Appearance;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.shell.MainWindow;
import org.practicetext.desktop.ui.shell.Page;

/**
 * Takes the screenshots in docs/screenshots: the SMS page with a conversation open, the new
 * message panel and the settings, in light and dark. Run headless (Monocle) with the test
 * classpath against the demo practice on an embedded relay; see docs/screenshots/README.md.
 */
public final class ScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        FxThread.start();
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("pt-tour-");
        DemoRelay demo = new DemoRelay(folder, "alex");
        DesktopClient client = demo.client;
        FxUiTasks tasks = new FxUiTasks();
        LocalSettings settings = LocalSettings.load(null);
        UiSession session = UiSession.open(client, tasks, settings, Clock.systemUTC());
        for (Appearance appearance : new Appearance[] {Appearance.LIGHT, Appearance.DARK}) {
            String suffix = appearance == Appearance.LIGHT ? "light" : "dark";
            TourWindow tour = TourWindow.open(session, settings, appearance, demo.tools());
            Stage[] stage = {tour.stage()};
            MainWindow[] window = {tour.window()};
            FxThread.await("conversations", 10, () -> !window[0].sms().list().conversations().isEmpty());
            long first = FxThread.call(() -> window[0].sms().list().conversations().stream()
                    .filter(r -> r.displayName().equals("Marcus Johnson")).findFirst().orElseThrow().id());
            FxThread.run(() -> window[0].openConversation(first));
            FxThread.await("thread", 10, () -> !window[0].sms().thread().messages().isEmpty());
            FxThread.run(() -> window[0].sms().composer().textProperty().set("Hi Marcus, see you at 2:15 😀"));
            FxThread.settle(600);
            FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("sms-" + suffix + ".png")));
            FxThread.run(() -> window[0].sms().startNewMessage());
            FxThread.run(() -> window[0].sms().newMessage().queryProperty().set(""));
            FxThread.settle(600);
            FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("new-message-" + suffix + ".png")));
            FxThread.run(() -> window[0].navigation().show(Page.PATIENTS));
            FxThread.settle(800);
            FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("patients-" + suffix + ".png")));
            FxThread.run(() -> window[0].navigation().show(Page.SETTINGS));
            FxThread.settle(600);
            FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("settings-" + suffix + ".png")));
            FxThread.run(() -> ((javafx.scene.control.ButtonBase) stage[0].getScene().lookup("#settings-templates")).fire());
            FxThread.await("templates", 10, () -> !((javafx.scene.control.ListView<?>) stage[0].getScene().lookup("#templates-list")).getItems().isEmpty());
            FxThread.run(() -> ((javafx.scene.control.ListView<?>) stage[0].getScene().lookup("#templates-list")).getSelectionModel().select(0));
            FxThread.settle(600);
            FxThread.run(() -> PngSnapshots.write(stage[0].getScene(), out.resolve("settings-templates-" + suffix + ".png")));
            FxThread.run(() -> stage[0].close());
        }
        Stage[] signIn = new Stage[1];
        FxThread.run(() -> {
            settings.appearance().set(Appearance.LIGHT);
            signIn[0] = new Stage();
            org.practicetext.desktop.ui.signin.SignInViewModel model = new org.practicetext.desktop.ui.signin.SignInViewModel(tasks, (a, p) -> null);
            model.relayUrlProperty().set("https://relay.brightsmile.example");
            model.practiceProperty().set("demo");
            signIn[0].setScene(new Scene(new org.practicetext.desktop.ui.signin.SignInView(model), 1280, 800));
            signIn[0].show();
        });
        FxThread.settle(600);
        FxThread.run(() -> PngSnapshots.write(signIn[0].getScene(), out.resolve("signin-light.png")));
        FxThread.run(() -> signIn[0].close());
        tasks.close();
        demo.close();
        System.exit(0);
    }
}
