// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The packaged relay ({@code target/practicetext-relay.jar}) as an operator runs it: the admin
 * commands and {@code serve}, each a separate JVM on the same data folder, port and node id.
 *
 * <p>{@link #kill()} is a real {@code kill -9} of the relay's JVM (the child is the {@code java}
 * process itself, not a shell around it, and its exit status 137 = 128 + SIGKILL is checked), so
 * no shutdown hook, no {@code finally} and no H2 close runs. {@link #terminate()} is SIGTERM, which
 * runs the JVM's shutdown hooks (the relay's and H2's) while requests are still in flight.
 */
final class RelayProcess {
    static final int SIGKILL_EXIT = 128 + 9;
    static final int SIGTERM_EXIT = 128 + 15;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path jar;
    private final Path log;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final Path cds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Duration> startups = new ArrayList<>();
    private volatile Process process;
    private int starts;

    /**
     * {@code cds} is a folder for class-data-sharing archives (one for the admin commands, one for
     * {@code serve}), made by the first JVM that exits normally and used by every later start;
     * null runs without them.
     */
    RelayProcess(Path jar, Path log, int port, Map<String, String> env, List<String> jvmOptions, Path cds) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.cds = cds;
        this.jar = jar.toAbsolutePath();
        this.log = log;
        this.port = port;
        this.env = Map.copyOf(env);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private List<String> sharing(String name) {
        return cds == null ? List.of() : List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cds.resolve(name + ".jsa"));
    }

    /** Runs one admin command to completion and answers its standard output; fails on a non-zero exit. */
    String admin(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(sharing("admin"));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process admin = builder.start();
        try (OutputStream in = admin.getOutputStream()) {
            if (stdin != null) {
                in.write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!admin.waitFor(60, TimeUnit.SECONDS)) {
            admin.destroyForcibly();
            throw new IllegalStateException("admin command " + String.join(" ", args) + " did not finish in 60 s");
        }
        if (admin.exitValue() != 0) {
            throw new IllegalStateException("admin command " + String.join(" ", args) + " exited " + admin.exitValue() + ": " + out
                    + "\n" + logTail(20));
        }
        return out;
    }

    /** Starts {@code serve} and waits until {@code /health} answers; throws with the log's tail if it never does. */
    void start() throws IOException, InterruptedException {
        starts++;
        mark("start #" + starts);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(sharing("serve"));
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long began = System.nanoTime();
        process = builder.start();
        long deadline = began + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the relay exited with " + process.exitValue() + " while starting (start #" + starts + ")\n" + logTail(40));
            }
            if (healthy()) {
                startups.add(Duration.ofNanos(System.nanoTime() - began));
                String binary = process.info().command().orElse("");
                if (!binary.endsWith("/java")) {
                    throw new IllegalStateException("the relay's process is " + binary + ", not the JVM itself; a kill would not reach it");
                }
                return;
            }
            Thread.sleep(50);
        }
        threadDump(process);
        throw new IllegalStateException("the relay did not answer /health within " + START_TIMEOUT.toSeconds() + " s (start #" + starts + ")\n" + logTail(40));
    }

    /** Appends the stuck relay's threads to its log (jcmd Thread.print), so a start that hangs says where. */
    private void threadDump(Process stuck) throws IOException, InterruptedException {
        mark("thread dump of pid " + stuck.pid() + " (it did not answer /health in time)");
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(stuck.pid()), "Thread.print")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}; answers the exit status, which must be 137. */
    int kill() throws IOException, InterruptedException {
        mark("SIGKILL pid " + process.pid());
        process.toHandle().destroyForcibly();
        process.waitFor();
        int exit = process.exitValue();
        if (exit != SIGKILL_EXIT) {
            throw new IllegalStateException("the relay's JVM exited " + exit + " after SIGKILL, not " + SIGKILL_EXIT + ": it was not killed by the signal");
        }
        return exit;
    }

    /**
     * SIGTERM, and waits for the JVM to finish its shutdown hooks. A relay that has not exited
     * after {@link #STOP_TIMEOUT} is killed; the answer is then negative, so the caller can report it.
     */
    int terminate() throws IOException, InterruptedException {
        mark("SIGTERM pid " + process.pid());
        process.toHandle().destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.toHandle().destroyForcibly();
            process.waitFor();
            return -1;
        }
        return process.exitValue();
    }

    /** Kills whatever is still running; for the test's {@code finally}. */
    void destroy() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.toHandle().destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The pid of the relay's JVM while one runs. */
    OptionalLong pid() {
        Process running = process;
        return running != null && running.isAlive() ? OptionalLong.of(running.pid()) : OptionalLong.empty();
    }

    List<Duration> startups() {
        return List.copyOf(startups);
    }

    Path log() {
        return log;
    }

    private void mark(String what) throws IOException {
        Files.writeString(log, "=== crash suite: " + what + " at " + java.time.Instant.now() + " ===\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The last lines of the relay's log, for a failure message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
