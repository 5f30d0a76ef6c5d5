// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The crash suite's counters, shared by every client thread: how many requests of each kind were
 * made and how each ended. A few answers of each 5xx are kept verbatim so a report can say what
 * the relay said, not only that it failed.
 */
final class Tally {
    private static final int SAMPLES_PER_KIND = 5;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> samples = new ConcurrentHashMap<>();

    void count(String name) {
        counts.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    long get(String name) {
        LongAdder adder = counts.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** Counts a 5xx answer of {@code endpoint} and keeps the first few bodies of each status. */
    void serverError(String endpoint, int status, String body) {
        count("5xx");
        count("5xx " + endpoint + " " + status);
        List<String> kept = samples.computeIfAbsent(endpoint + " " + status, k -> new ArrayList<>());
        synchronized (kept) {
            if (kept.size() < SAMPLES_PER_KIND) {
                kept.add(body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
            }
        }
    }

    /** Every counter whose name starts with {@code prefix}, sorted by name. */
    Map<String, Long> startingWith(String prefix) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((name, adder) -> {
            if (name.startsWith(prefix)) {
                out.put(name, adder.sum());
            }
        });
        return out;
    }

    Map<String, List<String>> serverErrorSamples() {
        return new TreeMap<>(samples);
    }
}
