// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.ConversationFilter.Assignment;
import org.practicetext.core.ConversationFilter.ContactType;
import org.practicetext.core.ConversationFilter.Status;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ConversationQueries;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.cache.MessageHit;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The message list: the four combinable filters (and "Open requests") and the search text drive one query of the
 * cache; the rows it answers replace the list, and the selected conversation is found again by
 * id after every refresh (a filter change, a search, a batch it cannot place) — and only a
 * person's act changes which one it is ({@link #select}). A change batch
 * is placed into the list from the rows it carries (the same filter rule as the query, in
 * {@link ConversationQueries#matches}), so a text arriving costs the list no query; the cache is
 * asked again only when a search is typed, the list is cut at its limit and a row left it, or a
 * resync or a renamed inbox or team member changed what every row shows. The latest question
 * wins ({@link LatestQuery}). The list holds one page of the newest matches; scrolling to its
 * end loads the next page with a keyset query ({@link #loadMore}). Message-text hits of a
 * search are kept apart.
 */
public final class ConversationListViewModel {
    /** The list shows this many of the newest conversations that match, and this many more each time it is scrolled to its end. */
    public static final int LIMIT = 500;
    static final int MESSAGE_HITS = 30;

    private final UiSession session;
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.ALL_OPEN);
    private final ObjectProperty<ContactType> contactType = new SimpleObjectProperty<>(ContactType.ALL);
    private final ObjectProperty<Assignment> assignment = new SimpleObjectProperty<>(Assignment.ALL);
    private final ObjectProperty<Directory.Inbox> inbox = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty openRequests = new SimpleBooleanProperty();
    private final ObservableList<ConversationRow> conversations = FXCollections.observableArrayList();
    private final ObservableList<MessageHit> messageHits = FXCollections.observableArrayList();
    private final ObservableList<Directory.Inbox> inboxes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConversationRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Long> selectedId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper selectedHidden = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper arrivals = new ReadOnlyIntegerWrapper();
    private final LatestQuery<Answer> query;
    private final int page;
    /** How many rows the list holds at most now: one page, and one more for each page scrolled to. */
    private int capacity;
    private boolean loadingMore;

    public ConversationListViewModel(UiSession session) {
        this(session, LIMIT);
    }

    /** A list that shows {@code page} rows at first and loads {@code page} more at a time (tests use a small page). */
    ConversationListViewModel(UiSession session, int page) {
        this.session = session;
        this.page = page;
        this.capacity = page;
        this.query = new LatestQuery<>(session.tasks(), this::apply);
        status.addListener((o, a, b) -> newQuestion());
        contactType.addListener((o, a, b) -> newQuestion());
        assignment.addListener((o, a, b) -> newQuestion());
        inbox.addListener((o, a, b) -> newQuestion());
        search.addListener((o, a, b) -> newQuestion());
        openRequests.addListener((o, a, b) -> newQuestion());
        session.events().onChange(this::changed);
        refreshInboxes();
        refresh();
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public ObjectProperty<ContactType> contactTypeProperty() {
        return contactType;
    }

    public ObjectProperty<Assignment> assignmentProperty() {
        return assignment;
    }

    /** The inbox filter; {@code null} means all inboxes. */
    public ObjectProperty<Directory.Inbox> inboxProperty() {
        return inbox;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** "Open requests": only conversations with a request still waiting for the patient, combined with the other filters. */
    public BooleanProperty openRequestsProperty() {
        return openRequests;
    }

    /** "Payment $120.00 · Opened" (and "+1" when more are open) for a row with an open request; empty without. */
    public static String requestHint(ConversationRow row) {
        ConversationRow.OpenRequest open = row.openRequest();
        if (open == null) {
            return "";
        }
        String kind = switch (open.kind()) {
            case PAYMENT -> "Payment";
            case REVIEW -> "Review";
            case FORMS -> "Forms";
            case TREATMENT_PLAN -> "Treatment plan";
        };
        String amount = open.amountCents() == null ? "" : " " + org.practicetext.core.Money.format(open.amountCents(), open.currency());
        String status = switch (open.status()) {
            case OPENED -> "Opened";
            case DELIVERED -> "Delivered";
            default -> "Sent";
        };
        return kind + amount + " · " + status + (open.count() > 1 ? " · +" + (open.count() - 1) : "");
    }

    public ObservableList<ConversationRow> conversations() {
        return conversations;
    }

    public ObservableList<MessageHit> messageHits() {
        return messageHits;
    }

    public ObservableList<Directory.Inbox> inboxes() {
        return inboxes;
    }

    /** The selected row as the list now holds it (a fresh record after each refresh). */
    public ReadOnlyObjectProperty<ConversationRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** True when more conversations match than the list shows (scrolling to the end loads them). */
    public ReadOnlyBooleanProperty truncatedProperty() {
        return truncated.getReadOnlyProperty();
    }

    /**
     * True while a conversation is selected (and so open) that the current filters and search do
     * not list: the thread keeps it, and says so, rather than showing another.
     */
    public ReadOnlyBooleanProperty selectedHiddenProperty() {
        return selectedHidden.getReadOnlyProperty();
    }

    /** Counts incoming texts that put a row into the list; the view shows "n new ↑" from it while scrolled down. */
    public ReadOnlyIntegerProperty arrivalsProperty() {
        return arrivals.getReadOnlyProperty();
    }

    /** True once the first answer arrived (the benchmark waits for it). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ConversationFilter filter() {
        Directory.Inbox chosen = inbox.get();
        String text = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        return new ConversationFilter(status.get(), contactType.get(), assignment.get(), chosen == null ? null : chosen.id(), text, openRequests.get());
    }

    /**
     * The one way the selection changes: a person's act (a click, a key, "Open" on a toast, a
     * message they started). Filters, searches and change batches never call it; the selected
     * conversation stays selected across them, listed or not ({@link #selectedHiddenProperty}).
     */
    public void select(Long conversationId) {
        selectedId.set(conversationId);
        reselect();
    }

    /** The open conversation's id, also when filters hide its row. */
    public ReadOnlyObjectProperty<Long> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    /** Alt+Down: the next conversation in the list (the first when none is selected). */
    public void selectNext() {
        move(1);
    }

    /** Alt+Up: the previous conversation in the list. */
    public void selectPrevious() {
        move(-1);
    }

    public void refresh() {
        ConversationFilter filter = filter();
        int rows = capacity;
        query.ask(() -> new Answer(filter, session.client().conversations().conversations(filter, rows + 1),
                filter.search() == null ? List.of() : session.client().messages().searchMessages(filter.search(), MESSAGE_HITS)));
    }

    /**
     * The next page after the last row shown (the view calls this at the end of the scroll): one
     * keyset statement, appended; a question asked meanwhile makes the page moot.
     */
    public void loadMore() {
        if (!truncated.get() || loadingMore || query.busy() || conversations.isEmpty()) {
            return;
        }
        loadingMore = true;
        ConversationFilter filter = filter();
        ConversationRow last = conversations.getLast();
        long asked = query.latest();
        session.tasks().run(() -> session.client().conversations().conversationsAfter(filter, last, page + 1), more -> {
            loadingMore = false;
            if (asked != query.latest() || !filter.equals(filter()) || conversations.isEmpty() || !conversations.getLast().equals(last)) {
                return;
            }
            capacity = conversations.size() + page;
            List<ConversationRow> rows = new ArrayList<>(conversations);
            rows.addAll(more.size() > page ? more.subList(0, page) : more);
            conversations.setAll(rows);
            truncated.set(more.size() > page);
            reselect();
        }, e -> {
            loadingMore = false;
            session.tasks().failures().accept(e);
        });
    }

    /** Marks the conversation unread; when it is the open one, the desk leaves it, so the next person sees it new. */
    public void markUnread(ConversationRow row) {
        if (Long.valueOf(row.id()).equals(selectedId.get())) {
            select(null);
        }
        session.tasks().run(() -> session.client().conversations().markUnread(row.id()));
    }

    /** "Show in list" for a selected conversation the filters hide: the search is cleared and each filter that hides it widened. */
    public void showInList(ConversationRow row) {
        Long me = session.me() == null ? null : session.me().id();
        search.set("");
        if (!ConversationQueries.matches(new ConversationFilter(status.get(), ContactType.ALL, Assignment.ALL, null, null), row, me)) {
            status.set(Status.ALL);
        }
        if (!ConversationQueries.matches(new ConversationFilter(Status.ALL, contactType.get(), Assignment.ALL, null, null), row, me)) {
            contactType.set(ContactType.ALL);
        }
        if (!ConversationQueries.matches(new ConversationFilter(Status.ALL, ContactType.ALL, assignment.get(), null, null), row, me)) {
            assignment.set(Assignment.ALL);
        }
        if (inbox.get() != null && inbox.get().id() != row.inboxId()) {
            inbox.set(null);
        }
        if (openRequests.get() && row.openRequest() == null) {
            openRequests.set(false);
        }
    }

    /** This workstation's settings: the cells follow its privacy screen (ADR 0026). */
    public org.practicetext.desktop.ui.common.LocalSettings settings() {
        return session.settings();
    }

    /** Whether the user's role may do this (the row menu and the pencil follow it). */
    public boolean can(org.practicetext.core.Permission permission) {
        return session.can(permission);
    }

    public void close(ConversationRow row) {
        session.tasks().run(() -> session.client().conversations().close(row.id()));
    }

    public void reopen(ConversationRow row) {
        session.tasks().run(() -> session.client().conversations().reopen(row.id()));
    }

    /** A filter or the search changed: the list starts again at its first page. */
    private void newQuestion() {
        capacity = page;
        refresh();
    }

    private void refreshInboxes() {
        session.tasks().run(session.client().directory()::inboxes, this::showInboxes);
    }

    private void showInboxes(List<Directory.Inbox> list) {
        Directory.Inbox chosen = inbox.get();
        inboxes.setAll(list);
        if (chosen != null) {
            inbox.set(list.stream().filter(i -> i.id() == chosen.id()).findFirst().orElse(null));
        }
    }

    private void changed(ChangeBatch batch) {
        if (batch.inboxes() != null) {
            showInboxes(batch.inboxes());
        }
        Set<Long> ids = batch.conversationIds();
        boolean namesChanged = batch.directoryChanged(DeskChange.DirectoryChanged.Part.INBOXES)
                || batch.directoryChanged(DeskChange.DirectoryChanged.Part.USERS);
        if (namesChanged || (!ids.isEmpty() && (query.busy() || !loaded.get() || filter().search() != null))) {
            refresh();
        } else if (!ids.isEmpty() && !place(batch, ids)) {
            refresh();
        }
    }

    /** Puts the batch's rows where the filter and the order say; false when only the cache can tell (a row left a list cut at its limit). */
    private boolean place(ChangeBatch batch, Set<Long> ids) {
        ConversationFilter filter = filter();
        Long me = session.me() == null ? null : session.me().id();
        List<ConversationRow> rows = new ArrayList<>(conversations);
        boolean cut = truncated.get();
        int arrived = 0;
        for (long id : ids) {
            ConversationRow before = rows.stream().filter(r -> r.id() == id).findFirst().orElse(null);
            boolean left = rows.removeIf(r -> r.id() == id);
            ConversationRow row = batch.conversations().get(id);
            boolean belongs = row != null && ConversationQueries.matches(filter, row, me);
            if (belongs && "in".equals(row.lastDirection()) && row.lastMessageAt() != null
                    && (before == null || !row.lastMessageAt().equals(before.lastMessageAt()))) {
                arrived++;
            }
            if (left && !belongs && cut) {
                return false;
            }
            if (belongs) {
                int at = Collections.binarySearch(rows, row, ConversationQueries.ORDER);
                int index = at < 0 ? -at - 1 : at;
                if (cut && index == rows.size() && !left) {
                    continue;
                }
                rows.add(index, row);
            }
        }
        if (rows.size() > capacity) {
            rows = rows.subList(0, capacity);
            cut = true;
        }
        if (!rows.equals(conversations)) {
            conversations.setAll(rows);
        }
        truncated.set(cut);
        reselect();
        if (arrived > 0) {
            arrivals.set(arrivals.get() + arrived);
        }
        return true;
    }

    private void apply(Answer answer) {
        ConversationFilter filter = answer.filter();
        List<ConversationRow> rows = answer.rows();
        truncated.set(rows.size() > capacity);
        conversations.setAll(rows.size() > capacity ? rows.subList(0, capacity) : rows);
        messageHits.setAll(answer.hits());
        emptyText.set(emptyTextFor(filter));
        loaded.set(true);
        reselect();
    }

    /** The selected row as the list now holds it; the selection itself is left as the person made it. */
    private void reselect() {
        Long id = selectedId.get();
        ConversationRow row = id == null ? null : find(id);
        selected.set(row);
        selectedHidden.set(id != null && row == null && loaded.get());
    }

    static String emptyTextFor(ConversationFilter filter) {
        if (filter.openRequests() && filter.search() == null) {
            return "No open requests — nothing is waiting for a patient to pay, sign or answer under these filters.";
        }
        if (filter.search() != null) {
            return "No conversations match “" + filter.search() + "”. Try a name or phone number, or include closed messages.";
        }
        if (filter.status() == Status.ALL_OPEN || filter.status() == Status.OPEN_UNREAD) {
            return "No conversations — adjust filters or include closed messages.";
        }
        return "No conversations — adjust filters.";
    }

    private ConversationRow find(long id) {
        return conversations.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }

    private void move(int step) {
        if (conversations.isEmpty()) {
            return;
        }
        int index = -1;
        for (int i = 0; i < conversations.size(); i++) {
            if (Objects.equals(conversations.get(i).id(), selectedId.get())) {
                index = i;
            }
        }
        int next = index < 0 ? 0 : Math.max(0, Math.min(conversations.size() - 1, index + step));
        select(conversations.get(next).id());
    }

    private record Answer(ConversationFilter filter, List<ConversationRow> rows, List<MessageHit> hits) {
    }
}
