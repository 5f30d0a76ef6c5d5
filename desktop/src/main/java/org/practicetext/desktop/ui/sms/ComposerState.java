// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

/**
 * Whether the composer may send, and if not, why: the one source of {@code canSend}, the
 * tools' availability and the reason shown (the reason's words are derived from it, never the
 * other way round). The order of the checks is the order here: no recipient, then the role,
 * then a block, then an opt-out.
 */
public enum ComposerState {
    /** Nothing is addressed yet (no thread open, no number chosen). */
    NO_RECIPIENT,
    /** The role may read but not send. */
    READ_ONLY,
    /** The recipient is blocked. */
    BLOCKED,
    /** The recipient replied STOP. */
    OPTED_OUT,
    /** A recipient who may be texted. */
    READY;

    /** True when text may be written and sent (and the templates and emoji tools show). */
    public boolean open() {
        return this == READY;
    }

    /** The state for a recipient, checked in the order above. */
    static ComposerState of(boolean maySend, boolean blocked, boolean optedOut) {
        if (!maySend) {
            return READ_ONLY;
        }
        if (blocked) {
            return BLOCKED;
        }
        return optedOut ? OPTED_OUT : READY;
    }
}
