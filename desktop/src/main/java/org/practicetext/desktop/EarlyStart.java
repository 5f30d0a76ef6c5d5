// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.practicetext.desktop.secrets.FileCipher;
import org.slf4j.LoggerFactory;

/**
 * The start of an app that has a remembered account, begun before the JavaFX toolkit: the cache
 * opens ({@link DesktopClients#resume}) on one thread while the toolkit starts on another, and
 * the logging back end configures itself on a third (its first logger is otherwise made inside the
 * resume, which waits for it). The window joins the result; nothing here touches the network.
 */
public final class EarlyStart {
    private EarlyStart() {
    }

    /**
     * The first-screen snapshot's key, read from the secret store on its own thread while the toolkit
     * starts (a D-Bus or keychain call); nothing else starts, so the snapshot paints alone (ADR 0021).
     */
    public static CompletableFuture<Optional<FileCipher>> snapshotKey(Supplier<Optional<FileCipher>> read) {
        return CompletableFuture.supplyAsync(read, command -> Thread.ofPlatform().daemon().name("early-key").start(command));
    }

    public static CompletableFuture<Optional<DesktopClient>> resume(Account account, Path dataRoot, Clock clock) {
        Thread.ofPlatform().daemon().name("early-logging").start(LoggerFactory::getILoggerFactory);
        return CompletableFuture.supplyAsync(() -> DesktopClients.resume(account, dataRoot, clock),
                command -> Thread.ofPlatform().daemon().name("early-resume").start(command));
    }
}
