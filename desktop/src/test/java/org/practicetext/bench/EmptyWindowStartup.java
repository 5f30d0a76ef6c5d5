// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor for {@link DesktopStartupBenchmark}: milliseconds from process start to the first
 * pulse after an empty JavaFX window is shown, on the same machine and toolkit settings.
 */
public final class EmptyWindowStartup {
    public static void main(String[] args) throws Exception {
        CountDownLatch painted = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        Platform.startup(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(), 1280, 800);
            scene.addPostLayoutPulseListener(() -> {
                if (at.compareAndSet(0, System.currentTimeMillis())) {
                    painted.countDown();
                }
            });
            stage.setScene(scene);
            stage.show();
        });
        painted.await();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("empty-window-ms " + (at.get() - start) + " " + ProcessMemory.now());
        ProcessMemory.holdAndPrint();
        Platform.exit();
        System.exit(0);
    }
}
