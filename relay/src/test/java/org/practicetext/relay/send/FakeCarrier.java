// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Twilio's servers, faked: records every send attempt, answers with scripted outcomes, and
 * remembers which messages it "created" (including ones whose answer it then lost).
 */
final class FakeCarrier implements Carrier {
    enum Outcome { ACCEPT, NOT_SENT, TOO_MANY_REQUESTS, ACCEPT_BUT_LOSE_ANSWER, LOSE_REQUEST, REJECT_21211, REJECT_21610 }

    final List<OutboundText> attempts = new CopyOnWriteArrayList<>();
    final List<OutboundText> created = new CopyOnWriteArrayList<>();
    final List<String> createdSids = new CopyOnWriteArrayList<>();
    private final Deque<Outcome> script = new ArrayDeque<>();
    /** Runs on every attempt after it is recorded, before the carrier answers (tests hold or observe calls here). */
    volatile Runnable beforeAnswer = () -> { };
    /** Like {@link #beforeAnswer}, with the text being sent; runs first. */
    volatile Consumer<OutboundText> onAttempt = text -> { };
    private int counter;

    synchronized FakeCarrier then(Outcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    /** Pretends the carrier already has this message (it was created before a crash). */
    synchronized String alreadyCreated(OutboundText text) {
        String sid = sid();
        created.add(text);
        createdSids.add(sid);
        return sid;
    }

    @Override
    public CarrierReceipt send(OutboundText text) throws CarrierException {
        Outcome outcome;
        String sid;
        synchronized (this) {
            attempts.add(text);
            outcome = script.isEmpty() ? Outcome.ACCEPT : script.poll();
            sid = sid();
            if (outcome == Outcome.ACCEPT || outcome == Outcome.ACCEPT_BUT_LOSE_ANSWER) {
                created.add(text);
                createdSids.add(sid);
            }
        }
        onAttempt.accept(text);
        beforeAnswer.run();
        return switch (outcome) {
            case ACCEPT -> new CarrierReceipt(sid, "queued");
            case NOT_SENT -> throw new CarrierException(CarrierException.Kind.NOT_SENT, null, 0, "connection refused", null);
            case TOO_MANY_REQUESTS -> throw new CarrierException(CarrierException.Kind.NOT_SENT, 20429, 429, "HTTP 429", null);
            case ACCEPT_BUT_LOSE_ANSWER, LOSE_REQUEST -> throw new CarrierException(CarrierException.Kind.UNCERTAIN, null, 500, "HTTP 500", null);
            case REJECT_21211 -> throw new CarrierException(CarrierException.Kind.REJECTED, 21211, 400, "invalid To", null);
            case REJECT_21610 -> throw new CarrierException(CarrierException.Kind.REJECTED, 21610, 400, "unsubscribed recipient", null);
        };
    }

    @Override
    public synchronized Optional<CarrierReceipt> findSent(OutboundText text, Instant since) {
        for (int i = 0; i < created.size(); i++) {
            OutboundText c = created.get(i);
            if (c.to().equals(text.to()) && c.body().equals(text.body())) {
                return Optional.of(new CarrierReceipt(createdSids.get(i), "queued"));
            }
        }
        return Optional.empty();
    }

    String lastSid() {
        return createdSids.getLast();
    }

    private String sid() {
        counter++;
        return "SM" + java.util.UUID.randomUUID().toString().replace("-", "");
    }
}
