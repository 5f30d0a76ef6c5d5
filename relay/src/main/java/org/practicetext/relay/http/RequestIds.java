// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A request id on every log line written while a request is served (the MDC key
 * {@value #MDC_KEY}), echoed in the answer's {@code X-Request-Id}. An incoming
 * {@code X-Request-Id} from a proxy is kept when it is sane: 8 to 64 letters, digits, {@code .},
 * {@code _}, {@code -} or {@code :}, with at least one letter (so it cannot be a phone number,
 * which must never reach the log). Otherwise the relay makes one.
 *
 * <p>Lines logged on the request's own thread carry it: the handler, the error handling, the
 * access checks. A parked poll's answer is completed on another thread and carries none.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9._:-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    public static void install(JavalinConfig config) {
        config.routes.before(RequestIds::begin);
        config.routes.after(ctx -> MDC.remove(MDC_KEY));
    }

    private static void begin(Context ctx) {
        String id = of(ctx.header(HEADER));
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
    }

    /** The id for a request that came with {@code given} (null when it had none). */
    public static String of(String given) {
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "r-" + HexFormat.of().formatHex(bytes);
    }
}
