// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.Optional;
import org.practicetext.core.ConsentChange;
import org.practicetext.protocol.ConsentRecordView;

/**
 * A contact's consent as its records say (ADR 0025): the newest opt-out or opt-in, and the newest
 * block or unblock. The contact's flags stay the state the desk acts on (they turn at once with a
 * queued action); these say where it came from.
 */
public record ConsentState(Optional<ConsentRecordView> optIn, Optional<ConsentRecordView> block) {
    public static final ConsentState NONE = new ConsentState(Optional.empty(), Optional.empty());

    /** The record that opted the contact out, when its newest opt record is an opt-out. */
    public Optional<ConsentRecordView> optedOutBy() {
        return optIn.filter(r -> r.change() == ConsentChange.OPTED_OUT);
    }

    /** The record that blocked the contact, when its newest block record is a block. */
    public Optional<ConsentRecordView> blockedBy() {
        return block.filter(r -> r.change() == ConsentChange.BLOCKED);
    }
}
