// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
import org.practicetext.desktop.ui.privacy.LockScreen;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.signin.SignInView;
import org.practicetext.desktop.ui.testing.OnDiskClients;
import org.practicetext.relay.TestClock;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.testkit.DemoRelayServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lock across the app's life (ADR 0026), on a real relay and cache on disk: an app that stops
 * while locked (its window closed from the frame) resumes locked, and "Switch user" on the lock
 * screen signs the person out, so no restart resumes as them, and shows the sign-in screen.
 */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
class LockedRestartUITest {
    DemoRelayServer relay;
    Path dataRoot;
    Path settingsFile;
    Stage stage;
    FxUiTasks tasks;
    DesktopApp app;
    Account account;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = Files.createTempDirectory("pt-locked-");
        dataRoot = root.resolve("desktop");
        settingsFile = root.resolve("settings.properties");
        relay = DemoRelayServer.start(new TestClock(Instant.parse("2026-11-02T15:00:00Z")));
        tasks = new FxUiTasks();
        new ThemeSwitcher(LocalSettings.load(null).appearance());
        account = new Account(URI.create(relay.uri().toString()), DemoPractice.SLUG, "jordan");
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                app.close();
                return null;
            }).get();
        }
        tasks.close();
        relay.close();
    }

    private DesktopApp newApp() {
        return new DesktopApp(stage, tasks, LocalSettings.load(settingsFile), OnDiskClients.at(dataRoot),
                new RememberedAccount(dataRoot.resolve("account.properties")), Clock.systemUTC());
    }

    /** Signs in on an app and locks its window. */
    private DesktopApp signedInAndLocked() throws Exception {
        DesktopClient client = DesktopClients.signIn(account, DemoPractice.PASSWORD.toCharArray(), dataRoot, Clock.systemUTC());
        DesktopApp first = WaitForAsyncUtils.asyncFx(this::newApp).get();
        WaitForAsyncUtils.asyncFx(() -> first.open(client, account, Optional.empty())).get();
        waitUntil(() -> first.window() != null && stage.getScene().getRoot() == first.window().content());
        WaitForAsyncUtils.asyncFx(() -> first.window().lock().lock()).get();
        waitUntil(() -> stage.getScene().getRoot() instanceof LockScreen);
        return first;
    }

    @Test
    void anAppThatStoppedWhileLockedResumesLocked() throws Exception {
        DesktopApp first = signedInAndLocked();
        WaitForAsyncUtils.asyncFx(() -> {
            first.close();
            return null;
        }).get();

        app = WaitForAsyncUtils.asyncFx(this::newApp).get();
        WaitForAsyncUtils.asyncFx(() -> app.resumeOrSignIn(Optional.of(account), null)).get();
        waitUntil(() -> app.window() != null && stage.getScene().getRoot() instanceof LockScreen);
        assertThat(WaitForAsyncUtils.asyncFx(() -> app.window().content().getScene()).get()).as("the window's content is not in the scene").isNull();
    }

    @Test
    void switchUserOnTheLockScreenSignsOutAndAsksWhoComesNext(FxRobot robot) throws Exception {
        app = signedInAndLocked();
        robot.clickOn("#lock-switch-user");
        waitUntil(() -> stage.getScene().getRoot() instanceof SignInView);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> OnDiskClients.at(dataRoot).resume(account).map(c -> {
            c.close();
            return false;
        }).orElse(true));
        assertThat(LocalSettings.load(settingsFile).lockedAtExit().get()).isFalse();
        assertThat(Files.isDirectory(org.practicetext.desktop.DataFolders.cacheFolder(dataRoot, account))).as("the cache stays").isTrue();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
