// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Linux session's lock, heard on D-Bus through the desktop's own tools (no native code):
 * {@code gdbus monitor} on the system bus for logind's {@code org.freedesktop.login1.Session.Lock}
 * of this session ({@code XDG_SESSION_ID}), and {@code dbus-monitor} on the session bus for the
 * screen savers' {@code ActiveChanged(true)} (freedesktop's, GNOME's). A tool that is missing or a
 * bus that refuses ends its process, and that source is then simply not available; nothing is
 * logged above debug.
 */
public final class DbusSessionLock implements SessionLockWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DbusSessionLock.class);
    private final List<List<String>> commands;
    private final Map<String, String> environment;
    private final List<Process> running = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** {@code environment} is added to the tools' (a test's own bus address). */
    DbusSessionLock(List<List<String>> commands, Map<String, String> environment) {
        this.commands = List.copyOf(commands);
        this.environment = Map.copyOf(environment);
    }

    /** logind for this session (when the environment names it) and the session bus's screen savers. */
    static DbusSessionLock forThisSession(Map<String, String> env) {
        List<List<String>> commands = new ArrayList<>();
        String session = env.get("XDG_SESSION_ID");
        if (session != null && !session.isBlank()) {
            commands.add(List.of("gdbus", "monitor", "--system", "--dest", "org.freedesktop.login1", "--object-path",
                    "/org/freedesktop/login1/session/" + busPath(session)));
        }
        if (env.get("DBUS_SESSION_BUS_ADDRESS") != null) {
            commands.add(screenSavers());
        }
        return new DbusSessionLock(commands, Map.of());
    }

    /** {@code dbus-monitor} on the session bus for the screen savers' signal. */
    static List<String> screenSavers() {
        return List.of("dbus-monitor", "--session", "type='signal',interface='org.freedesktop.ScreenSaver',member='ActiveChanged'",
                "type='signal',interface='org.gnome.ScreenSaver',member='ActiveChanged'");
    }

    /** systemd's object-path escaping: every byte but [A-Za-z0-9], and a leading digit, as _xx. */
    static String busPath(String id) {
        StringBuilder path = new StringBuilder();
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' && i > 0;
            if (plain) {
                path.append((char) b);
            } else {
                path.append('_').append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return path.toString();
    }

    @Override
    public void start(Runnable onLock) {
        for (List<String> command : commands) {
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().putAll(environment);
                Process process = builder.start();
                running.add(process);
                Thread.ofVirtual().name("session-lock-" + command.getFirst()).start(() -> follow(process, onLock));
            } catch (IOException e) {
                LOG.debug("Session lock source {} not available ({})", command.getFirst(), e.getClass().getSimpleName());
            }
        }
    }

    private void follow(Process process, Runnable onLock) {
        SignalLines lines = new SignalLines();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (lines.locks(line)) {
                    onLock.run();
                }
            }
        } catch (IOException e) {
            // the process ended (closed, or the bus went away): this source is done
        } finally {
            running.remove(process);
            if (!closed) {
                LOG.debug("Session lock source ended");
            }
        }
    }

    @Override
    public boolean available() {
        return running.stream().anyMatch(Process::isAlive);
    }

    @Override
    public void close() {
        closed = true;
        running.forEach(Process::destroy);
    }

    /**
     * Reads the tools' lines: gdbus prints a signal on one line
     * ({@code /org/…/session/_32: org.freedesktop.login1.Session.Lock ()}); dbus-monitor prints its
     * header ({@code signal … interface=org.freedesktop.ScreenSaver; member=ActiveChanged}) and the
     * argument on the next line ({@code boolean true}).
     */
    static final class SignalLines {
        private boolean activeChanged;

        boolean locks(String line) {
            String text = line.strip();
            if (text.contains("org.freedesktop.login1.Session.Lock (")) {
                return true;
            }
            if (text.contains("ScreenSaver.ActiveChanged (")) {
                return text.contains("(true");
            }
            if (text.startsWith("signal ")) {
                activeChanged = text.contains("ScreenSaver;") && text.contains("member=ActiveChanged");
                return false;
            }
            if (activeChanged) {
                activeChanged = false;
                return text.equals("boolean true");
            }
            return false;
        }
    }
}
