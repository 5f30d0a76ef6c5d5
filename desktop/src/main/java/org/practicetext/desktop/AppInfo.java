// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.practicetext.protocol.AppVersion;
import org.practicetext.protocol.ProtocolVersion;

/**
 * This build of the desktop: its version, from the project version the build wrote into
 * {@code app.properties} (the one place it is read), and the protocol it speaks. The relay hears
 * both on every request; the update notice and the "too old" words compare and show them.
 */
public record AppInfo(AppVersion version, int protocol) {
    private static final AppInfo BUILD = new AppInfo(readVersion(), ProtocolVersion.CURRENT);

    /** This build. */
    public static AppInfo build() {
        return BUILD;
    }

    /** The same app speaking another protocol (tests play an older desk with it). */
    public AppInfo withProtocol(int other) {
        return new AppInfo(version, other);
    }

    private static AppVersion readVersion() {
        Properties properties = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("app.properties")) {
            if (in == null) {
                throw new IllegalStateException("app.properties is missing from the desktop's jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AppVersion.parse(properties.getProperty("version"));
    }
}
