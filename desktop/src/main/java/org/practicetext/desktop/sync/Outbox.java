// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.practicetext.core.MediaState;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.LocalChanges;
import org.practicetext.desktop.cache.Sql;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.MediaItem;
import org.practicetext.protocol.RequestDraft;
import org.practicetext.protocol.SendMessageRequest;

/**
 * The outbox table: every action is stored here first (with a client id, in one transaction with
 * its optimistic change), so it survives a crash or restart, and is delivered in id order.
 * States: "pending" until the relay accepts it (then the row is deleted), or "failed" when the
 * relay refused it for good; a failed item is retried or discarded by the user. Whoever counts
 * what waits (the status line's "3 waiting to send") hears of every committed write that may
 * change the count, before the screens hear of the change itself.
 */
public final class Outbox {
    static final String PENDING = "pending";
    static final String FAILED = "failed";
    private static final String COLUMNS = "id, client_id, kind, conversation_id, contact_id, payload_json, summary, state, error_code, error_message, attempts, created_at";

    private final CacheDatabase db;
    private final Clock clock;
    private final Supplier<String> senderName;
    private final OutboxFiles files;
    private final List<Runnable> waitingListeners = new CopyOnWriteArrayList<>();

    /** An outbox that keeps attached files in the {@code outbox} folder beside the cache, in the account's folder. */
    public Outbox(CacheDatabase db, Clock clock, Supplier<String> senderName) {
        this.db = db;
        this.clock = clock;
        this.senderName = senderName;
        this.files = new OutboxFiles(db.folder().resolve("outbox"), db.files());
    }

    /** One stored action. */
    public record Entry(long id, String clientId, OutboxAction action, Long conversationId, Long contactId, String payload, String summary,
                 String state, String errorCode, String errorMessage, int attempts, Instant createdAt) {
        public OutboxItem item() {
            return new OutboxItem(id, clientId, action.kind(), conversationId, summary, state, errorCode, errorMessage, attempts, createdAt);
        }

        public boolean failed() {
            return FAILED.equals(state);
        }
    }

    /** {@code listener} runs after each committed write that may change {@link #waiting()} (on the writer's thread). */
    public void onWaitingChanged(Runnable listener) {
        waitingListeners.add(listener);
    }

    /** The count of waiting items may have changed (called after the transaction commits, so a reader sees the new count). */
    void waitingChanged() {
        waitingListeners.forEach(Runnable::run);
    }

    /**
     * Queues a message. {@code conversationId} null means "to a number": it is shown in the cached
     * conversation with that number, or in a placeholder conversation until the relay's arrives.
     */
    public Entry enqueueSend(Long conversationId, String e164, String displayPhone, String body) {
        return enqueueSend(conversationId, e164, displayPhone, body, List.of());
    }

    /**
     * Queues a message with files: each is copied into the outbox folder first (outside the cache's
     * write lock), then the message and its files' rows are written in one transaction. The upload
     * ids are added when it is delivered ({@link OutboxDelivery}).
     */
    public Entry enqueueSend(Long conversationId, String e164, String displayPhone, String body, List<OutgoingFile> attached) {
        String clientId = UUID.randomUUID().toString();
        SendMessageRequest request = new SendMessageRequest(clientId, conversationId, conversationId == null ? e164 : null, null, body, null);
        return queue(request, e164, displayPhone, attached, false);
    }

    /**
     * Queues a request (ADR 0024) as a message like any other: the draft is kept in the item's
     * payload, so it survives a restart and goes under the same client id on every attempt; the
     * document (the statement or plan PDF, or null) is kept as a file of the message but marked to go
     * behind the link: at delivery it is uploaded and named in the draft, never in the MMS.
     */
    public Entry enqueueRequest(long conversationId, String e164, String displayPhone, String body, RequestDraft draft, OutgoingFile document) {
        String clientId = UUID.randomUUID().toString();
        SendMessageRequest request = new SendMessageRequest(clientId, conversationId, null, null, body, null, null, draft);
        return queue(request, e164, displayPhone, document == null ? List.of() : List.of(document), true);
    }

