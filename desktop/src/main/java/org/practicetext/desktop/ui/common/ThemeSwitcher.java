// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Applies AtlantaFX's Primer theme, light or dark, for the chosen {@link Appearance}; with
 * "follow system" it tracks the operating system's colour scheme (JavaFX 22+ preferences).
 */
public final class ThemeSwitcher {
    private final ObjectProperty<Appearance> appearance;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public ThemeSwitcher(ObjectProperty<Appearance> appearance) {
        this.appearance = appearance;
        appearance.addListener((o, a, b) -> apply());
        Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> apply());
        apply();
    }

    /** True while the dark theme is on; views that draw their own accents may follow it. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private void apply() {
        boolean useDark = switch (appearance.get()) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
        dark.set(useDark);
        Application.setUserAgentStylesheet(useDark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
