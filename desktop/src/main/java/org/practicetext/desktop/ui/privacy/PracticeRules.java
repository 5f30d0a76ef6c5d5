// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.PracticeSettingsView;

/**
 * Keeps {@code LocalSettings.practiceRules} equal to the practice's workstation rules in the
 * cache (ADR 0026): read once when the window opens, again whenever the feed brings the
 * practice's settings. A cache that has none yet leaves the defaults.
 */
public final class PracticeRules {
    private final UiSession session;

    public PracticeRules(UiSession session) {
        this.session = session;
        read();
        session.events().onChange(batch -> {
            if (batch.resynced() || batch.all(DeskChange.CommunicationSettingsChanged.class).findAny().isPresent()
                    || batch.all(DeskChange.SettingsChanged.class).findAny().isPresent()) {
                read();
            }
        });
    }

    /** Reads the rules again (off the FX thread). */
    public void read() {
        session.tasks().run(() -> session.client().requests().settings().map(PracticeSettingsView::privacy).orElse(PracticeSettingsView.Privacy.DEFAULT),
                rules -> session.settings().practiceRules().set(rules));
    }
}
