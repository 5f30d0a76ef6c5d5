// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.E164Number;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.Permission;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.auth.TokenStore;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ContactQueries;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationQueries;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.DirectoryQueries;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.cache.MessageQueries;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.desktop.sync.ChangeSet;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.desktop.sync.OutboxAction;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.desktop.sync.SyncEngine;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.UserView;

/**
 * The desktop client over a live relay: reads answer from the cache (so they work offline),
 * actions go through the outbox ({@link SyncEngine}), settings calls go straight to the relay.
 * Built by {@link DesktopClients}.
 */
public final class LiveDesktopClient implements DesktopClient {
    private final Account account;
    private final CacheDatabase db;
    private final RelayApi api;
    private final TokenStore tokens;
    private final SyncEngine sync;
    private final ConversationQueries conversations;
    private final MessageQueries messages;
    private final ContactQueries contacts;
    private final DirectoryQueries directory;
    private final PracticeSettings settings;
    private volatile UserView me;
    private volatile PracticeView practice;

    LiveDesktopClient(Account account, CacheDatabase db, RelayApi api, TokenStore tokens, Clock clock, ClientOptions options) {
        this.account = account;
        this.db = db;
        this.api = api;
        this.tokens = tokens;
        this.me = db.read(SyncState::me).orElseThrow(() -> new IllegalStateException("the cache does not say who signed in"));
        this.practice = db.read(SyncState::practice).orElseThrow(() -> new IllegalStateException("the cache does not name the practice"));
        this.conversations = new ConversationQueries(db);
        this.messages = new MessageQueries(db);
        this.contacts = new ContactQueries(db);
        this.directory = new DirectoryQueries(db);
        this.sync = new SyncEngine(api, db, clock, options.sync(), () -> me.name(), () -> tokens.delete(account));
        this.settings = new PracticeSettings(api, db);
        sync.onChange(change -> {
            if (change.team() || change.reset()) {
                db.read(SyncState::me).ifPresent(user -> me = user);
                db.read(SyncState::practice).ifPresent(p -> practice = p);
            }
        });
        sync.start(options.tasks());
    }

    public Account account() {
        return account;
    }

    @Override
    public UserView me() {
        return me;
    }

    @Override
    public PracticeView practice() {
        return practice;
    }

    @Override
    public boolean can(Permission permission) {
        return me.permissions() != null && me.permissions().contains(permission.key());
    }

    @Override
    public ConnectionState connection() {
        return sync.status().current();
    }

    @Override
    public void onConnection(Consumer<ConnectionState> listener) {
        sync.status().listen(listener);
    }

    @Override
    public void onChange(Consumer<ChangeSet> listener) {
        sync.onChange(listener);
    }

    @Override
    public List<ConversationRow> conversations(ConversationFilter filter, int limit) {
        return conversations.list(filter, me.id(), limit);
    }

    @Override
    public Optional<ConversationRow> conversation(long conversationId) {
        return conversations.byId(conversationId);
    }

    @Override
    public MessagePage messages(long conversationId, MessagePage.MessageCursor before, int pageSize) {
        return messages.page(conversationId, before, pageSize);
    }

    @Override
    public List<MessageHit> searchMessages(String text, int limit) {
        return messages.search(text, limit);
    }

    @Override
    public int unreadBadge() {
        return conversations.unreadBadge();
    }

    @Override
    public List<ContactRow> contacts(String search, int limit) {
        return contacts.search(search, limit);
    }

    @Override
    public Optional<ContactRow> contactByPhone(String e164) {
        return contacts.byPhone(e164);
    }

    @Override
    public List<ContactRow> optedOut(String search) {
        return contacts.optedOut(search);
    }

    @Override
    public List<ContactRow> blocked() {
        return contacts.blocked();
    }

    @Override
    public List<Directory.Inbox> inboxes() {
        return directory.inboxes();
    }

    @Override
    public List<Directory.TeamMember> team() {
        return directory.team();
    }

    @Override
    public List<Directory.Template> templates() {
        return directory.templates();
    }

    @Override
    public List<OutboxItem> outbox() {
        return sync.outbox().all().stream().map(Outbox.Entry::item).toList();
    }

    @Override
    public String send(long conversationId, String body) {
        requireText(body);
        ConversationRow thread = conversations.byId(conversationId).orElseThrow(() -> new IllegalArgumentException("no conversation " + conversationId));
        var entry = conversationId < 0
                ? sync.outbox().enqueueSend(null, thread.phone(), thread.displayPhone(), body)
                : sync.outbox().enqueueSend(conversationId, thread.phone(), thread.displayPhone(), body);
        sync.queued(touched(entry.conversationId(), false));
        return entry.clientId();
    }

