// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.util.List;
import org.practicetext.protocol.SimulatedInbound;

/**
 * Present only when the app runs its own demo relay: lets the user play the patient and
 * "receive a text", with photos if they like. The composition root implements it on the simulated carrier.
 */
public interface DemoTools {
    /** Delivers a text (its body may be empty when {@code media} is not) as if {@code from} had sent it to the practice. */
    void receiveText(String from, String body, List<SimulatedInbound.File> media) throws Exception;
}
