// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.practicetext.desktop.ui.common.Appearance;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.shell.MainWindow;

/**
 * Holds the composer's tools on screen for a capture of the whole display under Xvfb ({@code import
 * -window root}): the "+" menu open over Anna Smith's thread, then the payment request dialog
 * filled in, then the composer in request mode. The real window and client on the demo practice
 * (its communication settings from the relay's feed), signed in as Jordan Lee. Each state is
 * announced on standard output ("READY tools-menu") and held for
 * {@code -Dpt.tour.hold} seconds (default 4).
 */
public final class RequestToolsScreenshots {
    public static void main(String[] args) throws Exception {
        long hold = Long.getLong("pt.tour.hold", 4) * 1000;
        FxThread.start();
        Path folder = Files.createTempDirectory("pt-tools-tour-");
        Path statement = Files.write(folder.resolve("statement-nov-2.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        DemoRelay demo = new DemoRelay(folder, "jordan");
        FxUiTasks tasks = new FxUiTasks();
        LocalSettings settings = LocalSettings.load(null);
        UiSession session = UiSession.open(demo.client, tasks, settings, Clock.systemUTC());
        TourWindow tour = TourWindow.open(session, settings, Appearance.LIGHT, demo.tools());
        Stage[] stage = {tour.stage()};
        MainWindow[] window = {tour.window()};
        FxThread.await("conversations", 20, () -> !window[0].sms().list().conversations().isEmpty());
        long anna = FxThread.call(() -> window[0].sms().list().conversations().stream()
                .filter(r -> r.displayName().equals("Anna Smith")).findFirst().orElseThrow().id());
        FxThread.run(() -> window[0].openConversation(anna));
        FxThread.await("the thread", 20, () -> !window[0].sms().thread().messages().isEmpty());
        FxThread.run(() -> window[0].sms().composer().tools().useDocumentPicker(owner -> List.of(statement)));
        FxThread.await("the tools", 20, () -> stage[0].getScene().lookup("#composer-tools").isVisible());
        FxThread.settle(800);
        FxThread.run(() -> ((MenuButton) stage[0].getScene().lookup("#composer-tools")).show());
        announce("tools-menu", hold);
        FxThread.run(() -> ((MenuButton) stage[0].getScene().lookup("#composer-tools")).hide());
        // The dialog waits in its own event loop: open it without waiting for it to close.
        Platform.runLater(() -> ((MenuButton) stage[0].getScene().lookup("#composer-tools")).getItems().getFirst().fire());
        FxThread.await("the payment dialog", 20, () -> dialog() != null);
        FxThread.run(() -> {
            Scene dialog = dialog();
            ((TextField) dialog.lookup("#payment-amount")).setText("120");
            ((TextField) dialog.lookup("#payment-description")).setText("Crown, visit of Nov 2");
            ((TextField) dialog.lookup("#payment-reference")).setText("INV-10482");
            ((ButtonBase) dialog.lookup("#payment-statement-choose")).fire();
        });
        FxThread.settle(800);
        announce("payment-dialog", hold);
        FxThread.run(() -> ((ButtonBase) dialog().lookup("#request-insert")).fire());
        FxThread.settle(800);
        announce("composer-request", hold);
        FxThread.run(() -> stage[0].close());
        tasks.close();
        demo.close();
        System.exit(0);
    }

    private static Scene dialog() {
        return Window.getWindows().stream().map(Window::getScene)
                .filter(s -> s != null && s.getRoot() != null && "payment-dialog".equals(s.getRoot().getId())).findFirst().orElse(null);
    }

    private static void announce(String state, long hold) throws InterruptedException {
        System.out.println("READY " + state);
        System.out.flush();
        Thread.sleep(hold);
    }
}
