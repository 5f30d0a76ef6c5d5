// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The crash suite's figures and verdict as text: how it was run (seed, kills), what the clients
 * did (requests, acknowledgements, 5xx), what the verdict counted, and each broken invariant with
 * its first cases. The same text is printed and kept in {@code target/crash-it/report.txt}.
 */
final class CrashReport {
    private static final int CASES_SHOWN = 25;

    private CrashReport() {
    }

    static String render(long seed, int restarts, List<String> kills, Duration took, RelayProcess relay, FakeTwilio twilio, Tally tally,
                         CrashVerdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append("=== crash suite report ===\n");
        out.append("seed ").append(seed).append(" (replay: -Dcrash.seed=").append(seed).append("), restarts ").append(restarts)
                .append(", took ").append(took.toSeconds()).append(" s\n");
        long sigkill = kills.stream().filter(k -> k.startsWith("SIGKILL")).count();
        long sigterm = kills.stream().filter(k -> k.startsWith("SIGTERM")).count();
        out.append("kills: ").append(sigkill).append(" SIGKILL, ").append(sigterm).append(" SIGTERM during the run, then a final SIGTERM; exits ")
                .append(kills).append('\n');
        Map<String, Long> figures = verdict.figures();
        long requests = tally.startingWith("requests ").values().stream().mapToLong(Long::longValue).sum();
        out.append("summary: ").append(requests).append(" requests (").append(tally.get("requests POST /twilio/sms")).append(" webhook deliveries of ")
                .append(figures.getOrDefault("inbound SIDs", 0L)).append(" SIDs, ")
                .append(tally.get("requests POST /api/v1/messages") + tally.get("requests POST /api/v1/campaign-messages")).append(" send attempts for ")
                .append(figures.getOrDefault("sends clientIds", 0L)).append(" clientIds); acknowledged ").append(figures.getOrDefault("inbound acknowledged", 0L))
                .append(" SIDs and ").append(figures.getOrDefault("sends accepted (202)", 0L)).append(" sends; kills ").append(sigkill).append(" SIGKILL + ")
                .append(sigterm).append(" SIGTERM; lost ").append(figures.getOrDefault("inbound lost", 0L) + figures.getOrDefault("sends lost (202, not stored)", 0L))
                .append("; duplicated ").append(figures.getOrDefault("inbound duplicated", 0L) + figures.getOrDefault("carrier texts sent more than once", 0L))
                .append("; 5xx ").append(tally.get("5xx")).append('\n');
        out.append("relay starts: ").append(relay.startups().size()).append(", start-up times ")
                .append(relay.startups().stream().map(d -> d.toMillis() + " ms").toList()).append('\n');
        out.append("requests:\n");
        tally.startingWith("requests ").forEach((k, v) -> out.append("  ").append(k.substring("requests ".length())).append(": ").append(v)
                .append(" (no answer ").append(tally.get("no answer " + k.substring("requests ".length()))).append(")\n"));
        out.append("5xx answers: ").append(tally.get("5xx")).append('\n');
        tally.startingWith("5xx ").forEach((k, v) -> out.append("  ").append(k.substring(4)).append(": ").append(v).append('\n'));
        tally.serverErrorSamples().forEach((k, v) -> out.append("  e.g. ").append(k).append(": ").append(v.get(0)).append('\n'));
        for (String prefix : List.of("webhooks refused", "sends refused", "sends answered", "feed ", "status callbacks")) {
            tally.startingWith(prefix).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        }
        out.append("carrier: ").append(twilio.created().size()).append(" creates, ").append(twilio.lookups()).append(" look-ups, ")
                .append(twilio.refusedAuth()).append(" refused for bad credentials\n");
        out.append("verdict figures:\n");
        for (Map.Entry<String, Long> e : verdict.figures().entrySet()) {
            out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        if (verdict.findings().isEmpty()) {
            out.append("every invariant held\n");
        } else {
            out.append(verdict.findings().size()).append(" invariant(s) broken:\n");
            for (CrashVerdict.Finding f : verdict.findings()) {
                out.append("- ").append(f.invariant()).append(": ").append(f.cases().size()).append(" case(s)\n");
                f.cases().stream().limit(CASES_SHOWN).forEach(c -> out.append("    ").append(c).append('\n'));
                if (f.cases().size() > CASES_SHOWN) {
                    out.append("    … and ").append(f.cases().size() - CASES_SHOWN).append(" more\n");
                }
            }
            out.append("relay log: ").append(relay.log()).append('\n');
        }
        return out.toString();
    }
}
