// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.control.CheckMenuItem;
import org.practicetext.desktop.ui.common.LocalSettings;

/**
 * The privacy screen's switch, in the account menu and in Settings: it shows whether the privacy
 * screen is on (the desk's choice or the practice's rule) and changes the desk's choice; while the
 * practice's rule holds it on, it stays on and cannot be switched (ADR 0026).
 */
public final class PrivacyScreenToggle {
    private PrivacyScreenToggle() {
    }

    public static CheckMenuItem menuItem(LocalSettings settings) {
        CheckMenuItem item = new CheckMenuItem("Privacy screen");
        item.setId("account-privacy-screen");
        item.setSelected(settings.privacyScreenOn().get());
        settings.privacyScreenOn().addListener((o, was, on) -> item.setSelected(on));
        item.disableProperty().bind(settings.privacyScreenForced());
        item.setOnAction(e -> choose(settings, item.isSelected(), item::setSelected));
        return item;
    }

    public static ToggleSwitch toggleSwitch(LocalSettings settings) {
        ToggleSwitch toggle = new ToggleSwitch("Privacy screen on this workstation");
        toggle.setId("privacy-screen-switch");
        toggle.setSelected(settings.privacyScreenOn().get());
        settings.privacyScreenOn().addListener((o, was, on) -> toggle.setSelected(on));
        toggle.disableProperty().bind(settings.privacyScreenForced());
        toggle.selectedProperty().addListener((o, was, on) -> choose(settings, on, toggle::setSelected));
        return toggle;
    }

    private static void choose(LocalSettings settings, boolean on, java.util.function.Consumer<Boolean> show) {
        if (settings.privacyScreenForced().get()) {
            show.accept(true);
            return;
        }
        settings.privacyScreen().set(on);
    }
}
