// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An enum constant that travels as one lower-case word ("in", "landline", "open"). The API and
 * the protocol's JSON use {@link #wire()} (the relay's tables hold the same words, except where a
 * column predates this and holds the constant's name); {@link WireWords} reads a word back, the
 * same way for every such enum.
 */
public interface WireWord {
    /** The word on the wire and in the databases. */
    String wire();

    /**
     * Marks the one constant that a word this version does not know reads as when the protocol's
     * JSON is read ({@link WireWords#fromWireOrFallback}), so a client tolerates a word that a newer relay
     * sends. An enum without one refuses an unknown word.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Fallback {
    }
}
