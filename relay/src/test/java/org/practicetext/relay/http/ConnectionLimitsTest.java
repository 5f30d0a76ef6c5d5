// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
    @Test
    void anOpenConnectionKeepsNoHeaderCache() {
        // Jetty's default (1,024) costs each connection a 96 KiB table for as long as it is open:
        // 960 MiB for 10,000 parked long-polls (ADR 0019).
        ServerConnector connector = ConnectionLimits.defaults().connector(new Server(), new HttpConfiguration(), "127.0.0.1", 0);

        assertThat(connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().getHeaderCacheSize()).isZero();
    }

    @Test
    void theConnectorTakesTheIdleTimeout() {
        ServerConnector connector = new ConnectionLimits(ConnectionLimits.DEFAULT_HEADER_TIMEOUT, java.time.Duration.ofSeconds(47))
                .connector(new Server(), new HttpConfiguration(), "127.0.0.1", 0);

        assertThat(connector.getIdleTimeout()).isEqualTo(47_000);
    }
}
