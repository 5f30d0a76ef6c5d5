// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of something only PostgreSQL has (several relay nodes on one database, its
 * {@code LISTEN/NOTIFY}); the H2 run leaves it out ({@link StoreFilter}), the PostgreSQL run (which
 * CI requires) keeps it. The inverse of {@link H2Only}; {@link #value()} says why.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(PostgresOnly.TAG)
public @interface PostgresOnly {
    String TAG = "postgres-only";

    /** Why it runs on PostgreSQL only. */
    String value();
}
