// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * How long a client may take: to send a request's headers ({@code PT_HEADER_TIMEOUT_SECONDS}),
 * and to stay silent on an open connection ({@code PT_IDLE_TIMEOUT_SECONDS}). The idle timeout
 * must outlast the longest long-poll wait, or a parked poll's own connection would be closed
 * under it; the config refuses a shorter one. What an open connection holds is kept small
 * (no header cache), since a parked long-poll is one.
 */
public record ConnectionLimits(Duration headerTimeout, Duration idleTimeout) {
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The idle timeout Jetty gives open connections once a graceful stop begins (its default is 1 s):
     * a desk's idle keep-alive connection then closes at once instead of holding every stop for a
     * second. A request being handled is not cut by it (GracefulStopTest holds one for longer).
     */
    static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(200);
    /**
     * Jetty's per-connection cache of header fields seen before (default 1,024 entries) costs
     * every connection that sends a request a 96 KiB {@code char[]} table, kept for the
     * connection's life: 960 MiB for 10,000 parked long-polls (ADR 0019). It only saves a few
     * {@code String}s per request on a connection that repeats its headers, so it is off.
     */
    static final int HEADER_CACHE_SIZE = 0;

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
    }

    /** The relay's HTTP connector on {@code host:port}, with these limits applied. */
    public ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        http.setHeaderCacheSize(HEADER_CACHE_SIZE); // the configuration Javalin made for the relay's connectors
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT.toMillis());
        connector.addBean(new HeaderDeadline(headerTimeout)); // a managed bean: started, stopped and told of connections by the connector
        return connector;
    }
}
