// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.MessageMedia;

/**
 * {@code POST /api/v1/uploads} (a desk's file to send, {@code sms.send}) and the carrier's side,
 * {@code GET} and {@code HEAD /media/{token}}: an MMS file, fetchable without credentials only by
 * its unguessable token while it lasts, with its true {@code Content-Type}, its length and a short
 * file name, as Twilio wants (it makes both requests and refuses a type that does not match).
 */
public final class UploadRoutes {
    /** Where the carrier fetches an MMS file: outside the desks' API, as DESIGN.md fixes it. */
    public static final String PUBLIC_MEDIA = "/media/{token}";

    private final Outgoing outgoing;
    private final Database db;
    private final Clock clock;
    private final MessageMedia media = new MessageMedia();

    public UploadRoutes(Outgoing outgoing, Database db, Clock clock) {
        this.outgoing = outgoing;
        this.db = db;
        this.clock = clock;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.UPLOAD, this::upload);
        config.routes.get(PUBLIC_MEDIA, this::publicFile);
        config.routes.head(PUBLIC_MEDIA, this::publicFile);
    }

    private void upload(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_SEND);
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) {
            throw new ApiError(415, "unsupported_media_type", "Send the file with its Content-Type (image/jpeg, application/pdf…).");
        }
        byte[] content = ctx.bodyAsBytes();
        ctx.status(201).json(outgoing.upload(who.practiceId(), ctx.queryParam(Endpoints.NAME), type, content));
    }

    private void publicFile(Context ctx) {
        String token = ctx.pathParam("token");
        Instant now = clock.instant();
        Optional<MessageMedia.File> file = token.matches("[A-Za-z0-9_-]{43}") ? db.read(tx -> media.publicFile(tx, token, now)) : Optional.empty();
        MessageMedia.File f = file.orElseThrow(() -> ApiError.notFound("media"));
        ctx.header("Content-Disposition", "inline; filename=\"" + shortName(f.fileName()) + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(f.contentType());
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            ctx.header("Content-Length", Long.toString(f.content().length));
        } else {
            ctx.result(f.content());
        }
        ctx.res().setCharacterEncoding(null); // exactly the file's type: Twilio compares it with the file
    }

    /** Twilio's advice: at most 20 characters, no spaces ({@code photo-1.jpg}). */
    static String shortName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot > 0 ? fileName.substring(dot) : "";
        String stem = (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[^A-Za-z0-9_-]", "-").replaceAll("-+", "-");
        int room = 20 - extension.length();
        if (stem.length() > room) {
            stem = stem.substring(0, Math.max(1, room));
        }
        return (stem.isEmpty() || stem.equals("-") ? "file" : stem) + extension;
    }
}