    /** Copies the files (outside the cache's write lock), then writes the message and its files' rows in one transaction. */
    private Entry queue(SendMessageRequest request, String e164, String displayPhone, List<OutgoingFile> attached, boolean behindLink) {
        List<String> copies = files.copy(request.clientId(), attached);
        Entry queued;
        try {
            queued = queueSend(request, e164, displayPhone, attached, copies, behindLink);
        } catch (RuntimeException e) {
            files.deleteNames(copies);
            throw e;
        }
        waitingChanged();
        return queued;
    }

    private Entry queueSend(SendMessageRequest request, String e164, String displayPhone, List<OutgoingFile> attached, List<String> copies,
                            boolean behindLink) {
        Long conversationId = request.conversationId();
        String body = request.body();
        String summary = request.request() == null ? summary("Message: ", body, attached.size()) : summary(request.request().kind().label() + ": ", body, 0);
        return db.writeDurably(sql -> {
            Long shownIn = conversationId != null ? conversationId : LocalChanges.conversationFor(sql, e164).orElse(null);
            long id = insert(sql, request.clientId(), OutboxAction.SEND, shownIn, null, json(request), summary);
            OutboxFiles.insert(sql, id, attached, copies, behindLink);
            if (shownIn == null) {
                shownIn = -id;
                LocalChanges.placeholderConversation(sql, shownIn, e164, displayPhone);
                sql.update("UPDATE outbox SET conversation_id = ? WHERE id = ?", shownIn, id);
            }
            Entry entry = byId(sql, id).orElseThrow();
            showLocal(sql, entry);
            return entry;
        });
    }

    /** The files of a waiting message, in order (none for a text). */
    public List<OutboxFiles.Stored> files(long outboxId) {
        return db.read(sql -> OutboxFiles.of(sql, outboxId));
    }

    /** How many bytes the outbox's copy of {@code file} holds, decrypted. */
    long size(OutboxFiles.Stored file) throws java.io.IOException {
        return files.size(file);
    }

    /** The bytes of the outbox's copy of {@code file}, decrypted. */
    java.io.InputStream open(OutboxFiles.Stored file) throws java.io.IOException {
        return files.open(file);
    }

    /** Where the outbox keeps its copy of {@code file}. */
    java.nio.file.Path copyOf(OutboxFiles.Stored file) {
        return files.path(file);
    }

    /** The relay has {@code file} as {@code uploadId}: a retry sends that id instead of uploading it again. */
    void uploaded(OutboxFiles.Stored file, String uploadId) {
        db.writeDurably(sql -> {
            OutboxFiles.uploaded(sql, file, uploadId);
            return null;
        });
    }

    /** The relay no longer has this message's uploads: they go up again. */
    void forgetUploads(long outboxId) {
        db.writeDurably(sql -> {
            OutboxFiles.forgetUploads(sql, outboxId);
            return null;
        });
    }

    /** The item left the outbox in {@code sql}'s transaction: its files' rows go with it (the copies once it commits, {@link #deleteCopies}). */
    static List<OutboxFiles.Stored> removeFiles(Sql sql, long outboxId) throws SQLException {
        List<OutboxFiles.Stored> gone = OutboxFiles.of(sql, outboxId);
        OutboxFiles.remove(sql, outboxId);
        return gone;
    }

    /** At start, before anything can be queued: deletes the copies no waiting message names (left by a crash). */
    void sweepCopies() {
        db.read(sql -> {
            files.sweep(sql);
            return null;
        });
    }

    void deleteCopies(List<OutboxFiles.Stored> gone) {
        files.delete(gone);
    }

