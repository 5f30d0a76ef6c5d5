// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's transport, replaced: requests go to a configurable base (so tests and a
 * staging fake can stand in for Twilio) over the JDK's HTTP client, and every call makes exactly
 * one HTTP request. The SDK's own {@code reliableRequest} repeats a request that got a 5xx, and
 * a 5xx on a create can mean Twilio already accepted the text, so its retry could send it twice.
 *
 * <p>A request that fails without an answer throws {@link TransportFailure}, which says whether
 * the request may have reached Twilio; that is what decides between "retry" and "look first".
 */
final class TwilioHttpClient extends com.twilio.http.HttpClient {

    /** Headers the JDK client sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI base;
    private final Duration readTimeout;
    private final Duration deadline;
    private final HttpClient jdk;
    /** The HTTP status of this thread's last answer: the SDK drops it when an error body is not JSON. */
    private final ThreadLocal<Integer> lastStatus = ThreadLocal.withInitial(() -> 0);

    TwilioHttpClient(URI base, Duration connectTimeout, Duration readTimeout) {
        if (base.getScheme() == null || base.getRawAuthority() == null) {
            throw new IllegalArgumentException("the Twilio API base needs a scheme and a host, like https://api.twilio.com");
        }
        String path = base.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || base.getRawQuery() != null) {
            // Only scheme, host and port are replaced; a path here would be silently dropped.
            throw new IllegalArgumentException("the Twilio API base must be scheme://host[:port] without a path");
        }
        this.base = base;
        this.readTimeout = readTimeout;
        // The request timeout covers the wait for the status line; this also bounds a body that stalls.
        this.deadline = connectTimeout.plus(readTimeout);
        this.jdk = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // HTTP/1.1 like the SDK's own client; on plain http the JDK would otherwise try an h2c upgrade.
                .version(HttpClient.Version.HTTP_1_1)
                // A redirect answer is reported, not followed: following it could repeat a POST.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One request, never repeated, whatever the answer. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    /** One request, never repeated: the SDK's retry codes, count and delay are ignored on purpose. */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        lastStatus.set(0);
        HttpRequest httpRequest;
        try {
            httpRequest = toJdkRequest(request);
        } catch (RuntimeException e) {
            // Not chained: the exception could quote the URL, and a lookup's query holds phone numbers.
            throw new TransportFailure("the request to Twilio could not be built (" + e.getClass().getSimpleName() + ")", false, null);
        }
        CompletableFuture<HttpResponse<String>> answer = jdk.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new TransportFailure("Twilio did not finish answering within " + deadline.toMillis() + " ms", true, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportFailure("interrupted while waiting for Twilio", true, e);
        } catch (ExecutionException e) {
            throw classify(e.getCause() == null ? e : e.getCause());
        }
        lastStatus.set(response.statusCode());
        return new Response(response.body(), response.statusCode(), headers(response.headers()));
    }

    /** The HTTP status of the calling thread's last answer, or 0 when the last request got none. */
    int lastStatus() {
        return lastStatus.get();
    }

    /** Forgets the last status, so a call that fails before its request cannot report an older one. */
    void clearLastStatus() {
        lastStatus.set(0);
    }

    /** Releases the JDK client's connections and threads. */
    void close() {
        jdk.close();
    }

    private HttpRequest toJdkRequest(Request request) {
        URL sdkUrl = request.constructURL();
        String query = sdkUrl.getQuery();
        URI target = URI.create(base.getScheme() + "://" + base.getRawAuthority() + sdkUrl.getPath() + (query == null ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(readTimeout).header("Accept", "application/json");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.DELETE || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        } else if (request.getContentType() == EnumConstants.ContentType.JSON) {
            builder.header("Content-Type", EnumConstants.ContentType.JSON.getValue())
                    .method(method.toString(), HttpRequest.BodyPublishers.ofString(request.getBody() == null ? "" : request.getBody()));
        } else if (request.getContentType() == null || request.getContentType() == EnumConstants.ContentType.FORM_URLENCODED) {
            builder.header("Content-Type", EnumConstants.ContentType.FORM_URLENCODED.getValue())
                    .method(method.toString(), HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        } else {
            throw new IllegalArgumentException("unsupported content type " + request.getContentType());
        }
        return builder.build();
    }

    /**
     * Whether a failed request may have reached Twilio. Only failures that happen before any byte
     * of the request is written (no connection, no name, no TLS) count as "certainly not sent".
     */
    private static TransportFailure classify(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return new TransportFailure("timed out connecting to Twilio", false, failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return new TransportFailure("Twilio did not answer in time after the request was sent", true, failure);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new TransportFailure("the Twilio API host name did not resolve", false, failure);
            }
        }
        if (failure instanceof ConnectException) {
            return new TransportFailure("could not connect to Twilio", false, failure);
        }
        if (failure instanceof SSLHandshakeException) {
            return new TransportFailure("the TLS handshake with Twilio failed", false, failure);
        }
        if (failure instanceof IOException) {
            return new TransportFailure("the connection to Twilio failed after the request was sent", true, failure);
        }
        return new TransportFailure("the request to Twilio failed unexpectedly", true, failure);
    }

    private static Header[] headers(HttpHeaders headers) {
        List<Header> out = new ArrayList<>();
        headers.map().forEach((name, values) -> values.forEach(value -> out.add(new BasicHeader(name, value))));
        return out.toArray(Header[]::new);
    }

    /**
     * A request that got no HTTP answer. An {@link ApiConnectionException}, so the SDK sees the
     * kind of failure it expects from a transport.
     */
    static final class TransportFailure extends ApiConnectionException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final boolean mayHaveArrived;

        TransportFailure(String message, boolean mayHaveArrived, Throwable cause) {
            super(message, cause);
            this.mayHaveArrived = mayHaveArrived;
        }

        /** False only when the request certainly never left this machine. */
        boolean mayHaveArrived() {
            return mayHaveArrived;
        }
    }
}
