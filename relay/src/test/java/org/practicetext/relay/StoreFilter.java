// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The runs' choice of tests (found by the launcher through {@code META-INF/services}): on the H2
 * run it keeps everything but {@link PostgresOnly} tests. On the PostgreSQL run it leaves
 * out {@link H2Only} tests, and without a PostgreSQL to run on it leaves out every test with one
 * message ({@link TestPostgres#SKIP_MESSAGE}), unless {@code PT_REQUIRE_POSTGRES} is set (CI),
 * when the run fails instead.
 */
public final class StoreFilter implements PostDiscoveryFilter {
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (TestStore.current() != TestStore.POSTGRES) {
            if (descriptor.getTags().contains(TestTag.create(PostgresOnly.TAG))) {
                return FilterResult.excluded("PostgreSQL only (it runs in the PostgreSQL run)");
            }
            return FilterResult.included("H2 run");
        }
        if (TestPostgres.configured().isEmpty()) {
            if (TestPostgres.required()) {
                throw new IllegalStateException("PostgreSQL tests required (" + TestPostgres.REQUIRE_ENV + " is set) but " + TestPostgres.URL_ENV
                        + " is not: start one with .ci/test-postgres.sh start; see docs/TESTING.md");
            }
            if (SAID.compareAndSet(false, true)) {
                System.err.println(TestPostgres.SKIP_MESSAGE);
            }
            return FilterResult.excluded("no PostgreSQL");
        }
        if (descriptor.getTags().contains(TestTag.create(H2Only.TAG))) {
            return FilterResult.excluded("H2 only");
        }
        return FilterResult.included("PostgreSQL run");
    }
}
