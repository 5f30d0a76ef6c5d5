// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP to the relay process, as its clients see it across crashes: an answer, or nothing (the
 * connection was refused or cut, or the answer did not come in time). Every 5xx is counted in the
 * {@link Tally} under the endpoint it came from.
 */
final class RelayWire {
    private final String base;
    private final Tally tally;
    // HTTP/1.1 like Twilio and the desktop client; plain http would otherwise try an h2c upgrade.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    RelayWire(String base, Tally tally) {
        this.base = base;
        this.tally = tally;
    }

    String base() {
        return base;
    }

    HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    }

    /** Sends once; empty when no answer arrived (which, for a POST, leaves its outcome unknown). */
    Optional<HttpResponse<String>> send(String endpoint, HttpRequest request) {
        tally.count("requests " + endpoint);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            tally.count("no answer " + endpoint);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (response.statusCode() >= 500) {
            tally.serverError(endpoint, response.statusCode(), response.body());
        }
        return Optional.of(response);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
