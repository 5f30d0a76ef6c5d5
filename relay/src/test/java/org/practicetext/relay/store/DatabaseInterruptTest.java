// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.relay.H2Only;

/**
 * A thread interrupted while H2 writes its file must not take the database down: with plain
 * files, Java closes the channel for every thread on an interrupt and H2 closes the database
 * ("The database has been closed", 90098), which is what a stopping relay used to do to itself.
 */
@H2Only("H2's own file channel and its retry: file system; PostgreSQL's files are the server's")
class DatabaseInterruptTest {
    @TempDir
    Path dir;

    @Test
    void aWriterInterruptedInTheMiddleOfItsWorkLeavesTheDatabaseWorking() throws Exception {
        try (Database db = new Database(Database.h2Url(dir.toString()), "sa", "")) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try {
                        long n = written.incrementAndGet();
                        db.inTransaction(tx -> tx.update("INSERT INTO relay_run (node_id, running, started_at) VALUES (?, TRUE, ?)",
                                "node-" + n, Instant.now()));
                    } catch (RuntimeException e) {
                        // the interrupted statement itself may fail; the database must not
                    }
                }
            });
            while (written.get() < 200) {
                Thread.sleep(5);
            }
            for (int i = 0; i < 20; i++) {
                writer.interrupt();
                Thread.sleep(10);
            }
            stop.set(true);
            writer.join();

            long rows = db.read(tx -> tx.queryOne("SELECT COUNT(*) FROM relay_run", rs -> rs.getLong(1))).orElseThrow();
            assertThat(rows).isGreaterThan(100);
            db.inTransaction(tx -> tx.update("INSERT INTO relay_run (node_id, running, started_at) VALUES ('after', FALSE, ?)", Instant.now()));
        }
    }
}
