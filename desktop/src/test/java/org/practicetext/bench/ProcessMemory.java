// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the start-up benchmarks print about memory: the process's resident set (Linux
 * {@code /proc/self/status} VmRSS, what the OS charges the app) and the Java heap in use, at the
 * first paint and, with {@code -Dbench.holdSeconds=N}, again after N seconds with the window open.
 */
final class ProcessMemory {
    private ProcessMemory() {
    }

    static String now() {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "rss-mib %d heap-mib %d", rssKib() / 1024, heap / (1024 * 1024));
    }

    /** Prints the figures after the hold, if one was asked for ({@code -Dbench.holdSeconds}). */
    static void holdAndPrint() throws InterruptedException {
        int seconds = Integer.getInteger("bench.holdSeconds", 0);
        if (seconds > 0) {
            Thread.sleep(seconds * 1000L);
            System.out.println("after-" + seconds + "-s " + now());
        }
    }

    private static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no resident set figure
        }
        return -1;
    }
}
