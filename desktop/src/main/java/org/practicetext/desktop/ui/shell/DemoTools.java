// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

/**
 * Present only when the app runs its own demo relay: lets the user play the patient and
 * "receive a text". The composition root implements it on the simulated carrier.
 */
public interface DemoTools {
    /** Delivers a text as if {@code from} had sent it to the practice. */
    void receiveText(String from, String body) throws Exception;
}
