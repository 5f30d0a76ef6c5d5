// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.practicetext.protocol.Json;
import org.practicetext.relay.admin.AdminEndpoints.Route;
import org.practicetext.relay.admin.AdminWire.ApiKeyEntry;
import org.practicetext.relay.admin.AdminWire.BackupEntry;
import org.practicetext.relay.admin.AdminWire.IssuedApiKey;
import org.practicetext.relay.admin.AdminWire.IssuedUser;
import org.practicetext.relay.admin.AdminWire.NewApiKey;
import org.practicetext.relay.admin.AdminWire.NewBackup;
import org.practicetext.relay.admin.AdminWire.NewNumber;
import org.practicetext.relay.admin.AdminWire.NewPractice;
import org.practicetext.relay.admin.AdminWire.NewUser;
import org.practicetext.relay.admin.AdminWire.NumberEntry;
import org.practicetext.relay.admin.AdminWire.PracticeEntry;
import org.practicetext.relay.admin.AdminWire.UserEntry;
import org.practicetext.relay.refusal.Refusal;

/**
 * The operator's acts through a running relay's operator API ({@code PT_ADMIN_URL} with {@code
 * PT_OPERATOR_TOKEN}). A refusal of the relay's rules comes back as the same {@link Refusal} the
 * direct path throws; anything else that keeps the act from reaching the relay is an {@link
 * Unreachable} that says exactly why (no connection, a wrong token, an operator API that is off).
 */
public final class OnlineAdministration implements Administration {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A backup is answered when it is complete: a large H2 file takes minutes. */
    private static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(30);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OnlineAdministration(URI base, String token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
    }

    /** The act did not reach the relay's rules; the message says why and what to do. */
    public static final class Unreachable extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    @Override
    public PracticeEntry createPractice(NewPractice practice) {
        return call(AdminEndpoints.PRACTICE_CREATE.path(), AdminEndpoints.PRACTICE_CREATE, practice, new TypeReference<>() { });
    }

    @Override
    public List<PracticeEntry> practices() {
        return call(AdminEndpoints.PRACTICES.path(), AdminEndpoints.PRACTICES, null, new TypeReference<>() { });
    }

    @Override
    public PracticeEntry practice(String slug) {
        return call(AdminEndpoints.PRACTICE_SHOW.path(slug), AdminEndpoints.PRACTICE_SHOW, null, new TypeReference<>() { });
    }

    @Override
    public AdminWire.LinkSettings linkSettings(String slug, AdminWire.LinkSettings change) {
        return call(AdminEndpoints.LINK_SETTINGS.path(slug), AdminEndpoints.LINK_SETTINGS, change, new TypeReference<>() { });
    }

    @Override
    public NumberEntry addNumber(String slug, NewNumber number) {
        return call(AdminEndpoints.NUMBER_ADD.path(slug), AdminEndpoints.NUMBER_ADD, number, new TypeReference<>() { });
    }

    @Override
    public List<NumberEntry> numbers(String slug) {
        return call(AdminEndpoints.NUMBERS.path(slug), AdminEndpoints.NUMBERS, null, new TypeReference<>() { });
    }

    @Override
    public void removeNumber(String slug, long numberId) {
        call(AdminEndpoints.NUMBER_REMOVE.path(slug, numberId), AdminEndpoints.NUMBER_REMOVE, null, new TypeReference<JsonNode>() { });
    }

    @Override
    public IssuedUser createUser(String slug, NewUser user) {
        return call(AdminEndpoints.USER_CREATE.path(slug), AdminEndpoints.USER_CREATE, user, new TypeReference<>() { });
    }

    @Override
    public List<UserEntry> users(String slug) {
        return call(AdminEndpoints.USERS.path(slug), AdminEndpoints.USERS, null, new TypeReference<>() { });
    }

    @Override
    public UserEntry deactivateUser(String slug, long userId) {
        return call(AdminEndpoints.USER_DEACTIVATE.path(slug, userId), AdminEndpoints.USER_DEACTIVATE, Map.of(), new TypeReference<>() { });
    }

