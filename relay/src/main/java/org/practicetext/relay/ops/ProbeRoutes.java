// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.practicetext.relay.http.ErrorHandling;

/**
 * The operator's endpoints: {@code GET /ready} (may a load balancer send this node requests?)
 * and {@code GET /metrics} (Prometheus text). {@code GET /health} (is the process alive?) is
 * in {@code protocol.Endpoints} with the API, as it always was. These two are registered here,
 * not in {@code Endpoints}, because no desk calls them: they are for probes and scrapers, and
 * the protocol is the desk's contract. Neither touches practice data.
 *
 * <p>{@code /metrics} is served only when {@code PT_METRICS_TOKEN} is set, and then only to
 * {@code Authorization: Bearer <that token>} (docs/decisions/0011-operator-endpoints.md).
 */
public final class ProbeRoutes {
    public static final String READY = "/ready";
    public static final String METRICS = "/metrics";

    private final Readiness readiness;
    private final Supplier<Map<String, Long>> webhookBacklog;
    private final Metrics metrics;
    private final Supplier<Map<String, Long>> dispatchBacklog;
    private final byte[] metricsToken;

    public ProbeRoutes(Readiness readiness, Supplier<Map<String, Long>> webhookBacklog, Metrics metrics,
                          Supplier<Map<String, Long>> dispatchBacklog, String metricsToken) {
        this.readiness = readiness;
        this.webhookBacklog = webhookBacklog;
        this.metrics = metrics;
        this.dispatchBacklog = dispatchBacklog;
        this.metricsToken = metricsToken == null ? null : metricsToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The routes this installs with {@code token} set or not, as "METHOD /path". */
    public static List<String> routes(boolean metricsOn) {
        return metricsOn ? List.of("GET " + READY, "GET " + METRICS) : List.of("GET " + READY);
    }

    public void install(JavalinConfig config) {
        config.routes.get(READY, this::ready);
        if (metricsToken != null) {
            config.routes.get(METRICS, this::metrics);
        }
    }

    private void ready(Context ctx) {
        ReadyView view = readiness.check();
        if (view.ready()) {
            Map<String, Long> backlog = webhookBacklog.get();
            view = view.withBacklog(backlog.get("webhooksWaiting"), backlog.get("webhooksFailing"));
        }
        ctx.status(view.ready() ? 200 : 503).json(view);
    }

    private void metrics(Context ctx) {
        String given = ctx.header("Authorization");
        byte[] presented = given != null && given.startsWith("Bearer ") ? given.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, metricsToken)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            ErrorHandling.write(ctx, 401, "unauthorized", "GET /metrics needs Authorization: Bearer with the relay's PT_METRICS_TOKEN.");
            return;
        }
        ctx.contentType(Metrics.contentType()).result(metrics.scrape(dispatchBacklog));
    }
}
