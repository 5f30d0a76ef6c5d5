// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui;

import java.util.List;

/** Our style sheets, one per area, layered on the AtlantaFX theme. */
public final class StyleSheets {
    private StyleSheets() {
    }

    public static List<String> all() {
        return List.of("app.css", "sms.css", "patients.css", "settings.css", "signin.css").stream()
                .map(name -> StyleSheets.class.getResource(name).toExternalForm())
                .toList();
    }
}
