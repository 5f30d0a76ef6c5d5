// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import org.practicetext.core.WireWord;

/**
 * Answer of {@code GET /health}: the process is alive and serving HTTP. It touches nothing else
 * (a relay whose database is down is still alive; {@code GET /ready} says whether it can serve).
 */
public record HealthView(Status status) {
    /** The relay's state in one word. */
    public enum Status implements WireWord {
        OK("ok");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
