// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.util.List;

/**
 * Our style sheets, one per area, layered on the AtlantaFX theme. Each lives beside the code of
 * its area: {@code common/app.css} (the frame and the shared pieces), {@code sms/sms.css}, ….
 */
public final class StyleSheets {
    private StyleSheets() {
    }

    public static List<String> all() {
        return List.of("common/app.css", "sms/sms.css", "patients/patients.css", "settings/settings.css", "signin/signin.css",
                "privacy/privacy.css").stream()
                .map(name -> StyleSheets.class.getResource("/org/practicetext/desktop/ui/" + name).toExternalForm())
                .toList();
    }
}
