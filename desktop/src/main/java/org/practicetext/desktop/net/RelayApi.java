// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.practicetext.desktop.AppInfo;
import org.practicetext.desktop.RelayException;
import org.practicetext.protocol.Endpoint;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.ErrorResponse;
import org.practicetext.protocol.FeedPage;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.ProtocolVersion;
import org.practicetext.protocol.SessionRequest;
import org.practicetext.protocol.SessionResponse;
import org.practicetext.protocol.TooOldResponse;
import org.practicetext.protocol.UploadView;
import org.practicetext.protocol.VersionInfo;

/**
 * The relay's HTTP API as the desktop uses it, over OkHttp. Every call names its route by an
 * {@link Endpoint} of the protocol (which also gives the method), never by a path written here.
 * Every failure becomes a
 * {@link RelayException} carrying the relay's own code and message (status 0 when the relay
 * could not be reached). Every request says which protocol and app version this desk is
 * ({@link ProtocolVersion#HEADER}); a relay too new for it answers 426, carried as
 * {@link RelayException#tooOld()} with the relay's versions. The read timeout is kept above the long-poll's wait, and the poll in
 * flight can be cancelled so the sync loop turns to new outbox work at once.
 */
public final class RelayApi implements AutoCloseable {
    /** Thrown-away code for a poll cancelled on purpose (never shown). */
    public static final String CANCELLED = "cancelled";

    private final URI relayUrl;
    private final Duration readTimeout;
    /** Built on the first call (OkHttp and the Kotlin runtime are hundreds of classes): a resumed client paints from its cache first. */
    private HttpUrl base;
    private OkHttpClient http;
    private final ObjectMapper json = Json.mapper();
    private final AppInfo app;
    private volatile String token;
    private volatile Call poll;

    public RelayApi(URI relayUrl, Duration readTimeout) {
        this(relayUrl, readTimeout, AppInfo.build());
    }

    /** A connection for {@code app} (its protocol and version go with every request). */
    public RelayApi(URI relayUrl, Duration readTimeout, AppInfo app) {
        this.app = app;
        this.relayUrl = relayUrl;
        this.readTimeout = readTimeout;
    }

    private synchronized OkHttpClient http() {
        if (http == null) {
            base();
            http = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(readTimeout)
                    .writeTimeout(Duration.ofSeconds(30))
                    .build();
        }
        return http;
    }

    private synchronized HttpUrl base() {
        if (base == null) {
            base = HttpUrl.get(relayUrl.toString());
        }
        return base;
    }

    public void useToken(String token) {
        this.token = token;
    }

    public SessionResponse signIn(String practice, String username, char[] password) throws RelayException {
        String body = write(new SessionRequest(practice, username, new String(password)));
        return read(execute(request(Endpoints.SIGN_IN.at(), RequestBody.create(body, Media.JSON))), SessionResponse.class);
    }

    /** The relay's protocol versions and newest desktop release; no sign-in needed, and answered to a desk of any age. */
    public VersionInfo versions() throws RelayException {
        return read(execute(request(Endpoints.VERSION.at(), null)), VersionInfo.class);
    }

    /** Ends the session on the relay; a relay that cannot be reached is fine (the token is dropped here anyway). */
    public void signOut() {
        try {
            execute(request(Endpoints.SIGN_OUT.at(), null));
        } catch (RelayException e) {
            // best effort: the token is forgotten locally whatever the relay says
        }
    }

