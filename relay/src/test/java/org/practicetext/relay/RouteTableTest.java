// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.protocol.Endpoint;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.admin.AdminEndpoints;
import org.practicetext.relay.admin.OperatorToken;

/**
 * The relay's route table is the protocol's: every {@link Endpoints} constant (the only paths
 * the desktop can call, since only {@code Endpoints} makes an {@link Endpoint}) is served with
 * the same method, and the relay serves no route the protocol does not name.
 */
class RouteTableTest {
    @TempDir
    static Path dir;
    static RelayFixture relay;

    @BeforeAll
    static void start() {
        relay = new RelayFixture(dir); // the simulated carrier, so the simulator's route is there too
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void everyEndpointIsServedWithItsMethodAndNothingElseIs() {
        List<RelayServer.Route> expected = Endpoints.all().stream()
                .map(e -> new RelayServer.Route(e.method().name(), e.template())).toList();

        assertThat(relay.server.routes()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** With {@code PT_OPERATOR_TOKEN} set, the operator surface ({@link AdminEndpoints}) is served too, and only then. */
    @Test
    void withAnOperatorTokenTheOperatorRoutesAreServedToo(@TempDir Path operatorDir) {
        List<RelayServer.Route> expected = new java.util.ArrayList<>(Endpoints.all().stream()
                .map(e -> new RelayServer.Route(e.method().name(), e.template())).toList());
        AdminEndpoints.all().forEach(r -> expected.add(new RelayServer.Route(r.method(), r.template())));

        try (RelayFixture operated = new RelayFixture(operatorDir, java.util.Map.of("PT_OPERATOR_TOKEN", "t".repeat(OperatorToken.MIN_LENGTH)))) {
            assertThat(operated.server.routes()).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(AdminEndpoints.all()).doesNotHaveDuplicates().allMatch(r -> r.template().startsWith(AdminEndpoints.ROOT + "/"));
    }

    @Test
    void theProtocolNamesEachRouteOnce() {
        assertThat(Endpoints.all()).doesNotHaveDuplicates();
    }
}