    @Override
    public String sendTo(String phone, String body) throws InvalidPhoneNumberException {
        requireText(body);
        PhoneNumbers numbers = new PhoneNumbers(practice.region());
        E164Number number = numbers.parse(phone);
        var entry = sync.outbox().enqueueSend(null, number.value(), numbers.display(number.value()), body);
        sync.queued(touched(entry.conversationId(), false));
        return entry.clientId();
    }

    @Override
    public void close(long conversationId) {
        act(OutboxAction.CLOSE, conversationId, null, "Close conversation");
    }

    @Override
    public void reopen(long conversationId) {
        act(OutboxAction.REOPEN, conversationId, null, "Reopen conversation");
    }

    @Override
    public void markRead(long conversationId) {
        act(OutboxAction.READ, conversationId, null, "Mark as read");
    }

    @Override
    public void markUnread(long conversationId) {
        act(OutboxAction.UNREAD, conversationId, null, "Mark as unread");
    }

    @Override
    public void assign(long conversationId, long userId) {
        String who = team().stream().filter(t -> t.id() == userId).map(t -> t.name()).findFirst().orElse("user " + userId);
        act(OutboxAction.ASSIGN, conversationId, Map.of("userId", userId), "Assign to " + who);
    }

    @Override
    public void unassign(long conversationId) {
        act(OutboxAction.UNASSIGN, conversationId, null, "Unassign");
    }

    @Override
    public void move(long conversationId, long inboxId) {
        String name = inboxes().stream().filter(i -> i.id() == inboxId).map(Directory.Inbox::name).findFirst().orElse("inbox " + inboxId);
        act(OutboxAction.MOVE, conversationId, Map.of("inboxId", inboxId), "Move to " + name);
    }

    @Override
    public void block(long contactId) {
        sync.outbox().enqueue(OutboxAction.BLOCK, null, contactId, null, "Block contact");
        sync.queued(contactChange(contactId));
    }

    @Override
    public void unblock(long contactId) {
        sync.outbox().enqueue(OutboxAction.UNBLOCK, null, contactId, null, "Unblock contact");
        sync.queued(contactChange(contactId));
    }

    @Override
    public void retry(long outboxItemId) {
        sync.outbox().retry(outboxItemId).ifPresent(e -> sync.queued(e.contactId() != null ? contactChange(e.contactId()) : touched(e.conversationId(), false)));
    }

    @Override
    public void discard(long outboxItemId) {
        sync.outbox().discard(outboxItemId).ifPresent(e -> sync.queued(e.contactId() != null ? contactChange(e.contactId()) : touched(e.conversationId(), false)));
    }

    @Override
    public Directory.Inbox createInbox(String name) throws RelayException {
        Directory.Inbox inbox = settings.createInbox(name);
        sync.queued(new ChangeSet(Set.of(), false, true, false, false, false));
        return inbox;
    }

    @Override
    public void renameInbox(long inboxId, String name) throws RelayException {
        settings.renameInbox(inboxId, name);
        sync.queued(new ChangeSet(Set.of(), false, true, false, false, false));
    }

    @Override
    public void deleteInbox(long inboxId, long moveToInboxId) throws RelayException {
        settings.deleteInbox(inboxId, moveToInboxId);
        sync.queued(new ChangeSet(Set.of(), false, true, false, false, false));
    }

    @Override
    public ImportReport importPatients(String csv) throws RelayException {
        ImportReport report = settings.importPatients(csv);
        sync.queued(new ChangeSet(Set.of(), true, false, false, false, false));
        return report;
    }

    @Override
    public void signOut() {
        sync.signedOut("You signed out.");
        api.signOut();
        api.useToken(null);
        tokens.delete(account);
    }

    @Override
    public void close() {
        sync.close();
        api.close();
        db.close();
    }

    private void act(OutboxAction action, long conversationId, Map<String, Long> payload, String summary) {
        String json = payload == null ? null : api.write(payload);
        sync.outbox().enqueue(action, conversationId, null, json, summary);
        sync.queued(touched(conversationId, false));
    }

    private ChangeSet contactChange(long contactId) {
        List<Long> ids = new ArrayList<>();
        db.read(sql -> ids.addAll(sql.query("SELECT id FROM conversation WHERE contact_id = ?", rs -> rs.getLong(1), contactId)));
        return new ChangeSet(Set.copyOf(ids), true, false, false, false, false);
    }

    private static ChangeSet touched(Long conversationId, boolean contacts) {
        return new ChangeSet(conversationId == null ? Set.of() : Set.of(conversationId), contacts, false, false, false, false);
    }

    private static void requireText(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The message is empty.");
        }
    }
}