    /**
     * One page of the feed after {@code after}; holds up to {@code waitSeconds} when nothing is new.
     * {@code cancelled} is checked once the call is registered, closing the race with {@link #cancelPoll()}.
     */
    public FeedPage events(long after, int waitSeconds, int limit, BooleanSupplier cancelled) throws RelayException {
        Endpoint.Target page = Endpoints.EVENTS.at().query(Endpoints.AFTER, after).query(Endpoints.WAIT, waitSeconds).query(Endpoints.LIMIT, limit);
        Call call = http().newCall(request(page, null));
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

    /**
     * Calls {@code target} with a JSON body already written ({@code null}: none), as the outbox
     * stores it; answers the relay's JSON (or null when it sent none).
     */
    public JsonNode call(Endpoint.Target target, String jsonBody) throws RelayException {
        return tree(execute(request(target, jsonBody == null ? null : RequestBody.create(jsonBody, Media.JSON))));
    }

    /** Calls {@code target} with {@code body} as JSON ({@code null}: none); answers the relay's answer as {@code answer} (null when it sent none). */
    public <T> T call(Endpoint.Target target, Object body, Class<T> answer) throws RelayException {
        return readOrNull(execute(request(target, body == null ? null : RequestBody.create(write(body), Media.JSON))), answer);
    }

    /** Calls {@code target} with a CSV file as the body; answers as {@link #call(Endpoint.Target, Object, Class)}. */
    public <T> T callWithCsv(Endpoint.Target target, String csv, Class<T> answer) throws RelayException {
        return readOrNull(execute(request(target, RequestBody.create(csv, Media.CSV))), answer);
    }

    /**
     * Uploads a file to send ({@link Endpoints#UPLOAD}): its bytes streamed from {@code file}, with
     * its type and name; answers what the relay will send (its id goes in the message's uploads).
     */
    public UploadView upload(Path file, String contentType, String fileName) throws RelayException {
        Endpoint.Target target = Endpoints.UPLOAD.at().query(Endpoints.NAME, fileName);
        return read(execute(request(target, RequestBody.create(file.toFile(), MediaType.get(contentType)))), UploadView.class);
    }

    /** Where an upload's bytes are read from, opened afresh for each attempt (a file decrypted as it is read). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** Like {@link #upload(Path, String, String)}, the {@code size} bytes read from {@code source} as they are sent. */
    public UploadView upload(Source source, long size, String contentType, String fileName) throws RelayException {
        Endpoint.Target target = Endpoints.UPLOAD.at().query(Endpoints.NAME, fileName);
        MediaType type = MediaType.get(contentType);
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return size;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                try (InputStream in = source.open()) {
                    sink.writeAll(okio.Okio.source(in));
                }
            }
        };
        return read(execute(request(target, body)), UploadView.class);
    }

    /** Calls {@code target} (a GET) and answers its body as bytes: a small file such as a photo's preview. */
    public byte[] bytes(Endpoint.Target target) throws RelayException {
        Call call = http().newCall(request(target, null));
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw failure(response.code(), response.body().string(), response.header("Retry-After"));
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw unreachable(call, e);
        }
    }

    /**
     * Calls {@code target} (a GET) and writes its body to {@code file} as it arrives, so a large
     * attachment is never held in memory; answers the {@code Content-Type} the relay named (null
     * when none). A failed call leaves {@code file} as far as it got: the caller writes a temporary one.
     */
    public String download(Endpoint.Target target, Path file) throws RelayException {
        Call call = http().newCall(request(target, null));
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw failure(response.code(), response.body().string(), response.header("Retry-After"));
            }
            try (InputStream in = response.body().byteStream(); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return response.header("Content-Type");
        } catch (IOException e) {
            throw unreachable(call, e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The request for {@code target}, with the method its endpoint names and the bearer token when
     * there is one. A POST without a body still sends an empty one (HTTP wants a body there).
     */
    private Request request(Endpoint.Target target, RequestBody body) {
        HttpUrl.Builder url = base().newBuilder().encodedPath(target.path());
        target.query().forEach(q -> url.addQueryParameter(q.name(), q.value()));
        Request.Builder builder = new Request.Builder().url(url.build())
                .header(ProtocolVersion.HEADER, Integer.toString(app.protocol()))
                .header(ProtocolVersion.APP_HEADER, app.version().toString());
        String current = token;
        if (current != null) {
            builder.header("Authorization", "Bearer " + current);
        }
        return switch (target.endpoint().method()) {
            case GET -> builder.get().build();
            case POST -> builder.post(body == null ? RequestBody.create(new byte[0], null) : body).build();
            case PATCH -> builder.patch(body == null ? RequestBody.create(new byte[0], null) : body).build();
            case DELETE -> body == null ? builder.delete().build() : builder.delete(body).build();
        };
    }

    private Answer execute(Request request) throws RelayException {
        return execute(http().newCall(request));
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
            throw unreachable(call, e);
        }
    }

    private RelayException unreachable(Call call, IOException e) {
        if (call.isCanceled()) {
            return new RelayException(0, CANCELLED, "The request was cancelled.");
        }
        return new RelayException(0, "unreachable", "The relay at " + relayUrl.getHost() + " cannot be reached (" + e.getMessage() + ").");
    }

    private RelayException failure(int status, String body, String retryAfter) {
        String code = "http_" + status;
        String message = "The relay answered " + status + ".";
        try {
            ErrorResponse.Detail error = json.readValue(body, ErrorResponse.class).error();
            if (error != null && error.code() != null) {
                code = error.code();
                message = error.message() == null ? message : error.message();
            }
        } catch (IOException | RuntimeException e) {
            // not the relay's JSON (a proxy's page): keep the generic words
        }
        VersionInfo versions = null;
        if (status == 426) {
            try {
                versions = json.readValue(body, TooOldResponse.class).versions();
            } catch (IOException | RuntimeException e) {
                // a 426 of something in between (a proxy): the desk still says it is too old, without a version to name
            }
        }
        long wait = 0;
        try {
            wait = retryAfter == null ? 0 : Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            // an HTTP date: fall back to our own backoff
        }
        return new RelayException(status, code, message, wait, versions);
    }

    private <T> T read(Answer answer, Class<T> type) throws RelayException {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new RelayException(answer.status(), "bad_answer", "The relay's answer could not be read: " + e.getMessage());
        }
    }

    private <T> T readOrNull(Answer answer, Class<T> type) throws RelayException {
        return answer.body().isBlank() ? null : read(answer, type);
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

    /** The bodies' media types, in a holder so that making a {@code RelayApi} loads no OkHttp class. */
    private static final class Media {
        static final MediaType JSON = MediaType.get("application/json");
        static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");
    }

    @Override
    public void close() {
        cancelPoll();
        OkHttpClient built;
        synchronized (this) {
            built = http;
        }
        if (built != null) {
            built.dispatcher().executorService().shutdown();
            built.connectionPool().evictAll();
        }
    }
}
