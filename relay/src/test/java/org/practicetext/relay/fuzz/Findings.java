// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzz found, grouped into classes (route, status and exception, or the invariant that
 * broke), so one run reports every distinct failure at once. Each class keeps its first few
 * occurrences: the request index and its redacted description, enough to replay it with
 * {@code -Dfuzz.seed=SEED -Dfuzz.only=INDEX}.
 */
final class Findings {
    private static final int EXAMPLES = 3;

    private record Occurrence(int index, String description, String detail) {
    }

    private static final class Group {
        int count;
        final List<Occurrence> examples = new ArrayList<>();
    }

    private final Map<String, Group> groups = new TreeMap<>();

    /** {@code index} is -1 for a finding of the checks after the run. */
    synchronized void add(String group, int index, String description, String detail) {
        Group g = groups.computeIfAbsent(group, k -> new Group());
        g.count++;
        if (g.examples.size() < EXAMPLES) {
            g.examples.add(new Occurrence(index, description, detail));
        }
    }

    synchronized boolean isEmpty() {
        return groups.isEmpty();
    }

    synchronized int classes() {
        return groups.size();
    }

    synchronized String summary(long seed) {
        StringBuilder out = new StringBuilder();
        out.append(groups.size()).append(" distinct failure classes (seed ").append(seed).append("):\n");
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            Group g = e.getValue();
            out.append("\n* ").append(e.getKey()).append(" — ").append(g.count).append(g.count == 1 ? " time\n" : " times\n");
            for (Occurrence o : g.examples) {
                out.append("    ");
                if (o.index >= 0) {
                    out.append("#").append(o.index).append(" (-Dfuzz.seed=").append(seed).append(" -Dfuzz.only=").append(o.index).append("): ");
                }
                out.append(o.description);
                if (o.detail != null && !o.detail.isEmpty()) {
                    out.append("\n      ").append(o.detail);
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
