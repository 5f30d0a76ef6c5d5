// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.practicetext.relay.send.DispatchMeter;

/**
 * The relay's meters, one registry per relay (tests run several in one JVM), scraped in
 * Prometheus's text format at {@code GET /metrics}. Every label has a small, fixed set of values:
 * a webhook kind, a refusal's class, a dispatch outcome, a known Twilio error code. Never a
 * practice, a number, a name or a text; an unknown carrier code is counted as {@code other}.
 */
public final class Metrics implements DispatchMeter, org.practicetext.relay.media.MediaMeter {
    /** Dispatch states counted by the backlog gauge, as {@code relay.store.DispatchState} words. */
    public static final Set<String> BACKLOG_STATES = Set.of("pending", "handing", "checking");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer wakeUps;
    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final Set<Integer> knownCarrierCodes;

    public Metrics(Set<Integer> knownCarrierCodes) {
        this.knownCarrierCodes = Set.copyOf(knownCarrierCodes);
        wakeUps = Timer.builder("pt_feed_wakeup")
                .description("From the commit that woke a parked long-poll to its answer being written")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        for (String state : BACKLOG_STATES) {
            AtomicLong count = new AtomicLong();
            backlog.put(state, count);
            Gauge.builder("pt_dispatch_backlog", count, AtomicLong::get)
                    .description("Outbound messages waiting for the carrier, by dispatch state (read at each scrape)")
                    .tag("state", state).register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Where other parts register their own meters (the database pool). */
    public MeterRegistry registry() {
        return registry;
    }

    /** 1 while this node runs the leader-only jobs, 0 while another node does (ADR 0017). */
    public void leader(java.util.function.BooleanSupplier leader) {
        Gauge.builder("pt_relay_leader", () -> leader.getAsBoolean() ? 1 : 0)
                .description("1 while this relay node runs the leader-only jobs (sweeps), 0 otherwise").register(registry);
    }

    /** The gauge of parked long-polls, read from the feed's hub at each scrape. */
    public void parkedPolls(IntSupplier parked) {
        Gauge.builder("pt_feed_polls_parked", parked::getAsInt).description("Long-polls parked, waiting for their practice's next change")
                .register(registry);
    }

    /** A webhook answered: {@code kind} is {@code sms} or {@code status}; {@code status} its HTTP status. */
    public void webhook(String kind, int status) {
        if (status >= 200 && status < 300) {
            Counter.builder("pt_webhooks_received").description("Twilio webhooks acknowledged (stored before the answer)")
                    .tag("kind", kind).register(registry).increment();
        } else {
            Counter.builder("pt_webhooks_refused").description("Twilio webhooks refused, by the class of the refusal")
                    .tag("kind", kind).tag("reason", refusalClass(status)).register(registry).increment();
        }
    }

    static String refusalClass(int status) {
        return switch (status) {
            case 403 -> "signature";
            case 400, 422 -> "malformed";
            case 413 -> "too_large";
            case 415 -> "content_type";
            case 503 -> "storage_unavailable";
            default -> status >= 500 ? "server_error" : "other";
        };
    }

    /** A parked poll woken by a commit was answered {@code nanos} after that commit. */
    public void wokeUp(long nanos) {
        wakeUps.record(Duration.ofNanos(Math.max(0, nanos)));
    }

    @Override
    public void attempt(String outcome) {
        Counter.builder("pt_dispatch_attempts").description("Hand-offs to the carrier and look-ups with it, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void fetched(String outcome) {
        Counter.builder("pt_media_fetches").description("Downloads of inbound MMS files from the carrier, by outcome (kept, retry, or why given up)")
                .tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void pending(java.util.function.LongSupplier count) {
        Gauge.builder("pt_media_pending", () -> {
            try {
                return count.getAsLong();
            } catch (RuntimeException e) {
                return Double.NaN; // the database did not answer this scrape
            }
        }).description("Inbound MMS files waiting to be fetched from the carrier (read at each scrape)").register(registry);
    }

    @Override
    public void carrierError(Integer code) {
        String label = code == null ? "none" : knownCarrierCodes.contains(code) ? Integer.toString(code) : "other";
        Counter.builder("pt_carrier_errors").description("Carrier refusals by Twilio error code (codes the relay does not know: other)")
                .tag("code", label).register(registry).increment();
    }

    /** The Prometheus text of every meter, after {@code backlogNow} refreshed the dispatch backlog. */
    public String scrape(Supplier<Map<String, Long>> backlogNow) {
        Map<String, Long> now = backlogNow.get();
        backlog.forEach((state, count) -> count.set(now.getOrDefault(state, 0L)));
        return registry.scrape();
    }

    /** The content type of {@link #scrape}: Prometheus's text format 0.0.4. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
