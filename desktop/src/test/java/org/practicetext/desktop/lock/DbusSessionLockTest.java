// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.Await;

/** The Linux session's lock as D-Bus says it: the tools' lines, and a real (private) session bus with a screen saver's signal. */
class DbusSessionLockTest {

    @Test
    void logindsLockOfThisSessionLocks() {
        DbusSessionLock.SignalLines lines = new DbusSessionLock.SignalLines();
        assertThat(lines.locks("/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()")).isTrue();
        assertThat(lines.locks("/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Unlock ()")).isFalse();
        assertThat(lines.locks("/org/freedesktop/login1/session/_32: org.freedesktop.DBus.Properties.PropertiesChanged ('org.freedesktop.login1.Session', {'IdleHint': <true>}, @as [])"))
                .isFalse();
    }

    @Test
    void aScreenSaverThatTurnsOnLocksAndOneThatTurnsOffDoesNot() {
        DbusSessionLock.SignalLines lines = new DbusSessionLock.SignalLines();
        assertThat(lines.locks("/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (true,)")).isTrue();
        assertThat(lines.locks("/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (false,)")).isFalse();
        String header = "signal time=1796322192.66 sender=:1.1 -> destination=(null destination) serial=2 path=/org/freedesktop/ScreenSaver; "
                + "interface=org.freedesktop.ScreenSaver; member=ActiveChanged";
        assertThat(lines.locks(header)).isFalse();
        assertThat(lines.locks("   boolean true")).isTrue();
        assertThat(lines.locks(header)).isFalse();
        assertThat(lines.locks("   boolean false")).isFalse();
        assertThat(lines.locks("signal time=1 sender=org.freedesktop.DBus -> destination=:1.0 serial=2 path=/org/freedesktop/DBus; "
                + "interface=org.freedesktop.DBus; member=NameAcquired")).isFalse();
        assertThat(lines.locks("   boolean true")).as("an argument of another signal").isFalse();
    }

    @Test
    void aSessionIdIsEscapedAsSystemdDoes() {
        assertThat(DbusSessionLock.busPath("2")).isEqualTo("_32");
        assertThat(DbusSessionLock.busPath("12")).isEqualTo("_312");
        assertThat(DbusSessionLock.busPath("c1")).isEqualTo("c1");
        assertThat(DbusSessionLock.busPath("c-1")).isEqualTo("c_2d1");
    }

    @Test
    void aMissingToolIsQuietlyNotAvailable() {
        DbusSessionLock watcher = new DbusSessionLock(List.of(List.of("no-such-dbus-tool-here")), Map.of());
        watcher.start(() -> {
        });
        assertThat(watcher.available()).isFalse();
        watcher.close();
    }

    @Test
    void aScreenSaverSignalOnARealSessionBusLocks() throws Exception {
        Assumptions.assumeTrue(onPath("dbus-daemon") && onPath("dbus-monitor") && onPath("dbus-send"), "needs dbus-daemon, dbus-monitor and dbus-send");
        Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(address).startsWith("unix:");
            AtomicInteger locks = new AtomicInteger();
            DbusSessionLock watcher = new DbusSessionLock(List.of(DbusSessionLock.screenSavers()), Map.of("DBUS_SESSION_BUS_ADDRESS", address));
            watcher.start(locks::incrementAndGet);
            assertThat(watcher.available()).isTrue();
            // The monitor subscribes a moment after it starts: signal until it has heard one.
            Await.until("the watcher hears the screen saver", () -> {
                emit(address, "true");
                return locks.get() > 0;
            });
            // (That a screen saver turning off locks nothing is the lines' test above: a bus gives no moment to say "nothing came".)

            watcher.close();
            Await.until("the monitor ends", () -> !watcher.available());
        } finally {
            bus.destroy();
            bus.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void emit(String address, String active) {
        try {
            ProcessBuilder send = new ProcessBuilder("dbus-send", "--session", "--type=signal", "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:" + active).redirectErrorStream(true);
            send.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
            Process process = send.start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
