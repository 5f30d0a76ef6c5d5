// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.api.Trigger;

/**
 * An H2 trigger that holds every insert into its table until the test lets it go: a webhook
 * whose storing is still in flight when the relay is told to stop. Used by one test class only
 * (its state is static, as H2 makes the trigger itself).
 */
public final class HoldingTrigger implements Trigger {
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
        entered.countDown();
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new java.sql.SQLException("the test never released the held insert");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.sql.SQLException("interrupted while held", e);
        }
    }
}
