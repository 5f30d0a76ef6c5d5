// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.shell.ClientSource;
import org.practicetext.desktop.ui.shell.DesktopApp;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.testkit.DemoRelayServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation's configuration file at the sign-in screen, against a real relay: the preset
 * relay and practice are shown read-only with "Set by your IT administrator", the desk types only
 * a username and password; a file that cannot be used is explained on the screen.
 */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
class PresetSignInUITest {
    DemoRelayServer relay;
    Path data;
    DesktopApp app;
    FxUiTasks tasks;
    Stage stage;

    private ClientSource clients(Path dataRoot, MachineConfig machine) {
        return new ClientSource() {
            @Override
            public DesktopClient signIn(Account account, char[] password) throws Exception {
                return DesktopClients.signIn(account, password, dataRoot, Clock.systemUTC());
            }

            @Override
            public Optional<DesktopClient> resume(Account account) {
                return DesktopClients.resume(account, dataRoot, Clock.systemUTC());
            }

            @Override
            public MachineConfig machineConfig() {
                return machine;
            }
        };
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        data = Files.createTempDirectory("pt-preset-");
        relay = DemoRelayServer.start(new TestClock(Instant.parse("2026-11-02T15:00:00Z")));
        tasks = new FxUiTasks();
        Path file = Files.writeString(data.resolve("practicetext.properties"), "relay = " + relay.uri() + "\npractice = " + DemoPractice.SLUG + "\n");
        MachineConfig machine = MachineConfig.load(file);
        Path dataRoot = data.resolve("desktop");
        LocalSettings settings = LocalSettings.load(null);
        new ThemeSwitcher(settings.appearance());
        app = new DesktopApp(stage, tasks, settings, clients(dataRoot, machine), new RememberedAccount(dataRoot.resolve("account.properties")), Clock.systemUTC());
        // As Main does with a workstation file and no remembered account.
        app.resumeOrSignIn(Optional.empty(), machine.relay().orElseThrow().toString());
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
    void thePresetRelayAndPracticeNeedOnlyAUsernameAndPassword(FxRobot robot) throws Exception {
        TextField relayField = robot.lookup("#signin-relay").queryAs(TextField.class);
        TextField practiceField = robot.lookup("#signin-practice").queryAs(TextField.class);
        assertThat(relayField.getText()).isEqualTo(relay.uri().toString());
        assertThat(practiceField.getText()).isEqualTo(DemoPractice.SLUG);
        assertThat(relayField.isEditable()).isFalse();
        assertThat(practiceField.isEditable()).isFalse();
        Label note = robot.lookup("#signin-preset-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("Set by your IT administrator");
        assertThat(robot.lookup("#signin-machine-problem").queryAs(Label.class).isVisible()).isFalse();
        robot.clickOn("#signin-username").write("jordan");
        robot.clickOn("#signin-password").write(DemoPractice.PASSWORD);
        // Looked up before Sign in: a quick sign-in replaces the form at once.
        Label error = robot.lookup("#signin-error").queryAs(Label.class);
        robot.clickOn("#signin-submit");
        waitUntil(() -> app.window() != null || !error.getText().isBlank());
        assertThat(error.getText()).isEmpty();
        waitUntil(() -> robot.lookup("#conversation-list").tryQuery().isPresent()
                && !robot.lookup("#conversation-list").queryListView().getItems().isEmpty());
    }

    @Test
    void aFileThatCannotBeUsedIsExplainedOnTheSignInScreen(FxRobot robot) throws Exception {
        Path broken = Files.writeString(data.resolve("broken.properties"), "relay = https://relay.example.org\nrelay_url = x\n");
        robot.interact(() -> stage.setScene(new Scene(new SignInView(new SignInViewModel(tasks, clients(data.resolve("other"), MachineConfig.load(broken)))), 800, 700)));
        Label problem = robot.lookup("#signin-machine-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains(broken.toString()).contains("unknown setting \"relay_url\"").contains("IT administrator");
        assertThat(robot.lookup("#signin-relay").queryAs(TextField.class).isEditable()).isTrue();
        assertThat(robot.lookup("#signin-preset-note").queryAs(Label.class).isVisible()).isFalse();
    }
}
