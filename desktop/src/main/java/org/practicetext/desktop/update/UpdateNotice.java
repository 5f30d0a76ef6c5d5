// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.update;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.practicetext.desktop.AppInfo;
import org.practicetext.protocol.AppVersion;
import org.practicetext.protocol.VersionInfo;

/**
 * What the desk should be told about its version, from what the relay says: a newer release is
 * available ({@code tooOld} false: a quiet notice), or this app is older than the relay serves
 * ({@code tooOld}: sync has stopped, the words say what to install). {@code latest} and
 * {@code download} are empty when the relay's operator did not set them (or set something this app
 * cannot use: only http(s) links are offered).
 */
public record UpdateNotice(AppVersion running, Optional<AppVersion> latest, Optional<URI> download, boolean tooOld) {

    /** The notice for {@code app} against a relay's versions; empty when there is nothing to say. */
    public static Optional<UpdateNotice> of(AppInfo app, VersionInfo relay) {
        Optional<AppVersion> latest = version(relay.latestDesktop());
        Optional<URI> download = link(relay.downloadUrl());
        boolean tooOld = app.protocol() < relay.oldestProtocol();
        // By the numbers the installers carry: a 0.1.0-SNAPSHOT build is installed as 0.1.0, which an announced 0.1.0 is not newer than.
        boolean newer = latest.isPresent() && latest.get().newerThan(app.version().withoutQualifier()) && download.isPresent();
        return tooOld || newer ? Optional.of(new UpdateNotice(app.version(), latest, download, tooOld)) : Optional.empty();
    }

    /** Too old, as a relay's 426 said; {@code relay} may be null when the answer did not say more. */
    public static UpdateNotice tooOld(AppInfo app, VersionInfo relay) {
        return relay == null ? new UpdateNotice(app.version(), Optional.empty(), Optional.empty(), true)
                : new UpdateNotice(app.version(), version(relay.latestDesktop()), link(relay.downloadUrl()), true);
    }

    /**
     * The words the desk reads: "Update available — version 1.4.2", or "This version of
     * PracticeText (0.1.0) is too old for your practice's relay. Install version 1.4.2 from …".
     */
    public String words() {
        if (!tooOld) {
            return "Update available — version " + latest.map(AppVersion::toString).orElse("");
        }
        String what = latest.map(v -> "version " + v).orElse("the newest version");
        return "This version of PracticeText (" + running.numbers() + ") is too old for your practice's relay. "
                + download.map(uri -> "Install " + what + " from " + uri + ".")
                        .orElse("Ask your IT administrator to install " + what + ".");
    }

    private static Optional<AppVersion> version(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(AppVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> link(String text) {
        try {
            URI uri = text == null ? null : URI.create(text);
            String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
