// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.practicetext.core.Role;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.shell.ClientSource;
import org.practicetext.desktop.ui.shell.DesktopApp;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.testing.OnDiskClients;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.testkit.DemoRelayServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A practice admin adds a receptionist from the app while the relay serves other practices: the
 * real window signs in as the demo's admin, Settings → Team adds Rita with a one-time password,
 * then Rita signs in with it on the same window, chooses her own password and reaches the inbox.
 * Another practice's desk follows its own feed on the same relay all along and never sees her.
 */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
class TeamUITest {
    private static final String OTHER = "other-clinic";
    DemoRelayServer relay;
    Path data;
    DesktopApp app;
    FxUiTasks tasks;
    DesktopClient otherDesk;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("pt-team-ui-");
        relay = DemoRelayServer.start(new TestClock(Instant.parse("2026-11-02T15:00:00Z")));
        var tenancy = relay.server().tenancy();
        tenancy.createPractice(OTHER, "Other Clinic", "US", "America/Denver");
        tenancy.addNumber(OTHER, "+15550109999", null);
        tenancy.createUser(OTHER, "olga", "Olga Other", Role.ADMIN, "other clinic password");
        otherDesk = DesktopClients.signIn(new Account(relay.uri(), OTHER, "olga"), "other clinic password".toCharArray(),
                data.resolve("other"), Clock.systemUTC());
        tasks = new FxUiTasks();
        Path dataRoot = data.resolve("desktop");
        ClientSource clients = OnDiskClients.at(dataRoot);
        LocalSettings settings = LocalSettings.load(null);
        new ThemeSwitcher(settings.appearance());
        app = new DesktopApp(stage, tasks, settings, clients, new RememberedAccount(dataRoot.resolve("account.properties")), Clock.systemUTC());
        app.showSignIn(relay.uri().toString(), DemoPractice.SLUG);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        tasks.close();
        otherDesk.close();
        relay.close();
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within 20 s: " + what, e);
        }
    }

    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private void signIn(FxRobot robot, String username, String password) throws Exception {
        waitUntil("the sign-in form", () -> robot.lookup("#signin-username").tryQuery().isPresent());
        type(robot, "#signin-username", username);
        type(robot, "#signin-password", password);
        robot.clickOn("#signin-submit");
    }

    private boolean inboxShowing(FxRobot robot) {
        return app.window() != null && robot.lookup("#conversation-list").tryQuery().isPresent()
                && !robot.lookup("#conversation-list").queryListView().getItems().isEmpty();
    }

    @Test
    void anAdminAddsAReceptionistWhoSignsInWithTheOneTimePasswordAndChoosesHerOwn(FxRobot robot) throws Exception {
        signIn(robot, "alex", DemoPractice.PASSWORD);
        waitUntil("alex's inbox", () -> inboxShowing(robot));
        robot.clickOn("#nav-settings").clickOn("#settings-team");
        waitUntil("the team list", () -> !robot.lookup("#team-list").queryListView().getItems().isEmpty());
        type(robot, "#team-username", "rita");
        type(robot, "#team-name", "Rita Reception");
        robot.clickOn("#team-add");
        Label secret = robot.lookup("#team-secret").queryAs(Label.class);
        waitUntil("the one-time password", () -> secret.isVisible() && !secret.getText().isBlank());
        String oneTime = secret.getText();
        waitUntil("rita listed as invited", () -> robot.lookup("#team-list").queryListView().getItems().stream()
                .anyMatch(m -> m instanceof org.practicetext.protocol.TeamMemberView v && v.username().equals("rita") && v.status().equals("invited")));

        robot.clickOn("#settings-account").clickOn("#sign-out").clickOn("#sign-out-confirm");
        signIn(robot, "rita", oneTime);
        waitUntil("the choose-password step", () -> robot.lookup("#signin-choose").query().isVisible());
        assertThat(app.window()).isNull();
        robot.clickOn("#signin-new-password").write("sunny-molar-2026");
        robot.clickOn("#signin-confirm-password").write("sunny-molar-2026");
        robot.clickOn("#signin-choose-submit");

        waitUntil("rita's inbox", () -> inboxShowing(robot));
        assertThat(app.window()).isNotNull();
        waitUntil("the other practice's desk online", () -> otherDesk.session().connection().kind() == ConnectionState.Kind.ONLINE);
        assertThat(otherDesk.directory().team()).extracting(Directory.TeamMember::username).containsExactly("olga");
    }
}
