// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.ConversationView;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.FeedEvent;
import org.practicetext.protocol.InboxView;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.MessageView;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.RequestView;
import org.practicetext.protocol.TemplateView;
import org.practicetext.protocol.UserView;

/**
 * Writes feed events into the cache tables: each event's data is the entity's full state, so
 * applying it is an upsert by id and applying it twice changes nothing. It is also where the
 * cache says what changed ({@link DeskChange}), once, for every screen: a state it already holds
 * is no change. The feed's pages and a send's answer both come through here. Events of a type
 * this version does not know are skipped (a newer relay may send more).
 */
public final class FeedRows {
    private static final List<String> SWEPT = List.of("message", "conversation", "contact", "inbox", "team_member", "template", "request",
            "practice_settings", "consent_record");

    private final ContactWriter contacts = new ContactWriter();
    private final ConversationWriter conversations = new ConversationWriter();
    private final MessageWriter messages = new MessageWriter();
    private final DirectoryWriter directory = new DirectoryWriter();
    private final RequestWriter requests = new RequestWriter();
    private final ConsentWriter consent = new ConsentWriter();

    /** Writes the events and says what changed (nothing for a state the cache already holds). */
    public List<DeskChange> apply(Sql sql, List<FeedEvent> events, int generation) throws SQLException {
        Map<String, Map<Long, JsonNode>> byType = new LinkedHashMap<>();
        for (FeedEvent event : events) {
            byType.computeIfAbsent(event.type(), t -> new LinkedHashMap<>()).put(event.data().path("id").asLong(), event.data());
        }
        List<DeskChange> changes = new ArrayList<>();
        PracticeView practice = null;
        for (JsonNode node : byType.getOrDefault(EventTypes.PRACTICE, Map.of()).values()) {
            practice = decode(node, PracticeView.class);
            directory.practice(sql, practice);
        }
        if (practice != null) {
            changes.add(new DeskChange.SettingsChanged());
        }
        if (practice == null) {
            practice = SyncState.practice(sql).orElse(null);
        }
        PhoneNumbers phones = new PhoneNumbers(practice == null || practice.region() == null ? "US" : practice.region());
        Long meId = SyncState.me(sql).map(UserView::id).orElse(null);

        directory.inboxes(sql, decodeAll(byType, EventTypes.INBOX, InboxView.class), generation);
        directory.users(sql, decodeAll(byType, EventTypes.USER, UserView.class), generation, meId);
        directory.templates(sql, decodeAll(byType, EventTypes.TEMPLATE, TemplateView.class), generation);
        Set<DeskChange.DirectoryChanged.Part> parts = EnumSet.noneOf(DeskChange.DirectoryChanged.Part.class);
        if (byType.containsKey(EventTypes.USER)) {
            parts.add(DeskChange.DirectoryChanged.Part.USERS);
        }
        if (byType.containsKey(EventTypes.INBOX)) {
            parts.add(DeskChange.DirectoryChanged.Part.INBOXES);
        }
        if (byType.containsKey(EventTypes.TEMPLATE)) {
            parts.add(DeskChange.DirectoryChanged.Part.TEMPLATES);
        }
        if (!parts.isEmpty()) {
            changes.add(new DeskChange.DirectoryChanged(parts));
        }
        // A contact's conversations are not looked up here: the batch's reads take them with the contact's id.
        changes.addAll(contacts.upsert(sql, decodeAll(byType, EventTypes.CONTACT, ContactView.class), generation, phones));
        Set<Long> changedConversations = conversations.upsert(sql, decodeAll(byType, EventTypes.CONVERSATION, ConversationView.class), generation, phones);
        if (!changedConversations.isEmpty()) {
            changes.add(new DeskChange.ConversationChanged(changedConversations));
        }
        changes.addAll(messages.upsert(sql, decodeAll(byType, EventTypes.MESSAGE, MessageView.class), generation));
        // After the messages: a request and the message with its link come in the same batch.
        changes.addAll(requests.upsert(sql, decodeAll(byType, EventTypes.REQUEST, RequestView.class), generation));
        changes.addAll(consent.insert(sql, decodeAll(byType, EventTypes.CONSENT, ConsentRecordView.class), generation));
        if (requests.settings(sql, decodeAll(byType, EventTypes.SETTINGS, PracticeSettingsView.class), generation)) {
            changes.add(new DeskChange.CommunicationSettingsChanged());
        }
        return changes;
    }

    /** The end of a full resync: rows from the relay that the new snapshot did not bring back are gone there too. Local rows stay. */
    public static void sweep(Sql sql, int generation) throws SQLException {
        Map<Long, String> gone = new java.util.HashMap<>();
        sql.query("SELECT id, body FROM message WHERE sync_gen < ? AND id > 0", rs -> {
            gone.put(rs.getLong(1), rs.getString(2));
            return null;
        }, generation);
        MessageIndex.remove(sql, gone);
        for (String table : SWEPT) {
            sql.update("DELETE FROM " + table + " WHERE sync_gen < ? AND id > 0", generation);
        }
        sql.update("DELETE FROM contact_word w WHERE NOT EXISTS (SELECT 1 FROM contact c WHERE c.id = w.contact_id)");
        sql.update("DELETE FROM phone_suffix p WHERE NOT EXISTS (SELECT 1 FROM contact c WHERE c.id = p.contact_id)");
        sql.update("DELETE FROM media_preview p WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.id = p.message_id)");
    }

    private static <T> List<T> decodeAll(Map<String, Map<Long, JsonNode>> byType, String type, Class<T> view) {
        return byType.getOrDefault(type, Map.of()).values().stream().map(node -> decode(node, view)).toList();
    }

    private static <T> T decode(JsonNode node, Class<T> view) {
        try {
            return Json.mapper().treeToValue(node, view);
        } catch (JsonProcessingException e) {
            throw new CacheException("The relay sent a " + view.getSimpleName() + " this version cannot read: " + e.getOriginalMessage(), e);
        }
    }
}