    /**
     * Queues a retry of a failed message the relay had accepted, and shows it queued at once. Empty
     * (nothing queued) when the message is not failed any more or a retry of it already waits:
     * one click is one attempt, however often it arrives. Its client id names this attempt.
     */
    public Optional<Entry> enqueueRetry(long messageId) {
        Optional<Entry> queued = db.writeDurably(sql -> {
            Optional<OutboxAction.RetryPayload> failed = sql.queryOne("""
                    SELECT conversation_id, status, error_code, error_message FROM message
                    WHERE id = ? AND id > 0 AND direction = 'out' AND status IN ('failed', 'undelivered')""",
                    rs -> new OutboxAction.RetryPayload(messageId, null, rs.getString(2), Sql.nullableInt(rs, "error_code"), rs.getString(4)), messageId);
            boolean waiting = sql.query("SELECT payload_json FROM outbox WHERE kind = ? AND state = ?", rs -> rs.getString(1),
                    OutboxAction.RETRY.kind(), PENDING).stream().anyMatch(p -> OutboxAction.payload(p, OutboxAction.RetryPayload.class).messageId() == messageId);
            if (failed.isEmpty() || waiting) {
                return Optional.<Entry>empty();
            }
            long conversationId = sql.queryOne("SELECT conversation_id FROM message WHERE id = ?", rs -> rs.getLong(1), messageId).orElseThrow();
            String clientId = "retry-" + messageId + "-" + UUID.randomUUID();
            OutboxAction.RetryPayload was = failed.get();
            String payload = json(new OutboxAction.RetryPayload(messageId, clientId, was.status(), was.errorCode(), was.errorMessage()));
            long id = insert(sql, clientId, OutboxAction.RETRY, conversationId, null, payload, "Retry a message");
            OutboxAction.RETRY.apply(sql, conversationId, null, payload);
            return byId(sql, id);
        });
        // A retry waits in the outbox like a send: offline, the status line counts it at once.
        queued.ifPresent(entry -> waitingChanged());
        return queued;
    }

    /** The message a retry item is about. */
    static OutboxAction.RetryPayload retried(Entry entry) {
        return OutboxAction.payload(entry.payload(), OutboxAction.RetryPayload.class);
    }

    /** Queues a conversation or contact action and makes its change visible at once. */
    public Entry enqueue(OutboxAction action, Long conversationId, Long contactId, String payload, String summary) {
        Entry queued = db.writeDurably(sql -> {
            long id = insert(sql, UUID.randomUUID().toString(), action, conversationId, contactId, payload, summary);
            action.apply(sql, conversationId, contactId, payload);
            return byId(sql, id).orElseThrow();
        });
        waitingChanged();
        return queued;
    }

    public List<Entry> all() {
        return db.read(sql -> sql.query("SELECT " + COLUMNS + " FROM outbox ORDER BY id", Outbox::entry));
    }

    public Optional<Entry> nextPending() {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM outbox WHERE state = ? ORDER BY id FETCH FIRST 1 ROW ONLY", Outbox::entry, PENDING));
    }

    public Optional<Entry> byId(long id) {
        return db.read(sql -> byId(sql, id));
    }

    public int waiting() {
        return db.read(sql -> (int) sql.count("SELECT COUNT(*) FROM outbox WHERE state = ?", PENDING));
    }

    /** The relay refused the item for good: it is kept as failed with the relay's reason, and its optimistic change undone. */
    void fail(Sql sql, Entry entry, String code, String message) throws SQLException {
        if (entry.action() == OutboxAction.RETRY) {
            // The bubble itself says why and offers Retry again; a failed item in the outbox would say it twice.
            // A conflict is another desk's attempt already under way: the feed brings its state.
            sql.update("DELETE FROM outbox WHERE id = ?", entry.id());
            if (!"conflict".equals(code)) {
                LocalChanges.failedAgain(sql, retried(entry).messageId(), "failed", null, message);
            }
            return;
        }
        sql.update("UPDATE outbox SET state = ?, error_code = ?, error_message = ?, attempts = attempts + 1 WHERE id = ?", FAILED, code, message, entry.id());
        entry.action().revert(sql, entry.conversationId(), entry.contactId(), entry.payload());
        if (entry.action() == OutboxAction.SEND) {
            showLocal(sql, byId(sql, entry.id()).orElseThrow());
        }
    }

    void attempted(long id) {
        db.writeDurably(sql -> sql.update("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", id));
    }

