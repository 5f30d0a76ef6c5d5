// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.shell.ClientSource;
import org.practicetext.desktop.ui.shell.DesktopApp;
import org.practicetext.desktop.ui.testing.OnDiskClients;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.testkit.DemoRelayServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in screen against a real relay: a wrong password, then the right one, then sign out. */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
class SignInUITest {
    DemoRelayServer relay;
    Path data;
    DesktopApp app;
    FxUiTasks tasks;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("pt-signin-");
        relay = DemoRelayServer.start(new TestClock(Instant.parse("2026-11-02T15:00:00Z")));
        tasks = new FxUiTasks();
        Path dataRoot = data.resolve("desktop");
        ClientSource clients = OnDiskClients.at(dataRoot);
        LocalSettings settings = LocalSettings.load(null);
        new ThemeSwitcher(settings.appearance());
        app = new DesktopApp(stage, tasks, settings, clients, new RememberedAccount(dataRoot.resolve("account.properties")), Clock.systemUTC());
        app.showSignIn(relay.uri().toString(), null);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        tasks.close();
        relay.close();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    @Test
    void aWrongPasswordIsExplainedAndTheRightOneOpensTheInbox(FxRobot robot) throws Exception {
        robot.clickOn("#signin-practice").write("demo");
        robot.clickOn("#signin-username").write("jordan");
        robot.clickOn("#signin-password").write("not it");
        robot.clickOn("#signin-submit");
        Label error = robot.lookup("#signin-error").queryAs(Label.class);
        waitUntil(() -> error.isVisible() && !error.getText().isBlank());
        robot.clickOn("#signin-password").write(DemoPractice.PASSWORD);
        robot.clickOn("#signin-submit");
        waitUntil(() -> app.window() != null && robot.lookup("#conversation-list").tryQuery().isPresent()
                && !robot.lookup("#conversation-list").queryListView().getItems().isEmpty());
        waitUntil(() -> new RememberedAccount(data.resolve("desktop/account.properties")).load().isPresent());
        robot.clickOn("#nav-settings").clickOn("#settings-account");
        org.assertj.core.api.Assertions.assertThat(robot.lookup("#app-version").queryAs(Label.class).getText())
                .isEqualTo("PracticeText " + org.practicetext.desktop.AppInfo.build().version());
        robot.clickOn("#sign-out");
        org.assertj.core.api.Assertions.assertThat(robot.lookup("#sign-out-remove-copy").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("the workstation's copy stays unless asked").isFalse();
        robot.clickOn("#sign-out-confirm");
        waitUntil(() -> robot.lookup("#signin-submit").tryQuery().isPresent());
        waitUntil(() -> new RememberedAccount(data.resolve("desktop/account.properties")).load().isEmpty());
    }

    @Test
    void signingOutWithTheCopyRemovedDeletesThisWorkstationsCopy(FxRobot robot) throws Exception {
        robot.clickOn("#signin-practice").write("demo");
        robot.clickOn("#signin-username").write("jordan");
        robot.clickOn("#signin-password").write(DemoPractice.PASSWORD);
        robot.clickOn("#signin-submit");
        waitUntil(() -> app.window() != null && robot.lookup("#conversation-list").tryQuery().isPresent()
                && !robot.lookup("#conversation-list").queryListView().getItems().isEmpty());
        Path desktop = data.resolve("desktop");
        Path cache;
        try (java.util.stream.Stream<Path> folders = Files.list(desktop)) {
            cache = folders.filter(p -> Files.exists(p.resolve("cache.mv.db"))).findFirst().orElseThrow();
        }
        robot.clickOn("#account-menu").clickOn("#account-sign-out"); // the account menu asks too
        robot.clickOn("#sign-out-remove-copy").clickOn("#sign-out-confirm");
        waitUntil(() -> robot.lookup("#signin-submit").tryQuery().isPresent());
        waitUntil(() -> !Files.exists(cache));
        try (java.util.stream.Stream<Path> left = Files.list(desktop.resolve("secrets"))) {
            org.assertj.core.api.Assertions.assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(cache.getFileName().toString()));
        }
    }
}
