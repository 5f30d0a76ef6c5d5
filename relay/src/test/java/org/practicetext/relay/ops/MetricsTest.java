// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The labels' fixed value sets: a carrier code the relay does not know, or a refusal's status, never becomes a label of its own. */
class MetricsTest {
    private final Metrics metrics = new Metrics(Set.of(21610, 30006));

    private String scrape() {
        return metrics.scrape(() -> Map.of("pending", 3L));
    }

    @Test
    void carrierErrorsAreCountedByKnownCodeAndTheRestAsOther() {
        metrics.carrierError(21610);
        metrics.carrierError(21610);
        metrics.carrierError(63999);
        metrics.carrierError(12345);

        assertThat(scrape()).contains("pt_carrier_errors_total{code=\"21610\"} 2.0").contains("pt_carrier_errors_total{code=\"other\"} 2.0")
                .doesNotContain("\"63999\"").doesNotContain("\"12345\"");
    }

    @Test
    void webhookRefusalsAreCountedByClass() {
        metrics.webhook("sms", 403);
        metrics.webhook("status", 400);
        metrics.webhook("sms", 418);
        metrics.webhook("sms", 200);

        assertThat(scrape()).contains("pt_webhooks_refused_total{kind=\"sms\",reason=\"signature\"} 1.0")
                .contains("pt_webhooks_refused_total{kind=\"status\",reason=\"malformed\"} 1.0")
                .contains("pt_webhooks_refused_total{kind=\"sms\",reason=\"other\"} 1.0")
                .contains("pt_webhooks_received_total{kind=\"sms\"} 1.0")
                .doesNotContain("\"418\"");
    }

    @Test
    void theBacklogIsReadAtEachScrapeAndMissingStatesAreZero() {
        String text = scrape();

        assertThat(text).contains("pt_dispatch_backlog{state=\"pending\"} 3.0").contains("pt_dispatch_backlog{state=\"handing\"} 0.0")
                .contains("pt_dispatch_backlog{state=\"checking\"} 0.0");
        assertThat(metrics.scrape(() -> Map.of())).contains("pt_dispatch_backlog{state=\"pending\"} 0.0");
    }
}
