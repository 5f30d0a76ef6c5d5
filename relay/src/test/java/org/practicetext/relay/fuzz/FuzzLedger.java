// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicetext.protocol.Json;
import org.practicetext.relay.fuzz.RawHttp.Answer;

/**
 * What the relay said about the things that must be stored, or must not be: every correctly
 * signed inbound text and its answers, every forged one, every simulated inbound text and every
 * message the send endpoints accepted. The checks after the run hold the database to it.
 */
final class FuzzLedger {
    /** The answers to one signed MessageSid; {@code inbound} is set when it was sent genuine. */
    static final class Signed {
        FuzzRequest.Inbound inbound;
        final List<Integer> statuses = new ArrayList<>();
        int firstIndex = -1;
        String description;

        boolean acknowledged() {
            return statuses.contains(200);
        }
    }

    final Map<String, Signed> signed = new LinkedHashMap<>();
    final Map<String, Integer> forged = new LinkedHashMap<>();
    final Map<String, Integer> simulated = new LinkedHashMap<>();
    final Map<Long, Integer> acceptedMessages = new LinkedHashMap<>();
    final Map<String, Map<Integer, Integer>> statusesByRoute = new java.util.TreeMap<>();

    void record(FuzzRequest q, Answer a) {
        statusesByRoute.computeIfAbsent(q.route(), k -> new java.util.TreeMap<>()).merge(a.status(), 1, Integer::sum);
        if (q.route().equals("POST /twilio/sms") && q.signedSid() != null) {
            Signed s = signed.computeIfAbsent(q.signedSid(), k -> new Signed());
            s.statuses.add(a.status());
            if (s.firstIndex < 0) {
                s.firstIndex = q.index();
                s.description = q.description();
            }
            if (q.inbound() != null && s.inbound == null) {
                s.inbound = q.inbound();
            }
        }
        if (q.forgedSid() != null) {
            forged.put(q.forgedSid(), q.index());
        }
        if (a.status() == 202) {
            JsonNode json = json(a);
            if (q.route().equals("POST /api/v1/simulator/inbound") && json != null && json.path("sid").isTextual()) {
                simulated.put(json.get("sid").asText(), q.index());
            }
            if ((q.route().equals("POST /api/v1/messages") || q.route().equals("POST /api/v1/campaign-messages"))
                    && json != null && json.path("id").canConvertToLong()) {
                acceptedMessages.putIfAbsent(json.get("id").asLong(), q.index());
            }
        }
    }

    private static JsonNode json(Answer a) {
        try {
            return Json.mapper().readTree(a.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** "POST /twilio/sms 200×812 400×95 403×120" for each route, for the run's report. */
    String statusTable() {
        StringBuilder out = new StringBuilder();
        statusesByRoute.forEach((route, counts) -> {
            out.append(String.format("  %-45s", route));
            counts.forEach((status, n) -> out.append(' ').append(status < 0 ? "none" : status).append('×').append(n));
            out.append('\n');
        });
        return out.toString();
    }
}
