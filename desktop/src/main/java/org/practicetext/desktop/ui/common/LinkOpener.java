// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.net.URI;

/**
 * Opens a link in the system's browser. The composition root backs it with JavaFX's
 * {@code HostServices.showDocument}; tests record what was opened. Without one, a link is shown
 * as text the desk can copy ({@link #none()}).
 */
@FunctionalInterface
public interface LinkOpener {
    void open(URI link);

    static LinkOpener none() {
        return link -> {
        };
    }
}
