// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.practicetext.protocol.ErrorResponse;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves the relay in the JSON error shape of the contract. This is the one place
 * that turns the services' {@link Refusal}s into HTTP statuses.
 */
public final class ErrorHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    public static void install(JavalinConfig config) {
        config.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage()));
        config.routes.exception(Refusal.class, (e, ctx) -> write(ctx, statusOf(e.reason()), e.reason().code(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            write(ctx, status, codeFor(status), messageFor(status, e.getMessage()));
        });
        config.routes.exception(JsonProcessingException.class, (e, ctx) ->
                write(ctx, 400, "malformed_json", "The request body is not valid JSON: " + e.getOriginalMessage()));
        config.routes.exception(StorageException.class, (e, ctx) -> {
            LOG.error("storage failure on {}", route(ctx), e);
            write(ctx, 503, "storage_unavailable", "The relay could not reach its database. Nothing was stored; try again.");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {}", route(ctx), e);
            write(ctx, 500, "internal_error", "Something went wrong on the relay. Nothing was lost; try again.");
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, "not_found", "There is no " + ctx.method() + " " + ctx.path() + ".");
            }
        });
        config.routes.error(405, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path() + ".");
            }
        });
    }

    public static void write(Context ctx, int status, String code, String message) {
        ctx.status(status).json(ErrorResponse.of(code, message));
    }

    /**
     * "METHOD /path" of the request, for the log. A request that had already ended (an async
     * answer completing as the server stops) has no method any more; asking for it threw a
     * NullPointerException inside this handler, which Jetty then logged as a WARN of its own.
     */
    static String route(Context ctx) {
        try {
            return ctx.method() + " " + ctx.path();
        } catch (RuntimeException e) {
            return "a request that had already ended";
        }
    }

    /** The HTTP status a refusal is answered with. */
    public static int statusOf(Refusal.Reason reason) {
        return switch (reason) {
            case INVALID, WEAK_PASSWORD -> 400;
            case WRONG_PASSWORD, PASSWORD_CHANGE_REQUIRED, FEATURE_OFF, NOT_ALLOWED -> 403;
            case BAD_CREDENTIALS, SIGN_IN_REQUIRED, INVALID_TOKEN, TOKEN_REVOKED, TOKEN_EXPIRED -> 401;
            case NOT_FOUND, UPLOAD_GONE -> 404;
            case CONFLICT, OPTED_OUT, BLOCKED, NO_NUMBER, LAST_ADMIN, USE_PG_DUMP, REVIEW_RECENTLY_SENT, OPT_IN_BY_PATIENT_ONLY -> 409;
            case PAYMENT_PROVIDER -> 503;
            case INVALID_PHONE -> 422;
            case UNSUPPORTED_TYPE -> 415;
            case LOCKED -> 429;
        };
    }

    /** The error code for a status that arrives without one of ours (Javalin's and Jetty's own refusals). */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    private static String messageFor(int status, String fallback) {
        return switch (status) {
            case 404 -> "Not found.";
            case 413 -> "The request body is too large.";
            default -> fallback;
        };
    }
}
