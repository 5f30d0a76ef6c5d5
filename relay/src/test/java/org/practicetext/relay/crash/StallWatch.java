// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.crash;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes a thread dump of the relay's JVM the first time its log says the database stalled (a lock
 * wait that timed out, {@code HYT00}, or the pool that had no connection to give), so a rare
 * stall leaves the stacks of whoever held the lock and the connections, not only the victims'
 * errors. The dump is {@code jcmd <pid> Thread.dump_to_file}, which also lists the virtual threads
 * every request and background loop of the relay runs on.
 *
 * <p>Cheap when nothing stalls: it reads only the log's new bytes, four times a second. At most
 * {@link #MAX_DUMPS} dumps a run, at most one per relay process.
 */
final class StallWatch implements AutoCloseable {
    static final List<String> MARKERS = List.of("HYT00", "SQLTransientConnectionException", "Connection is not available");
    private static final int MAX_DUMPS = 4;

    private final Path log;
    private final Path folder;
    private final Supplier<OptionalLong> pid;
    private final List<Path> dumps = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long offset;
    private long dumpedPid = -1;

    StallWatch(Path log, Path folder, Supplier<OptionalLong> pid) {
        this.log = log;
        this.folder = folder;
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().name("crash-stall-watch").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                scan();
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // The log may not exist yet; look again on the next turn.
            }
        }
    }

    private void scan() throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        String fresh;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 4 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            offset += bytes.length;
            fresh = new String(bytes, StandardCharsets.UTF_8);
        }
        if (MARKERS.stream().anyMatch(fresh::contains)) {
            OptionalLong current = pid.get();
            if (current.isPresent() && current.getAsLong() != dumpedPid && dumps.size() < MAX_DUMPS) {
                dumpedPid = current.getAsLong();
                dump(current.getAsLong());
            }
        }
    }

    private void dump(long relayPid) {
        Path file = folder.resolve("stall-threads-" + (dumps.size() + 1) + "-pid" + relayPid + ".txt");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(relayPid), "Thread.dump_to_file", "-format=text", file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            synchronized (dumps) {
                dumps.add(file);
            }
        } catch (IOException e) {
            // No dump this time; the run goes on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The dumps taken so far. */
    List<Path> dumps() {
        synchronized (dumps) {
            return List.copyOf(dumps);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
