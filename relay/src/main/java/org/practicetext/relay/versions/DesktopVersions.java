// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.versions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.practicetext.protocol.AppVersion;
import org.practicetext.protocol.ProtocolVersion;
import org.practicetext.protocol.VersionInfo;

/**
 * What the relay's operator says about desktops: the oldest protocol the relay still serves
 * ({@code PT_OLDEST_PROTOCOL}, default {@value ProtocolVersion#UNVERSIONED}: every desk), the
 * newest desktop release ({@code PT_DESKTOP_LATEST_VERSION}, e.g. {@code 1.4.2}) and the page to
 * download it from ({@code PT_DESKTOP_DOWNLOAD_URL}, an absolute http(s) URL). Each is checked
 * when the relay starts; a value that cannot work stops it with a sentence naming the variable.
 *
 * @param latestDesktop null when not announced
 * @param downloadUrl null when not set
 */
public record DesktopVersions(int oldestProtocol, AppVersion latestDesktop, URI downloadUrl) {
    public static final String OLDEST_PROTOCOL = "PT_OLDEST_PROTOCOL";
    public static final String LATEST_VERSION = "PT_DESKTOP_LATEST_VERSION";
    public static final String DOWNLOAD_URL = "PT_DESKTOP_DOWNLOAD_URL";

    /** Every desk served, nothing announced. */
    public static DesktopVersions none() {
        return new DesktopVersions(ProtocolVersion.UNVERSIONED, null, null);
    }

    public static DesktopVersions fromEnvironment(Map<String, String> env) {
        int oldest = oldestProtocol(env.get(OLDEST_PROTOCOL));
        AppVersion latest = latest(env.get(LATEST_VERSION));
        URI download = downloadUrl(env.get(DOWNLOAD_URL));
        if (latest != null && download == null) {
            throw new IllegalArgumentException(LATEST_VERSION + " is set but " + DOWNLOAD_URL
                    + " is not: the desks would be told of version " + latest + " without where to get it.");
        }
        return new DesktopVersions(oldest, latest, download);
    }

    private static int oldestProtocol(String text) {
        if (text == null || text.isBlank()) {
            return ProtocolVersion.UNVERSIONED;
        }
        String value = text.strip();
        if (value.matches("[0-9]{1,4}")) {
            int oldest = Integer.parseInt(value);
            if (oldest >= 1 && oldest <= ProtocolVersion.CURRENT) {
                return oldest;
            }
        }
        throw new IllegalArgumentException(OLDEST_PROTOCOL + " must be a whole number from 1 to " + ProtocolVersion.CURRENT
                + " (the protocol this relay speaks), not " + text + ".");
    }

    private static AppVersion latest(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        AppVersion version;
        try {
            version = AppVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LATEST_VERSION + " must be a release version like 1.4.2, not " + text + ".");
        }
        if (!version.release()) {
            throw new IllegalArgumentException(LATEST_VERSION + " must be a release version like 1.4.2 (no -qualifier), not " + text + ".");
        }
        return version;
    }

    private static URI downloadUrl(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new IllegalArgumentException(DOWNLOAD_URL + " must be an absolute http(s) URL such as https://example.org/practicetext/download, not "
                + text + ".");
    }

    /** What {@code GET /api/v1/version} answers. */
    public VersionInfo info() {
        return new VersionInfo(ProtocolVersion.CURRENT, oldestProtocol, latestDesktop == null ? null : latestDesktop.toString(),
                downloadUrl == null ? null : downloadUrl.toString());
    }
}
