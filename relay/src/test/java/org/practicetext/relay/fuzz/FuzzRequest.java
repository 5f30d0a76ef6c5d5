// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import java.util.List;
import org.practicetext.relay.fuzz.RawHttp.Header;
import org.practicetext.relay.fuzz.RawHttp.Transfer;

/**
 * One generated request, and what the fuzz knows about it: the route it aims at (for grouping),
 * which practice's data the caller may see ({@code caller}, -1 for none), and for a signed
 * inbound text the message the relay must store when it answers 200.
 *
 * @param route       {@code "POST /api/v1/contacts/{id}"}, as the relay declares it, or {@code "(no route)"}
 * @param description the request's shape, never its content (safe to print)
 * @param signedSid   the MessageSid of a correctly signed webhook, else null
 * @param inbound     for a genuine, correctly signed text: what must be stored
 * @param genuine     a webhook Twilio could really send: it must be answered 200
 * @param forgedSid   the MessageSid of a webhook with a missing or wrong signature: never stored
 */
record FuzzRequest(int index, String route, String method, byte[] target, List<Header> headers, byte[] body, Transfer transfer,
        String description, int caller, String signedSid, Inbound inbound, boolean genuine, String forgedSid) {
    /** The {@code caller} of a request with the operator token: it may see every practice. */
    static final int OPERATOR = -2;


    /** A text as Twilio sent it, to compare with what was stored. {@code media} holds url and content type pairs. */
    record Inbound(String sid, String from, String to, String body, List<String[]> media) {
    }
}
