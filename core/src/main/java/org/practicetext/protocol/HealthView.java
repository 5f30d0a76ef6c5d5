// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import org.practicetext.core.WireWord;

/**
 * Answer of {@code GET /health}. {@code status} is "ok", or "attention" while some verified
 * webhook keeps failing to be applied ({@code webhooksFailing} above 0).
 */
public record HealthView(Status status, long webhooksWaiting, long webhooksFailing) {
    /** The relay's state in one word. */
    public enum Status implements WireWord {
        OK("ok"),
        ATTENTION("attention");

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
