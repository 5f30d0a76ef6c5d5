// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.TestStore;

/**
 * A writer waits for a row lock (the practice's feed lock) at most ten seconds on either store,
 * so a held lock ends in a busy failure the journal retries, not in a request that never returns:
 * H2 by its URL's {@code LOCK_TIMEOUT}, PostgreSQL (which waits for ever by default) by the
 * session setting the relay gives its connections, unless the URL sets options of its own.
 */
class DatabaseLockTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultH2UrlWaitsTenSecondsForALock() {
        assertThat(Database.h2Url(dir.toString())).contains(";LOCK_TIMEOUT=10000;");
        assertThat(Database.postgresOptions(Database.h2Url(dir.toString()))).isNull();
    }

    @Test
    void postgresConnectionsWaitTenSecondsForALockUnlessTheUrlSetsItsOwnOptions() {
        assumeTrue(TestStore.current() == TestStore.POSTGRES, "a PostgreSQL session setting: the PostgreSQL run checks it");
        Map<String, String> env = TestStore.current().environment(dir);
        try (Database db = new Database(env.get("PT_DB_URL"), env.get("PT_DB_USER"), env.get("PT_DB_PASSWORD"))) {
            assertThat(lockTimeout(db)).isEqualTo("10s");
        }
        String own = env.get("PT_DB_URL") + (env.get("PT_DB_URL").contains("?") ? "&" : "?") + "options=-c%20lock_timeout=250";
        try (Database db = new Database(own, env.get("PT_DB_USER"), env.get("PT_DB_PASSWORD"))) {
            assertThat(lockTimeout(db)).isEqualTo("250ms");
        }
    }

    private static String lockTimeout(Database db) {
        return db.read(tx -> tx.queryOne("SHOW lock_timeout", rs -> rs.getString(1))).orElseThrow();
    }
}
