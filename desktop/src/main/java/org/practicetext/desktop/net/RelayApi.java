// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.practicetext.desktop.RelayException;
import org.practicetext.protocol.FeedPage;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.SessionRequest;
import org.practicetext.protocol.SessionResponse;

/**
 * The relay's HTTP API as the desktop uses it, over OkHttp. Every failure becomes a
 * {@link RelayException} carrying the relay's own code and message (status 0 when the relay
 * could not be reached). The read timeout is kept above the long-poll's wait, and the poll in
 * flight can be cancelled so the sync loop turns to new outbox work at once.
 */
public final class RelayApi implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");
    /** Thrown-away code for a poll cancelled on purpose (never shown). */
    public static final String CANCELLED = "cancelled";

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper json = Json.mapper();
    private volatile String token;
    private volatile Call poll;

    public RelayApi(URI relayUrl, Duration readTimeout) {
        this.base = HttpUrl.get(relayUrl.toString());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    public void useToken(String token) {
        this.token = token;
    }

    public SessionResponse signIn(String practice, String username, char[] password) throws RelayException {
        String body = write(new SessionRequest(practice, username, new String(password)));
        return read(call(request("/api/v1/session").post(RequestBody.create(body, JSON)).build()), SessionResponse.class);
    }

    /** Ends the session on the relay; a relay that cannot be reached is fine (the token is dropped here anyway). */
    public void signOut() {
        try {
            call(authorized("/api/v1/session").delete().build());
        } catch (RelayException e) {
            // best effort: the token is forgotten locally whatever the relay says
        }
    }

    /**
     * One page of the feed after {@code after}; holds up to {@code waitSeconds} when nothing is new.
     * {@code cancelled} is checked once the call is registered, closing the race with {@link #cancelPoll()}.
     */
    public FeedPage events(long after, int waitSeconds, int limit, BooleanSupplier cancelled) throws RelayException {
        HttpUrl url = base.newBuilder().encodedPath("/api/v1/events")
                .addQueryParameter("after", Long.toString(after))
                .addQueryParameter("wait", Integer.toString(waitSeconds))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        Call call = http.newCall(withToken(new Request.Builder().url(url)).get().build());
        poll = call;
        try {
            if (cancelled.getAsBoolean()) {
                call.cancel();
            }
            return read(execute(call), FeedPage.class);
        } finally {
            poll = null;
        }
    }

    /** Stops the long-poll in flight, if any; it fails with {@link #CANCELLED}. */
    public void cancelPoll() {
        Call current = poll;
        if (current != null) {
            current.cancel();
        }
    }

    /** POST with a JSON body ({@code null}: no body); answers the relay's JSON (or null when it sent none). */
    public JsonNode post(String path, String jsonBody) throws RelayException {
        RequestBody body = jsonBody == null ? RequestBody.create(new byte[0], null) : RequestBody.create(jsonBody, JSON);
        return tree(call(authorized(path).post(body).build()));
    }

    public JsonNode patch(String path, String jsonBody) throws RelayException {
        return tree(call(authorized(path).patch(RequestBody.create(jsonBody, JSON)).build()));
    }

    public JsonNode delete(String path) throws RelayException {
        return tree(call(authorized(path).delete().build()));
    }

    public JsonNode postCsv(String path, String csv) throws RelayException {
        return tree(call(authorized(path).post(RequestBody.create(csv, CSV)).build()));
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Request.Builder request(String pathAndQuery) {
        return new Request.Builder().url(base.resolve(pathAndQuery));
    }

    private Request.Builder authorized(String pathAndQuery) {
        return withToken(request(pathAndQuery));
    }

    private Request.Builder withToken(Request.Builder builder) {
        String current = token;
        return current == null ? builder : builder.header("Authorization", "Bearer " + current);
    }

    private Answer call(Request request) throws RelayException {
        return execute(http.newCall(request));
    }

    /** A successful answer's status and body text. */
    private record Answer(int status, String body) {
    }

    private Answer execute(Call call) throws RelayException {
        try (Response response = call.execute()) {
            String body = response.body().string();
            if (response.isSuccessful()) {
                return new Answer(response.code(), body);
            }
            throw failure(response.code(), body, response.header("Retry-After"));
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new RelayException(0, CANCELLED, "The request was cancelled.");
            }
            throw new RelayException(0, "unreachable", "The relay at " + base.host() + " cannot be reached (" + e.getMessage() + ").");
        }
    }

    private RelayException failure(int status, String body, String retryAfter) {
        String code = "http_" + status;
        String message = "The relay answered " + status + ".";
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.hasNonNull("code")) {
                code = error.get("code").asText();
                message = error.path("message").asText(message);
            }
        } catch (IOException | RuntimeException e) {
            // not the relay's JSON (a proxy's page): keep the generic words
        }
        long wait = 0;
        try {
            wait = retryAfter == null ? 0 : Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            // an HTTP date: fall back to our own backoff
        }
        return new RelayException(status, code, message, wait);
    }

    private <T> T read(Answer answer, Class<T> type) throws RelayException {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new RelayException(answer.status(), "bad_answer", "The relay's answer could not be read: " + e.getMessage());
        }
    }

    private JsonNode tree(Answer answer) throws RelayException {
        if (answer.body().isBlank()) {
            return null;
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new RelayException(answer.status(), "bad_answer", "The relay's answer could not be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        cancelPoll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
