// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.practicetext.relay.fuzz.RawHttp.Header;
import org.practicetext.relay.fuzz.RawHttp.Transfer;

/** A request being built by {@link FuzzRequests} or {@link FuzzWebhooks}: its parts and the words that describe it. */
final class Draft {
    final int index;
    final Random r;
    String route;
    String method;
    String path;
    final List<Header> headers = new ArrayList<>();
    byte[] body;
    Transfer transfer = Transfer.LENGTH;
    final List<String> what = new ArrayList<>();
    int caller = -1;
    String signedSid;
    FuzzRequest.Inbound inbound;
    boolean genuine;
    String forgedSid;
    /** The practice the request is about, when there is one. */
    FuzzWorld.Practice practice;
    /** Most fields valid and an ordinary caller, so that the odd field or two reach past the first check. */
    boolean focused;

    Draft(int index, Random r) {
        this.index = index;
        this.r = r;
    }

    FuzzRequest build() {
        byte[] target = path.getBytes(StandardCharsets.UTF_8);
        return new FuzzRequest(index, route, method, target, List.copyOf(headers), body, transfer,
                method + " " + shortPath(path) + (focused ? " | focused" : "") + " | " + String.join(" | ", what), caller, signedSid, inbound, genuine, forgedSid);
    }

    static String shortPath(String path) {
        return path.length() > 120 ? path.substring(0, 100) + "…(" + path.length() + " chars)" : path;
    }

    static void header(Draft d, String name, String value, String what) {
        d.headers.add(Header.of(name, value));
        d.what.add(what);
    }

    /** Chunk sizes for a body of {@code length} bytes: a few, sometimes tiny. */
    static int[] pieces(Random r, int length) {
        int[] sizes = new int[1 + r.nextInt(4)];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = length < 4_096 && r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1 + r.nextInt(Math.max(1, Math.min(length, 16_384)));
        }
        return sizes;
    }
}
