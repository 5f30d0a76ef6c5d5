// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code GET /ready} asks: each registered check in turn (the database, its migrations,
 * and later the LISTEN/NOTIFY listener), and whether the relay is stopping. A check answers
 * empty when all is well, or a short reason in words an operator can act on; a check that
 * throws fails with its exception's class only (a driver's message may quote a value).
 */
public final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final Map<String, Supplier<Optional<String>>> checks = new LinkedHashMap<>();
    private volatile boolean stopping;

    /** Adds a check under {@code name} (a word: {@code database}, {@code listener}); checks run in the order added. */
    public synchronized Readiness register(String name, Supplier<Optional<String>> check) {
        if (checks.putIfAbsent(name, check) != null) {
            throw new IllegalArgumentException("a readiness check named " + name + " is already registered");
        }
        return this;
    }

    /** From now on the relay is not ready: a load balancer sends it nothing new while it stops. */
    public void stopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    /**
     * Runs every check. After the first failure the rest are reported as not run, so a dead
     * database costs one timeout. While stopping none runs: the answer is {@code stopping}
     * whatever they would say, and the pool may be closing under them.
     */
    public ReadyView check() {
        if (stopping) {
            return new ReadyView(ReadyView.Status.STOPPING, Map.of());
        }
        Map<String, ReadyView.Check> results = new LinkedHashMap<>();
        boolean failed = false;
        Map<String, Supplier<Optional<String>>> all;
        synchronized (this) {
            all = new LinkedHashMap<>(checks);
        }
        for (Map.Entry<String, Supplier<Optional<String>>> check : all.entrySet()) {
            if (failed) {
                results.put(check.getKey(), new ReadyView.Check(false, "not checked: an earlier check failed"));
                continue;
            }
            Optional<String> problem = run(check.getKey(), check.getValue());
            results.put(check.getKey(), new ReadyView.Check(problem.isEmpty(), problem.orElse(null)));
            failed = problem.isPresent();
        }
        ReadyView.Status status = failed ? ReadyView.Status.NOT_READY : ReadyView.Status.READY;
        return new ReadyView(status, results);
    }

    private static Optional<String> run(String name, Supplier<Optional<String>> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            LOG.warn("readiness check {} failed: {}", name, root.getClass().getSimpleName());
            return Optional.of("failed (" + root.getClass().getSimpleName() + ")");
        }
    }
}
