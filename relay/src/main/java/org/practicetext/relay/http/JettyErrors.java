// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.practicetext.protocol.ErrorResponse;
import org.practicetext.protocol.Json;

/**
 * The answers Jetty gives by itself, before a request reaches a route: a path with {@code %00}
 * or an ambiguous {@code %2F}, an invalid percent escape, a header or request line beyond the
 * limit, a line that is not HTTP. They come out in the relay's JSON error shape with Jetty's
 * status, instead of Jetty's HTML page, so a client needs to read one shape only.
 *
 * <p>Jetty's reason is a fixed phrase ("Ambiguous URI path separator", "No Host"); it is passed
 * on, cut short and reduced to printable ASCII, because it never needs to quote the request.
 */
public final class JettyErrors extends ErrorHandler {
    private static final int MAX_REASON = 120;

    /** Every method but HEAD gets a body (Jetty's default writes one for GET and POST only); a HEAD answer has none. */
    @Override
    public boolean errorPageForMethod(String method) {
        return !"HEAD".equalsIgnoreCase(method);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (stopping(code)) {
            // The client sends it again, at once, to another node (or this one once restarted).
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** Used when the request could not even be parsed into one (a header line over the limit, a broken request line). */
    // Jetty 12.1 marks this for removal but still calls it for a request it cannot parse, and offers
    // no other hook for that case; HttpErrorsTest and the fuzz suite fail if it stops being called.
    @SuppressWarnings("removal")
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    /** Jetty's only 503 of its own is a stopping relay's answer to a new request on a kept-alive connection. */
    private static boolean stopping(int status) {
        return status == HttpStatus.SERVICE_UNAVAILABLE_503;
    }

    static byte[] body(int status, String reason) {
        String message = switch (status) {
            case 400 -> "The request is not valid HTTP, or its path or a header is malformed";
            case 413 -> "The request body is too large";
            case 414 -> "The request line is too long";
            case 431 -> "A request header, or all of them together, are too large";
            case 503 -> "The relay is stopping; nothing of this request was handled, send it again";
            default -> HttpStatus.getMessage(status);
        };
        String detail = printable(reason);
        try {
            return Json.mapper().writeValueAsBytes(ErrorResponse.of(stopping(status) ? "stopping" : ErrorHandling.codeFor(status),
                    detail.isEmpty() || detail.equalsIgnoreCase(HttpStatus.getMessage(status)) ? message + "." : message + " (" + detail + ")."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String printable(String reason) {
        if (reason == null) {
            return "";
        }
        String ascii = reason.replaceAll("[^\\x20-\\x7E]", "?").strip();
        return ascii.length() <= MAX_REASON ? ascii : ascii.substring(0, MAX_REASON) + "...";
    }
}
