// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.Permission;
import org.practicetext.desktop.auth.TokenStore;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ContactQueries;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationQueries;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.DirectoryQueries;
import org.practicetext.desktop.cache.Drafts;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.cache.MessageQueries;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.desktop.net.RelayApi;
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
    private final Drafts drafts;
    private final PracticeSettings settings;
    private final UserActions actions;
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
        this.drafts = new Drafts(db);
        this.sync = new SyncEngine(api, db, clock, options.sync(), () -> me.name(), () -> tokens.delete(account));
        this.settings = new PracticeSettings(api, db);
        this.actions = new UserActions(db, sync, api::write);
        sync.onChange(batch -> {
            if (batch.directoryChanged(DeskChange.DirectoryChanged.Part.USERS) || batch.all(DeskChange.SettingsChanged.class).findAny().isPresent()) {
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
    public void onChange(Consumer<ChangeBatch> listener) {
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
    public Optional<String> draft(String threadKey) {
        return drafts.load(threadKey);
    }

    @Override
    public void saveDraft(String threadKey, String body) {
        drafts.save(threadKey, body);
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
        return actions.send(conversationId, body);
    }

    @Override
    public String sendTo(String phone, String body) throws InvalidPhoneNumberException {
        return actions.sendTo(phone, body, practice.region());
    }

    @Override
    public void close(long conversationId) {
        actions.onConversation(OutboxAction.CLOSE, conversationId, null, "Close conversation");
    }

    @Override
    public void reopen(long conversationId) {
        actions.onConversation(OutboxAction.REOPEN, conversationId, null, "Reopen conversation");
    }

    @Override
    public void markRead(long conversationId) {
        actions.onConversation(OutboxAction.READ, conversationId, null, "Mark as read");
    }

    @Override
    public void markUnread(long conversationId) {
        actions.onConversation(OutboxAction.UNREAD, conversationId, null, "Mark as unread");
    }

    @Override
    public void assign(long conversationId, long userId) {
        String who = team().stream().filter(t -> t.id() == userId).map(Directory.TeamMember::name).findFirst().orElse("user " + userId);
        actions.onConversation(OutboxAction.ASSIGN, conversationId, Map.of("userId", userId), "Assign to " + who);
    }

    @Override
    public void unassign(long conversationId) {
        actions.onConversation(OutboxAction.UNASSIGN, conversationId, null, "Unassign");
    }

    @Override
    public void move(long conversationId, long inboxId) {
        String name = inboxes().stream().filter(i -> i.id() == inboxId).map(Directory.Inbox::name).findFirst().orElse("inbox " + inboxId);
        actions.onConversation(OutboxAction.MOVE, conversationId, Map.of("inboxId", inboxId), "Move to " + name);
    }

    @Override
    public void block(long contactId) {
        actions.onContact(OutboxAction.BLOCK, contactId, "Block contact");
    }

    @Override
    public void unblock(long contactId) {
        actions.onContact(OutboxAction.UNBLOCK, contactId, "Unblock contact");
    }

    @Override
    public void retry(long outboxItemId) {
        actions.retry(outboxItemId);
    }

    @Override
    public void discard(long outboxItemId) {
        actions.discard(outboxItemId);
    }

    @Override
    public Directory.Inbox createInbox(String name) throws RelayException {
        Directory.Inbox inbox = settings.createInbox(name);
        sync.queued(List.of(DeskChange.DirectoryChanged.of(DeskChange.DirectoryChanged.Part.INBOXES)));
        return inbox;
    }

    @Override
    public void renameInbox(long inboxId, String name) throws RelayException {
        settings.renameInbox(inboxId, name);
        sync.queued(List.of(DeskChange.DirectoryChanged.of(DeskChange.DirectoryChanged.Part.INBOXES)));
    }

    @Override
    public void deleteInbox(long inboxId, long moveToInboxId) throws RelayException {
        settings.deleteInbox(inboxId, moveToInboxId);
        sync.queued(List.of(DeskChange.DirectoryChanged.of(DeskChange.DirectoryChanged.Part.INBOXES)));
    }

    @Override
    public ImportReport importPatients(String csv) throws RelayException {
        // The imported contacts reach the screens as the feed's contact events (the Patients page reloads after its import itself).
        return settings.importPatients(csv);
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
}
