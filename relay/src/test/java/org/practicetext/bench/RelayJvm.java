// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicetext.relay.RawHttp;

/**
 * The packaged relay ({@code target/practicetext-relay.jar serve}) in a JVM of its own, as an
 * operator runs it, with what {@link ParkedPollsBenchmark} reads of it from outside: its resident
 * set and peak ({@code /proc/PID/status}), its heap after a full collection and its class
 * histogram ({@code jcmd}), its CPU time ({@code /proc/PID/stat}) and its {@code /metrics}.
 */
final class RelayJvm implements AutoCloseable {
    static final String METRICS_TOKEN = "bench-metrics-token-0123456789";
    /** G1's one heap line, or the serial and parallel collectors' two generations (not Metaspace's line). */
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\s*(?:garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen)\\b.*?used (\\d+)K");
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Process process;
    private final int port;
    private final Path log;

    private RelayJvm(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with {@code jvmOptions} and {@code env}, on a free port, and waits for {@code /health}. */
    static RelayJvm start(Path jar, List<String> jvmOptions, Map<String, String> env, Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(tool("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PT_PORT", Integer.toString(port));
        builder.environment().put("PT_METRICS_TOKEN", METRICS_TOKEN);
        RelayJvm relay = new RelayJvm(builder.start(), port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!relay.process.isAlive()) {
                throw new IllegalStateException("the relay exited with " + relay.process.exitValue() + "; see " + log);
            }
            try (RawHttp.KeptAlive health = new RawHttp.KeptAlive(port)) {
                if (health.get("/health").startsWith("HTTP/1.1 200")) {
                    return relay;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        relay.close();
        throw new IllegalStateException("the relay did not answer /health within 90 s; see " + log);
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** {@code VmRSS} and {@code VmHWM} (the peak resident set) in KiB. */
    long[] residentKib() throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    /** User plus system CPU time so far, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND; // utime, stime
    }

    /** Heap in use right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), in KiB. */
    long heapAfterGcKib() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long kib = 0;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
        }
        return kib;
    }

    /** The first {@code lines} lines of the class histogram (live objects: it runs a full collection). */
    String histogram(int lines) throws IOException, InterruptedException {
        String[] all = jcmd("GC.class_histogram").split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, 0, Math.min(all.length, lines + 3)));
    }

    String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(tool("jcmd"), Long.toString(pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    /** The relay's {@code /metrics} text. */
    String metrics() {
        return RawHttp.exchange(port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + METRICS_TOKEN).body();
    }

    /** The gauge {@code pt_feed_polls_parked}. */
    int parked() {
        Matcher gauge = Pattern.compile("(?m)^pt_feed_polls_parked(?:\\{[^}]*})? ([0-9.eE+]+)").matcher(metrics());
        return gauge.find() ? (int) Double.parseDouble(gauge.group(1)) : -1;
    }

    /** SIGTERM (the graceful stop), then a kill if it has not exited in 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
