// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.practicetext.relay.refusal.Refusal;

/** Payment outcomes as they arrive, for a test to read; can be told to refuse every reference (as for a request it does not know). */
final class RecordingOutcomes implements PaymentOutcomes {
    record Paid(String reference, String sessionId, long amountCents, String currency, String paymentId) {
    }

    record Expired(String reference, String sessionId) {
    }

    final List<Paid> paid = new CopyOnWriteArrayList<>();
    final List<Expired> expired = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;

    @Override
    public void paid(String reference, String sessionId, long amountCents, String currency, String paymentId) {
        fail();
        paid.add(new Paid(reference, sessionId, amountCents, currency, paymentId));
    }

    @Override
    public void sessionExpired(String reference, String sessionId) {
        fail();
        expired.add(new Expired(reference, sessionId));
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    static Refusal unknownRequest() {
        return Refusal.notFound("request");
    }

    /** Waits up to 10 s for {@code condition} (a webhook delivered in the background). */
    static void await(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
