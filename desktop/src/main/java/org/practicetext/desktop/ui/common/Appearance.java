// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

/** The colour scheme a user picks in Settings; {@code SYSTEM} follows the operating system. */
public enum Appearance {
    LIGHT("Light"), DARK("Dark"), SYSTEM("Follow system");

    private final String label;

    Appearance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
