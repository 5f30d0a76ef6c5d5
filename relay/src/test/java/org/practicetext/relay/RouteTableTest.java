// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.protocol.Endpoint;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.admin.AdminEndpoints;
import org.practicetext.relay.admin.OperatorToken;
import org.practicetext.relay.ops.ProbeRoutes;

/**
 * The relay's route table is the protocol's: every {@link Endpoints} constant (the only paths
 * the desktop can call, since only {@code Endpoints} makes an {@link Endpoint}) is served with
 * the same method, and the relay serves no route the protocol does not name, except the
 * operator's {@link OperatorRoutes} ({@code /ready}, and {@code /metrics} when a token is set),
 * which no desk calls, the simulated carrier's media, which only the relay itself fetches, and what
 * the carrier and patients open: {@code /media/{token}} and {@code /l/{token}}.
 */
class RouteTableTest {
    /** What the carrier fetches (an MMS file) and what a patient opens (a secure link): fixed paths outside the desks' API (DESIGN.md). */
    static final List<RelayServer.Route> PATIENT_AND_CARRIER = List.of(
            new RelayServer.Route("GET", org.practicetext.relay.media.UploadRoutes.PUBLIC_MEDIA),
            new RelayServer.Route("HEAD", org.practicetext.relay.media.UploadRoutes.PUBLIC_MEDIA),
            new RelayServer.Route("GET", org.practicetext.relay.links.LinkPages.PAGE),
            new RelayServer.Route("POST", org.practicetext.relay.links.LinkPages.PAGE),
            new RelayServer.Route("GET", org.practicetext.relay.links.LinkPages.FILE),
            new RelayServer.Route("GET", "/l/{token}/go"), new RelayServer.Route("GET", "/l/{token}/forms/{form}"),
            new RelayServer.Route("POST", "/l/{token}/pay"), new RelayServer.Route("POST", "/l/{token}/decision"),

            // the simulated payments' checkout page (PT_PAYMENTS=simulated, the simulated carrier's default): what a patient opens in the demo
            new RelayServer.Route("GET", org.practicetext.relay.payments.SimulatedPaymentRoutes.PAGE),
            new RelayServer.Route("POST", org.practicetext.relay.payments.SimulatedPaymentRoutes.PAGE));

    @TempDir
    static Path dir;
    static RelayFixture relay;

    @BeforeAll
    static void start() {
        // The simulated carrier, so the simulator's route is there too; a metrics token, so /metrics is.
        relay = new RelayFixture(dir, Map.of("PT_METRICS_TOKEN", "route-table-metrics-token"));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void everyEndpointIsServedWithItsMethodAndNothingElseIs() {
        List<RelayServer.Route> expected = new ArrayList<>(Endpoints.all().stream()
                .map(e -> new RelayServer.Route(e.method().name(), e.template())).toList());
        for (String route : ProbeRoutes.routes(true)) {
            expected.add(new RelayServer.Route(route.substring(0, route.indexOf(' ')), route.substring(route.indexOf(' ') + 1)));
        }
        expected.add(new RelayServer.Route("GET", org.practicetext.relay.send.SimulatorRoutes.MEDIA)); // the simulated carrier's media, fetched by the relay itself
        for (String method : List.of("GET", "POST")) { // the simulated stand-ins for a review site and a form system
            expected.add(new RelayServer.Route(method, org.practicetext.relay.links.SimulatedDestinations.REVIEW));
            expected.add(new RelayServer.Route(method, org.practicetext.relay.links.SimulatedDestinations.FORM));
        }
        expected.addAll(PATIENT_AND_CARRIER);

        assertThat(relay.server.routes()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** With {@code PT_OPERATOR_TOKEN} set, the operator surface ({@link AdminEndpoints}) is served too, and only then. */
    @Test
    void withAnOperatorTokenTheOperatorRoutesAreServedToo(@TempDir Path operatorDir) {
        List<RelayServer.Route> expected = new java.util.ArrayList<>(Endpoints.all().stream()
                .map(e -> new RelayServer.Route(e.method().name(), e.template())).toList());
        AdminEndpoints.all().forEach(r -> expected.add(new RelayServer.Route(r.method(), r.template())));
        for (String route : ProbeRoutes.routes(false)) {
            expected.add(new RelayServer.Route(route.substring(0, route.indexOf(' ')), route.substring(route.indexOf(' ') + 1)));
        }
        expected.add(new RelayServer.Route("GET", org.practicetext.relay.send.SimulatorRoutes.MEDIA));
        for (String method : List.of("GET", "POST")) {
            expected.add(new RelayServer.Route(method, org.practicetext.relay.links.SimulatedDestinations.REVIEW));
            expected.add(new RelayServer.Route(method, org.practicetext.relay.links.SimulatedDestinations.FORM));
        }
        expected.addAll(PATIENT_AND_CARRIER);

        try (RelayFixture operated = new RelayFixture(operatorDir, java.util.Map.of("PT_OPERATOR_TOKEN", "t".repeat(OperatorToken.MIN_LENGTH)))) {
            assertThat(operated.server.routes()).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(AdminEndpoints.all()).doesNotHaveDuplicates().allMatch(r -> r.template().startsWith(AdminEndpoints.ROOT + "/"));
    }

    @Test
    void withoutAMetricsTokenThereIsNoMetricsRoute(@TempDir Path other) {
        try (RelayFixture plain = new RelayFixture(other)) {
            assertThat(plain.server.routes()).contains(new RelayServer.Route("GET", ProbeRoutes.READY))
                    .doesNotContain(new RelayServer.Route("GET", ProbeRoutes.METRICS));
        }
    }

    @Test
    void theProtocolNamesEachRouteOnce() {
        assertThat(Endpoints.all()).doesNotHaveDuplicates();
    }
}
