// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.practicetext.core.MediaProblem;

/**
 * One download of an inbound MMS file from Twilio, with the account's credentials kept to where
 * they belong (ADR 0022):
 * <ul>
 * <li>credentials go <em>only</em> to a URL that is exactly a media resource of this account and
 * this message, {@code {api base}/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/ME…},
 * where the base is Twilio's or {@code PT_TWILIO_API_BASE}; any other {@code MediaUrl} is not
 * fetched at all ({@link MediaProblem#NOT_TWILIO}), so a forged webhook field cannot make the relay
 * call an internal address or hand the auth token to a stranger;</li>
 * <li>Twilio answers with a redirect to its CDN: that is followed <em>without</em> credentials, and
 * only to an {@code https} host whose every address is public (or to the API base's own origin,
 * where a test's fake Twilio serves both);</li>
 * <li>at most {@code maxBytes} are read ({@link MediaProblem#TOO_LARGE} beyond);</li>
 * <li>404, 429, 5xx and network failures are worth another try (Twilio's media can lag the
 * webhook); 401 and 403 (credentials refused) and any other answer are not.</li>
 * </ul>
 */
final class MediaDownload {
    private static final Pattern MEDIA_SID = Pattern.compile("ME[0-9a-fA-F]{32}");
    private static final int MOST_REDIRECTS = 4;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** How a download ended. */
    sealed interface Outcome {
    }

    /** The file's bytes and the type Twilio's answer gave it. */
    record Fetched(byte[] content, String contentType) implements Outcome {
    }

    /** Worth another try later; {@code notFound} when the answer was 404 (the file may not be there yet). */
    record TryAgain(boolean notFound, String reason) implements Outcome {
    }

    /** Not worth another try until staff ask for one. */
    record GiveUp(MediaProblem problem, String reason) implements Outcome {
    }

    private final Supplier<URI> apiBase;
    private final Supplier<String> accountSid;
    private final String authToken;
    private final long maxBytes;
    private final HttpClient http;

    /**
     * @param apiBase    Twilio's API base ({@code https://api.twilio.com}, or {@code PT_TWILIO_API_BASE}), possibly with a path
     * @param accountSid the account whose media the relay fetches (the credentials' user)
     */
    MediaDownload(Supplier<URI> apiBase, Supplier<String> accountSid, String authToken, long maxBytes) {
        this.apiBase = apiBase;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Whether {@code url} is exactly a media resource of this account and of the message {@code messageSid}. */
    boolean isAccountMedia(String url, String messageSid) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null || !sameOrigin(uri, apiBase.get())
                || messageSid == null || accountSid.get() == null) {
            return false;
        }
        String prefix = basePath() + "/2010-04-01/Accounts/" + accountSid.get() + "/Messages/" + messageSid + "/Media/";
        String path = uri.getRawPath();
        return path != null && path.startsWith(prefix) && MEDIA_SID.matcher(path.substring(prefix.length())).matches();
    }

    /** Downloads the file of an inbound text; never throws for what the network or Twilio does. */
    Outcome fetch(String url, String messageSid) {
        if (!isAccountMedia(url, messageSid)) {
            return new GiveUp(MediaProblem.NOT_TWILIO, "not a media URL of this account and message");
        }
        URI next = URI.create(url);
        boolean credentials = true;
        for (int hop = 0; hop <= MOST_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(next).timeout(READ_TIMEOUT).GET();
            if (credentials) {
                request.header("Authorization", basic());
            }
            HttpResponse<InputStream> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return new TryAgain(false, "network: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TryAgain(false, "interrupted");
            }
            int status = answer.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(answer);
                Optional<String> location = answer.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return new GiveUp(MediaProblem.FAILED, "redirect " + status + " without a Location");
                }
                URI target;
                try {
                    target = next.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return new GiveUp(MediaProblem.FAILED, "redirect to an unreadable Location");
                }
                if (!mayFollow(target)) {
                    return new GiveUp(MediaProblem.NOT_TWILIO, "redirect to an address that is not public");
                }
                next = target;
                credentials = false; // the CDN's link carries its own signature; the account's credentials stay with Twilio's API
                continue;
            }
            if (status == 200) {
                return read(answer);
            }
            close(answer);
            if (status == 404 || status == 429 || status >= 500) {
                return new TryAgain(status == 404, "answered " + status);
            }
            return new GiveUp(MediaProblem.FAILED, "answered " + status);
        }
        return new GiveUp(MediaProblem.FAILED, "more than " + MOST_REDIRECTS + " redirects");
    }

    /**
     * Deletes Twilio's copy of a file the relay now keeps (when the practice asked for it): with
     * credentials, only at an account media URL. True when Twilio answered that it is gone.
     */
    boolean deleteAtCarrier(String url, String messageSid) {
        if (!isAccountMedia(url, messageSid)) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(READ_TIMEOUT).DELETE().header("Authorization", basic()).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 204 || status == 200 || status == 404;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Outcome read(HttpResponse<InputStream> answer) {
        OptionalLong length = answer.headers().firstValueAsLong("Content-Length");
        String type = answer.headers().firstValue("Content-Type").orElse(null);
        if (length.isPresent() && length.getAsLong() > maxBytes) {
            close(answer);
            return new GiveUp(MediaProblem.TOO_LARGE, "Content-Length " + length.getAsLong());
        }
        try (InputStream in = answer.body()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                return new GiveUp(MediaProblem.TOO_LARGE, "more than " + maxBytes + " bytes");
            }
            if (content.length == 0) {
                return new TryAgain(false, "an empty answer");
            }
            return new Fetched(content, type);
        } catch (IOException e) {
            return new TryAgain(false, "network while reading: " + e.getClass().getSimpleName());
        }
    }

    /**
     * A redirect's target: the API base's own origin (a fake Twilio in tests serves its "CDN"
     * there), or an {@code https} host on the default port whose every address is public: not
     * loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local or multicast.
     */
    private boolean mayFollow(URI target) {
        if (sameOrigin(target, apiBase.get())) {
            return true;
        }
        if (!"https".equalsIgnoreCase(target.getScheme()) || target.getHost() == null || target.getRawUserInfo() != null
                || (target.getPort() != -1 && target.getPort() != 443)) {
            return false;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(target.getHost());
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 198 && (second == 18 || second == 19)) && first < 224;
        }
        return (b[0] & 0xFE) != 0xFC; // IPv6 unique-local fc00::/7
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT)) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private String basePath() {
        String path = apiBase.get().getRawPath();
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((accountSid.get() + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    private static void close(HttpResponse<InputStream> answer) {
        try {
            answer.body().close();
        } catch (IOException e) {
            // nothing more to read from it
        }
    }
}
