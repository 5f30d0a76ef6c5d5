// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64(HMAC-SHA1(auth token, URL + each parameter name
 * followed by its value, names in sorted order)).
 *
 * <p>The URL is the one Twilio was configured with, rebuilt from the relay's public base URL,
 * never from the request (a TLS terminator changes scheme, host and port). Like Twilio's own
 * validator we also accept the URL with the default port added or removed. Every received
 * parameter is signed, because Twilio adds parameters without notice.
 */
public final class TwilioSignature {
    private final byte[] authToken;

    public TwilioSignature(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code candidate} is the auth token (in constant time): the simulated carrier's media take the same credentials as Twilio's. */
    public boolean isToken(String candidate) {
        return candidate != null && java.security.MessageDigest.isEqual(authToken, candidate.getBytes(StandardCharsets.UTF_8));
    }

    public String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            List<String> values = new ArrayList<>(e.getValue());
            values.sort(null);
            for (String value : values) {
                data.append(e.getKey()).append(value == null ? "" : value);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check against the URL as configured, with and without the default port. */
    public boolean matches(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String candidate : urlVariants(url)) {
            ok |= MessageDigest.isEqual(given, sign(candidate, params).getBytes(StandardCharsets.US_ASCII));
        }
        return ok;
    }

    static List<String> urlVariants(String url) {
        String withoutFragment = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        URI uri;
        try {
            uri = URI.create(withoutFragment);
        } catch (IllegalArgumentException e) {
            return List.of(withoutFragment); // a query java.net.URI rejects is still signed verbatim
        }
        if (uri.getScheme() == null || !withoutFragment.contains("://")) {
            return List.of(withoutFragment);
        }
        String scheme = uri.getScheme();
        int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : 80;
        String rest = withoutFragment.substring(withoutFragment.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash);
        String prefix = scheme + "://";
        if (uri.getPort() == defaultPort) {
            String host = authority.substring(0, authority.lastIndexOf(':'));
            return List.of(withoutFragment, prefix + host + tail);
        }
        if (uri.getPort() == -1) {
            return List.of(withoutFragment, prefix + authority + ":" + defaultPort + tail);
        }
        return List.of(withoutFragment);
    }
}
