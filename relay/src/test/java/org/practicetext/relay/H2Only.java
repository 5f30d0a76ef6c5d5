// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of something only H2 has (its file, its locks, its own error texts); the PostgreSQL run
 * leaves it out ({@link StoreFilter}). {@link #value()} says why.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(H2Only.TAG)
public @interface H2Only {
    String TAG = "h2-only";

    /** Why it runs on H2 only. */
    String value();
}
