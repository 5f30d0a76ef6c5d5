// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.practicetext.protocol.Endpoints;

/**
 * Size limits per kind of request. A body is held to its path's limit twice: by
 * {@code Content-Length} before anything is read ({@link #check}, which lets a client that waits
 * for {@code 100 Continue} never send a refused body), and on the bytes actually read
 * ({@link #install}), so a chunked body or one without a length meets the same limit. Both
 * answer {@code 413 too_large}.
 *
 * <p>Before answering, the relay reads what is left of the refused body (up to {@link #DRAIN}
 * bytes in all) and drops it. A proxy such as nginx sends the whole body before it reads the
 * answer; a server that answered from the headers and closed would reset the connection under
 * it, and the proxy would answer {@code 502} instead of the relay's {@code 413}. Read to its end,
 * the connection stays open for the next request. A client that asked {@code Expect:
 * 100-continue} has sent no body and gets its 413 at once; a body beyond {@link #DRAIN} is not
 * read and its connection is closed.
 */
public final class BodyLimits {
    /** Twilio's webhooks and Stripe's ({@code /stripe/webhook}). */
    public static final long WEBHOOK = 64 * 1024;
    public static final long API = 256 * 1024;
    /** A practice's whole patient list: far larger than any other API body. */
    public static final long IMPORT = 5 * 1024 * 1024;
    public static final String IMPORT_PATH = Endpoints.CONTACT_IMPORT.template();
    /** A file a desk uploads to send: photos are scaled down after, so up to a phone's largest. */
    public static final long UPLOAD = 20 * 1024 * 1024;
    public static final String UPLOAD_PATH = Endpoints.UPLOAD.template();
    /** The largest body of any path (Jetty's own bound). */
    public static final long LARGEST = UPLOAD;
    /** The simulated carrier's inbound texts carry their photos in the body (base64): up to 8 MiB. */
    public static final String SIMULATOR_PATH = Endpoints.SIMULATE_INBOUND.template();
    /** The most bytes of a refused body read and dropped: what the example nginx passes on ({@code client_max_body_size 8m}). */
    public static final long DRAIN = 8 * 1024 * 1024;

    private BodyLimits() {
    }

    /** The most bytes a body sent to {@code path} may have. */
    public static long limitFor(String path) {
        String p = path.replaceAll("/+$", "");
        return p.startsWith("/twilio/") || p.equals(Endpoints.STRIPE_WEBHOOK.template()) ? WEBHOOK : p.equals(IMPORT_PATH) ? IMPORT : p.equals(SIMULATOR_PATH) ? DRAIN : p.equals(UPLOAD_PATH) ? UPLOAD : API;
    }

    public static void check(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        long limit = limitFor(ctx.path());
        if (length > limit) {
            if (length <= DRAIN && !"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
                try {
                    if (ctx.req().getInputStream() instanceof CountingStream counting) {
                        counting.dropTheRest();
                    }
                } catch (IOException e) {
                    // the client went away while sending: nothing is left to answer on
                }
            }
            throw tooLarge("The request body is " + length + " bytes; at most " + limit + " are accepted here.");
        }
    }

    /** Counts what every request's body stream gives out, before Javalin or a route reads it. */
    public static void install(ServletContextHandler context) {
        Filter counting = (request, response, chain) -> chain.doFilter(
                request instanceof HttpServletRequest http ? new Limited(http, limitFor(http.getRequestURI())) : request, response);
        context.addFilter(new FilterHolder(counting), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static ApiError tooLarge(String message) {
        return new ApiError(413, "too_large", message);
    }

    /** The request, with a body stream that refuses to give out more than {@code limit} bytes. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    /**
     * Throws {@code 413} (an unchecked {@link ApiError}, so it reaches the error mapping whoever
     * reads) as soon as the body goes past the limit; the excess is never handed on.
     */
    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                try {
                    dropTheRest();
                } catch (IOException e) {
                    // the client went away while sending: the 413 is all there is to say
                }
                throw tooLarge("The request body is more than " + limit + " bytes, the most accepted here.");
            }
        }

        /** Reads and drops the rest of the body, up to {@link #DRAIN} bytes in all, so the connection can answer and stay open. */
        void dropTheRest() throws IOException {
            byte[] buffer = new byte[16 * 1024];
            while (read <= DRAIN) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
