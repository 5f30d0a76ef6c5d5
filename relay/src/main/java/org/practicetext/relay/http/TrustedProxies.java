// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reverse proxies ({@code PT_TRUSTED_PROXIES}: IP addresses and CIDR ranges) whose
 * {@code X-Forwarded-For} the relay believes, and the client address that follows from it.
 *
 * <p>The rule: when the TCP peer is not a trusted proxy, the peer is the client and
 * {@code X-Forwarded-For} is ignored (anyone can send one). When it is, the header is read from
 * the right, skipping trusted proxies; the first address that is not one is the client. Entries
 * left of it were written by the client itself and prove nothing. If every entry is trusted, the
 * left-most is taken; if the entry found is not an IP address, the last trusted hop is taken.
 */
public final class TrustedProxies {
    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses {@code 10.0.0.0/8, 192.168.1.5, fd00::/8}; throws naming the bad entry. */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return none();
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        InetAddress ip = literal(address);
        return ip != null && ranges.stream().anyMatch(r -> r.contains(ip));
    }

    /** The client address of a request, for Javalin's {@code ctx.ip()}. */
    public String clientAddress(Context ctx) {
        return clientAddress(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** The client behind {@code peer}, given the request's {@code X-Forwarded-For} header values in order. */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (ranges.isEmpty() || forwardedFor.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(withoutPort(hops.get(i)));
            if (hop == null) {
                return nearest;
            }
            String address = hop.getHostAddress();
            if (!trusts(address)) {
                return address;
            }
            nearest = address;
        }
        return nearest;
    }

    /** {@code 203.0.113.7:5100} and {@code [2001:db8::7]:5100} as some proxies write them. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.indexOf(']') > 0) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** An IP literal, never a DNS look-up; {@code null} for anything else. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1); // Jetty writes an IPv6 peer in brackets
        }
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {
        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("PT_TRUSTED_PROXIES: " + entry + " is not an IP address or CIDR range.");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("PT_TRUSTED_PROXIES: " + entry + " has a prefix length outside 0–" + bits + ".");
                }
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress ip) {
            byte[] candidate = ip.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
