// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.practicetext.desktop.ui.common.Appearance;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.ThemeSwitcher;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.shell.DemoTools;
import org.practicetext.desktop.ui.shell.MainWindow;

/** The screenshot tools' window: the real {@link MainWindow} at 1280×800 in one appearance, on a stage of its own, shown. */
record TourWindow(Stage stage, MainWindow window) {
    /** Opens it on the FX thread (the toolkit started with {@link FxThread#start}). */
    static TourWindow open(UiSession session, LocalSettings settings, Appearance appearance, DemoTools tools) {
        return FxThread.call(() -> {
            settings.appearance().set(appearance);
            new ThemeSwitcher(settings.appearance());
            Stage stage = new Stage();
            MainWindow window = new MainWindow(stage, session, new SessionActions() {
                @Override
                public void signOut() {
                }

                @Override
                public void switchUser() {
                }
            }, Optional.of(tools));
            Scene scene = new Scene(window.content(), 1280, 800);
            window.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            return new TourWindow(stage, window);
        });
    }
}
