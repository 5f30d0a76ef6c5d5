// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/** Who wrote a message: a team member ("user"), another system's campaign ("campaign") or the contact ("contact"). */
public enum SenderKind implements WireWord {
    /** A kind this version does not know reads as a team member: the message shows its sender's name, as before. */
    @WireWord.Fallback
    USER("user"),
    CAMPAIGN("campaign"),
    CONTACT("contact");

    private final String wire;

    SenderKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
