// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import org.practicetext.protocol.Endpoint;

/**
 * Registers a route from its {@link Endpoint}, so the method and the path come from the one
 * wire contract the desktop also calls through, never from a literal written here again.
 */
public final class Routes {
    private Routes() {
    }

    public static void add(JavalinConfig config, Endpoint endpoint, Handler handler) {
        String path = endpoint.template();
        switch (endpoint.method()) {
            case GET -> config.routes.get(path, handler);
            case POST -> config.routes.post(path, handler);
            case PATCH -> config.routes.patch(path, handler);
            case DELETE -> config.routes.delete(path, handler);
        }
    }
}