    /** A failed item goes back in line (keeping its place by id) and shows its change again. */
    public Optional<Entry> retry(long id) {
        Optional<Entry> retried = db.writeDurably(sql -> {
            Optional<Entry> entry = byId(sql, id).filter(Entry::failed);
            if (entry.isPresent()) {
                sql.update("UPDATE outbox SET state = ?, error_code = NULL, error_message = NULL WHERE id = ?", PENDING, id);
                Entry again = byId(sql, id).orElseThrow();
                again.action().apply(sql, again.conversationId(), again.contactId(), again.payload());
                showLocal(sql, again);
            }
            return entry;
        });
        retried.ifPresent(entry -> waitingChanged());
        return retried;
    }

    /** Drops a failed item: its local message disappears, and the rows it touched show the relay's state. */
    public Optional<Entry> discard(long id) {
        List<OutboxFiles.Stored> gone = new java.util.ArrayList<>();
        Optional<Entry> discarded = db.writeDurably(sql -> {
            Optional<Entry> entry = byId(sql, id).filter(Entry::failed);
            if (entry.isPresent()) {
                sql.update("DELETE FROM outbox WHERE id = ?", id);
                gone.addAll(removeFiles(sql, id));
                if (entry.get().action() == OutboxAction.SEND) {
                    LocalChanges.removeLocalMessage(sql, id);
                } else {
                    entry.get().action().revert(sql, entry.get().conversationId(), entry.get().contactId(), entry.get().payload());
                }
            }
            return entry;
        });
        deleteCopies(gone);
        return discarded;
    }

    /** After the relay's rows were written over the cache, puts every waiting change (and every local bubble) back on top. */
    void reapply(Sql sql) throws SQLException {
        for (Entry entry : sql.query("SELECT " + COLUMNS + " FROM outbox ORDER BY id", Outbox::entry)) {
            if (entry.action() == OutboxAction.SEND) {
                showLocal(sql, entry);
            } else if (!entry.failed()) {
                entry.action().apply(sql, entry.conversationId(), entry.contactId(), entry.payload());
            }
        }
    }

    private void showLocal(Sql sql, Entry entry) throws SQLException {
        SendMessageRequest request = parse(entry.payload());
        List<MediaItem> media = OutboxFiles.of(sql, entry.id()).stream().filter(f -> !f.behindLink())
                .map(f -> new MediaItem(null, f.contentType(), MediaState.PENDING, f.fileName(), f.size(), null, null, false, null, null, null, null))
                .toList();
        LocalChanges.localMessage(sql, new LocalChanges.LocalMessage(entry.id(), entry.conversationId(), entry.clientId(),
                request.body() == null ? "" : request.body(), senderName.get(), entry.createdAt(), entry.failed(), entry.errorMessage(), media));
    }

    private long insert(Sql sql, String clientId, OutboxAction action, Long conversationId, Long contactId, String payload, String summary)
            throws SQLException {
        return sql.insert("""
                INSERT INTO outbox (client_id, kind, conversation_id, contact_id, payload_json, summary, state, attempts, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""", clientId, action.kind(), conversationId, contactId, payload, summary, PENDING, clock.instant());
    }

    private static Optional<Entry> byId(Sql sql, long id) throws SQLException {
        return sql.queryOne("SELECT " + COLUMNS + " FROM outbox WHERE id = ?", Outbox::entry, id);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("client_id"), OutboxAction.fromKind(rs.getString("kind")), Sql.nullableLong(rs, "conversation_id"),
                Sql.nullableLong(rs, "contact_id"), rs.getString("payload_json"), rs.getString("summary"), rs.getString("state"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getInt("attempts"), Sql.instant(rs, "created_at"));
    }

    static SendMessageRequest parse(String payload) {
        try {
            return Json.mapper().readValue(payload, SendMessageRequest.class);
        } catch (IOException e) {
            throw new IllegalStateException("outbox payload is not a message: " + payload, e);
        }
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String summary(String what, String body, int files) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        String attached = files == 0 ? "" : (text.isEmpty() ? "" : " ") + "(" + (files == 1 ? "1 file" : files + " files") + ")";
        return what + (text.length() > 60 ? text.substring(0, 59) + "…" : text) + attached;
    }
}
