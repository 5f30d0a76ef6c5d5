// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.FeedRows;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.Json;

/**
 * Settings changes that need the relay's answer before anything is shown (inboxes, patient
 * import): they go to the relay directly and fail with its message. What the relay answers is
 * written to the cache at once, through the same path as the feed, so lists refresh before the
 * feed catches up.
 */
final class PracticeSettings {
    private final RelayApi api;
    private final CacheDatabase db;
    private final FeedRows rows = new FeedRows();

    PracticeSettings(RelayApi api, CacheDatabase db) {
        this.api = api;
        this.db = db;
    }

    Directory.Inbox createInbox(String name) throws RelayException {
        JsonNode inbox = api.post("/api/v1/inboxes", api.write(Map.of("name", name)));
        cache(inbox);
        return new Directory.Inbox(inbox.path("id").asLong(), inbox.path("name").asText());
    }

    void renameInbox(long inboxId, String name) throws RelayException {
        cache(api.patch("/api/v1/inboxes/" + inboxId, api.write(Map.of("name", name))));
    }

    void deleteInbox(long inboxId, long moveToInboxId) throws RelayException {
        JsonNode answer = api.delete("/api/v1/inboxes/" + inboxId + "?moveTo=" + moveToInboxId);
        if (answer != null && answer.hasNonNull("id")) {
            cache(answer);
            return;
        }
        String name = db.read(sql -> sql.queryOne("SELECT name FROM inbox WHERE id = ?", rs -> rs.getString(1), inboxId)).orElse("");
        ObjectNode tombstone = Json.mapper().createObjectNode().put("id", inboxId).put("name", name).put("deleted", true);
        cache(tombstone);
    }

    PracticeAdmin.ImportReport importPatients(String csv) throws RelayException {
        JsonNode answer = api.postCsv("/api/v1/contacts/import", csv);
        List<String> refused = new ArrayList<>();
        if (answer != null) {
            for (JsonNode row : answer.path("refused")) {
                refused.add("Line " + row.path("line").asInt() + ": " + row.path("reason").asText());
            }
        }
        return new PracticeAdmin.ImportReport(answer == null ? 0 : answer.path("created").asInt(), answer == null ? 0 : answer.path("updated").asInt(),
                List.copyOf(refused));
    }

    private void cache(JsonNode inbox) {
        if (inbox == null || !inbox.hasNonNull("id")) {
            return;
        }
        db.write(sql -> rows.apply(sql, List.of(new FeedEvent(0, EventTypes.INBOX, inbox)), SyncState.read(sql).generation()));
    }
}
