// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.requests;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.practicetext.relay.payments.PaymentException;
import org.practicetext.relay.payments.PaymentProvider;

/** A payment provider at the edge of the world for request tests: it records the checkouts asked and the sessions ended. */
public final class RecordingPayments implements PaymentProvider {
    final List<Order> orders = new CopyOnWriteArrayList<>();
    final List<String> expired = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    volatile boolean down;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Checkout checkout(Order order) {
        if (down) {
            throw new PaymentException("the provider is down");
        }
        orders.add(order);
        String id = "cs_test_" + sessions.incrementAndGet();
        return new Checkout(id, "https://checkout.payments.test/pay/" + id, order.expiresAt().isBefore(Instant.MAX) ? order.expiresAt() : null);
    }

    @Override
    public void expire(String sessionId) {
        expired.add(sessionId);
    }
}
