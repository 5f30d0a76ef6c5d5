// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.versions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.ErrorResponse;
import org.practicetext.protocol.ProtocolVersion;
import org.practicetext.protocol.TooOldResponse;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.Routes;

/**
 * {@code GET /api/v1/version}, and the protocol check in front of every other desk call of
 * {@code /api/v1}: a desk older than {@link DesktopVersions#oldestProtocol()} gets 426
 * {@code client_too_old} with the versions (before any sign-in check, so even its sign-in is told
 * why), a {@value ProtocolVersion#HEADER} that is not a number gets 400. A desk newer than this
 * relay is served: it is the desk's part to cope with an older relay. Campaign messages come from
 * other systems with an API key, not from desks, and are not checked.
 */
public final class VersionRoutes {
    private final DesktopVersions versions;

    public VersionRoutes(DesktopVersions versions) {
        this.versions = versions;
    }

    /** Install before the sign-in check ({@code AuthRoutes}): filters run in the order they are added. */
    public void install(JavalinConfig config) {
        config.routes.before("/api/v1/*", this::check);
        Routes.add(config, Endpoints.VERSION, ctx -> ctx.json(versions.info()));
        config.routes.exception(TooOld.class, (e, ctx) -> ctx.status(426)
                .header("Upgrade", "PracticeText-Protocol/" + versions.oldestProtocol())
                .json(new TooOldResponse(new ErrorResponse.Detail(ProtocolVersion.TOO_OLD, e.getMessage()), versions.info())));
    }

    private void check(Context ctx) {
        String path = ctx.path().replaceAll("/+$", "");
        if (path.equals(Endpoints.VERSION.template()) || path.equals(Endpoints.CAMPAIGN_MESSAGE.template())) {
            return;
        }
        int protocol;
        try {
            protocol = ProtocolVersion.of(ctx.header(ProtocolVersion.HEADER));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad_protocol_version", e.getMessage());
        }
        if (protocol < versions.oldestProtocol()) {
            throw new TooOld(protocol, versions);
        }
    }

    /** The refusal of a desk too old for this relay; its message says what to install. */
    static final class TooOld extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        TooOld(int protocol, DesktopVersions versions) {
            super("This desk speaks protocol " + protocol + "; this relay serves protocol " + versions.oldestProtocol() + " and newer. "
                    + (versions.latestDesktop() != null ? "Install PracticeText " + versions.latestDesktop() : "Install the newest PracticeText")
                    + (versions.downloadUrl() != null ? " from " + versions.downloadUrl() + "." : "; your IT administrator has it."));
        }
    }
}
