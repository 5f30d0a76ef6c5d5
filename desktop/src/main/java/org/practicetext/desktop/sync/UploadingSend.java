// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.protocol.SendMessageRequest;

/**
 * Sends a waiting message with its files: each file the relay does not have yet is uploaded from
 * the outbox's copy and its upload id kept at once, so a send cut short (offline, a restart)
 * uploads only what is still missing; then the message goes with its upload ids under its same
 * client id. The relay keeps an upload a day: when it answers {@code 404 upload_gone}, the files
 * go up again once and the message is sent again. A file the relay refuses
 * (its bytes are not its type: 400; a type it does not send: 415) refuses the message for good,
 * with the file's name in the reason. A request's document (ADR 0024) is uploaded the same way and
 * named in the request's draft instead.
 */
final class UploadingSend {
    private final RelayApi api;
    private final Outbox outbox;

    UploadingSend(RelayApi api, Outbox outbox) {
        this.api = api;
        this.outbox = outbox;
    }

    JsonNode send(Outbox.Entry entry) throws RelayException {
        if (outbox.files(entry.id()).isEmpty()) {
            return api.call(Endpoints.SEND_MESSAGE.at(), entry.payload());
        }
        try {
            return api.call(Endpoints.SEND_MESSAGE.at(), withUploads(entry));
        } catch (RelayException e) {
            if (e.status() != 404 || !org.practicetext.protocol.UploadView.GONE.equals(e.code())) {
                throw e; // a conversation that is gone is not a reason to upload again
            }
            outbox.forgetUploads(entry.id());
            return api.call(Endpoints.SEND_MESSAGE.at(), withUploads(entry));
        }
    }

    /**
     * The stored request with the upload ids of its files, uploading those the relay does not have;
     * a request's document goes into its draft (behind the link), not into the uploads.
     */
    private String withUploads(Outbox.Entry entry) throws RelayException {
        List<String> ids = new ArrayList<>();
        String document = null;
        for (OutboxFiles.Stored file : outbox.files(entry.id())) {
            String id = file.uploadId() != null ? file.uploadId() : upload(file);
            if (file.behindLink()) {
                document = id;
            } else {
                ids.add(id);
            }
        }
        SendMessageRequest r = Outbox.parse(entry.payload());
        RequestDraft draft = r.request() == null || document == null ? r.request() : r.request().withDocument(document);
        return Outbox.json(new SendMessageRequest(r.clientId(), r.conversationId(), r.to(), r.from(), r.body(), r.mediaUrls(),
                ids.isEmpty() ? null : ids, draft));
    }

    private long size(OutboxFiles.Stored file) throws RelayException {
        try {
            return outbox.size(file);
        } catch (java.io.IOException e) {
            throw new RelayException(400, "file_missing", file.fileName() + " cannot be read on this computer any more. Discard this message and attach the file again.");
        }
    }

    private String upload(OutboxFiles.Stored file) throws RelayException {
        java.nio.file.Path copy = outbox.copyOf(file);
        if (!Files.isRegularFile(copy)) {
            throw new RelayException(400, "file_missing", file.fileName() + " is no longer on this computer. Discard this message and attach the file again.");
        }
        try {
            String id = api.upload(() -> outbox.open(file), size(file), file.contentType(), file.fileName()).id();
            outbox.uploaded(file, id);
            return id;
        } catch (RelayException e) {
            if (!e.permanent()) {
                throw e;
            }
            throw new RelayException(e.status(), e.code(), file.fileName() + ": " + e.getMessage());
        }
    }
}
