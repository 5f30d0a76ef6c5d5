// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.Permission;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.cache.MessagePage;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.sync.OutboxItem;
import org.practicetext.protocol.PracticeView;
import org.practicetext.protocol.UserView;

/**
 * Everything the screens read and every action they take, without JavaFX. Reads come from the
 * local cache only (so they work offline); actions go to the outbox first and show at once.
 * All methods may block on disk I/O: call them off the FX thread. Listeners are called on a
 * background thread after each applied change.
 */
public interface DesktopClient extends AutoCloseable {

    // --- who and where -------------------------------------------------------------------
    UserView me();

    PracticeView practice();

    boolean can(Permission permission);

    ConnectionState connection();

    void onConnection(Consumer<ConnectionState> listener);

    /** Each applied batch once, saying what changed, with the rows the screens need from it read once for all of them. */
    void onChange(Consumer<ChangeBatch> listener);

    // --- reads (the cache) ---------------------------------------------------------------
    List<ConversationRow> conversations(ConversationFilter filter, int limit);

    Optional<ConversationRow> conversation(long conversationId);

    /** Newest page first when {@code before} is null; then older pages on demand. */
    MessagePage messages(long conversationId, MessagePage.MessageCursor before, int pageSize);

    List<MessageHit> searchMessages(String text, int limit);

    /** Unread incoming messages in conversations this user may see (the SMS tab's badge). */
    int unreadBadge();

    /** Patients and leads by name or phone digits, for the picker and the Patients page. */
    List<ContactRow> contacts(String search, int limit);

    Optional<ContactRow> contactByPhone(String e164);

    List<ContactRow> optedOut(String search);

    List<ContactRow> blocked();

    List<Directory.Inbox> inboxes();

    List<Directory.TeamMember> team();

    List<Directory.Template> templates();

    List<OutboxItem> outbox();

    // --- drafts (local only, never sent to the relay) ------------------------------------
    /** The unsent composer text of a thread ({@code conversation:42}, {@code number:+1555…}), kept on disk. */
    Optional<String> draft(String threadKey);

    /** Keeps a thread's unsent text in the cache so it survives a restart; blank removes it. */
    void saveDraft(String threadKey, String body);

    // --- actions (outbox first, shown at once) -------------------------------------------
    /** Sends into an existing conversation; returns the client id. */
    String send(long conversationId, String body);

    /** Sends to any number as typed (validated with the practice's region before it is queued). */
    String sendTo(String phone, String body) throws org.practicetext.core.InvalidPhoneNumberException;

    void close(long conversationId);

    void reopen(long conversationId);

    void markRead(long conversationId);

    void markUnread(long conversationId);

    void assign(long conversationId, long userId);

    void unassign(long conversationId);

    void move(long conversationId, long inboxId);

    void block(long contactId);

    void unblock(long contactId);

    void retry(long outboxItemId);

    void discard(long outboxItemId);

    // --- settings (these talk to the relay directly and throw with its message) ----------
    Directory.Inbox createInbox(String name) throws RelayException;

    void renameInbox(long inboxId, String name) throws RelayException;

    void deleteInbox(long inboxId, long moveToInboxId) throws RelayException;

    /** Imports patients from CSV text; returns the relay's report as a sentence per refused row. */
    ImportReport importPatients(String csv) throws RelayException;

    void signOut();

    /** The relay's import answer. */
    record ImportReport(int created, int updated, List<String> refused) {
    }
}