    @Override
    public IssuedUser resetPassword(String slug, long userId) {
        return call(AdminEndpoints.USER_PASSWORD.path(slug, userId), AdminEndpoints.USER_PASSWORD, Map.of(), new TypeReference<>() { });
    }

    @Override
    public IssuedApiKey createApiKey(String slug, NewApiKey key) {
        return call(AdminEndpoints.API_KEY_CREATE.path(slug), AdminEndpoints.API_KEY_CREATE, key, new TypeReference<>() { });
    }

    @Override
    public List<ApiKeyEntry> apiKeys(String slug) {
        return call(AdminEndpoints.API_KEYS.path(slug), AdminEndpoints.API_KEYS, null, new TypeReference<>() { });
    }

    @Override
    public ApiKeyEntry revokeApiKey(String slug, long keyId) {
        return call(AdminEndpoints.API_KEY_REVOKE.path(slug, keyId), AdminEndpoints.API_KEY_REVOKE, null, new TypeReference<>() { });
    }

    @Override
    public BackupEntry backup(NewBackup backup) {
        return call(AdminEndpoints.BACKUP_CREATE.path(), AdminEndpoints.BACKUP_CREATE, backup, new TypeReference<>() { }, BACKUP_TIMEOUT);
    }

    @Override
    public List<BackupEntry> backups() {
        return call(AdminEndpoints.BACKUPS.path(), AdminEndpoints.BACKUPS, null, new TypeReference<>() { });
    }

    private <T> T call(String path, Route route, Object body, TypeReference<T> type) {
        return call(path, route, body, type, TIMEOUT);
    }

    private <T> T call(String path, Route route, Object body, TypeReference<T> type, Duration timeout) {
        HttpResponse<String> answer = exchange(path, route, body, timeout);
        boolean operatorApi = answer.headers().firstValue(AdminEndpoints.HEADER).isPresent();
        int status = answer.statusCode();
        if (status / 100 == 2) {
            return status == 204 || answer.body().isEmpty() ? null : parse(answer.body(), type);
        }
        JsonNode error = errorOf(answer.body());
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        if (!operatorApi) {
            throw new Unreachable("The relay at " + base + " answered " + status + " to " + route + " and has no operator API: "
                    + "start it with PT_OPERATOR_TOKEN set (and check that PT_ADMIN_URL points at the relay).");
        }
        if (status == 401) {
            throw new Unreachable("The relay at " + base + " answered 401: PT_OPERATOR_TOKEN does not match the relay's"
                    + (code.equals("unauthorized") ? " (none was sent)." : "."));
        }
        Refusal.Reason reason = switch (status) {
            case 400, 413, 415, 422 -> Refusal.Reason.INVALID;
            case 404 -> Refusal.Reason.NOT_FOUND;
            case 409 -> Refusal.Reason.CONFLICT;
            default -> null;
        };
        if (reason == null) {
            throw new Unreachable("The relay at " + base + " answered " + status + (message.isEmpty() ? "." : ": " + message));
        }
        throw new Refusal(reason, message);
    }

    private HttpResponse<String> exchange(String path, Route route, Object body, Duration timeout) {
        URI uri = URI.create(base + path);
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the operator API's own types are JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + token).method(route.method(), publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unreachable("Cannot reach the relay at " + base + " (the connection was refused): is it running, and is PT_ADMIN_URL right? "
                    + "With no relay running, unset PT_ADMIN_URL to administer the database directly.");
        } catch (HttpTimeoutException e) {
            throw new Unreachable("The relay at " + base + " did not answer within " + timeout.toSeconds() + " seconds.");
        } catch (IOException e) {
            throw new Unreachable("Cannot reach the relay at " + base + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Interrupted while waiting for the relay at " + base + ".");
        }
    }

    private <T> T parse(String body, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new Unreachable("The relay at " + base + " answered something that is not the operator API's JSON.");
        }
    }

    private static JsonNode errorOf(String body) {
        try {
            return Json.mapper().readTree(body).path("error");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
