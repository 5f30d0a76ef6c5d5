// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.practicetext.core.Permission;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.PathParams;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.MessageMedia;

/**
 * The desks' attachment routes ({@code sms.view}): {@code GET /api/v1/messages/{id}/media/{position}}
 * (the file, with its true type and a name to save it under), {@code …/preview} (a photo's small
 * JPEG) and {@code POST …/retry} (another try for an unavailable file; 202, the outcome comes
 * through the feed). Files are answered as private to the caller and never to be sniffed.
 */
public final class MediaRoutes {
    private final Attachments attachments;

    MediaRoutes(Attachments attachments) {
        this.attachments = attachments;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.MEDIA_FILE, this::file);
        Routes.add(config, Endpoints.MEDIA_PREVIEW, this::preview);
        Routes.add(config, Endpoints.MEDIA_RETRY, this::retry);
    }

    private void file(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_VIEW);
        MessageMedia.File file = attachments.file(who.practiceId(), PathParams.id(ctx, "message"), PathParams.position(ctx))
                .orElseThrow(() -> ApiError.notFound("file"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        answer(ctx, file.contentType(), file.content());
    }

    private void preview(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_VIEW);
        byte[] preview = attachments.preview(who.practiceId(), PathParams.id(ctx, "message"), PathParams.position(ctx))
                .orElseThrow(() -> ApiError.notFound("preview"));
        answer(ctx, "image/jpeg", preview);
    }

    private void retry(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_VIEW);
        attachments.retry(who.practiceId(), PathParams.id(ctx, "message"), PathParams.position(ctx));
        ctx.status(202);
    }

    private static void answer(Context ctx, String contentType, byte[] content) {
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType);
        ctx.result(content);
        ctx.res().setCharacterEncoding(null); // a file's type is exactly its own: no "; charset=utf-8" added to an image
    }
}
