// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import org.practicetext.desktop.ui.common.Icons;

/** The pages of the bottom navigation bar, in the order the bar shows them. */
public enum Page {
    PATIENTS("Patients", Icons.PATIENTS), SMS("SMS", Icons.SMS), SETTINGS("Settings", Icons.SETTINGS);

    private final String label;
    private final Icons icon;

    Page(String label, Icons icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    public Icons icon() {
        return icon;
    }
}
