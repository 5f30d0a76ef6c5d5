// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.RequestView;

/**
 * The open thread's requests (ADR 0024): each bubble's chip, the outcome lines between the
 * messages, the thread's Requests view, and the actions on them. Loaded when a thread opens; a
 * change batch's requests of this thread are put in place from the rows it carries (no query),
 * and {@link #revisionProperty()} moves so the bubbles redraw their chips without a refresh.
 */
public final class ThreadRequests {
    /** Newest first, as the Requests view lists them. */
    static final Comparator<RequestView> NEWEST_FIRST = Comparator.comparing(RequestView::createdAt).thenComparingLong(RequestView::id).reversed();

    private final UiSession session;
    private final Supplier<String> patientFirstName;
    private final ObservableList<RequestView> requests = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<String> problem = new ReadOnlyObjectWrapper<>();
    private final LatestQuery<Loaded> loader;
    private Long openId;

    ThreadRequests(UiSession session, Supplier<String> patientFirstName) {
        this.session = session;
        this.patientFirstName = patientFirstName;
        this.loader = new LatestQuery<>(session.tasks(), this::show);
        session.events().onChange(this::changed);
    }

    /** The conversation's requests, newest first. */
    public ObservableList<RequestView> requests() {
        return requests;
    }

    /** Moves whenever what a chip or an outcome line shows may have changed. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The relay's refusal of the last action, in its words (null: none); shown in the Requests view. */
    public ReadOnlyObjectProperty<String> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The request a message carries. */
    public Optional<RequestView> forMessage(long messageId) {
        return requests.stream().filter(r -> r.messageId() != null && r.messageId() == messageId).findFirst();
    }

    /** The outcome lines that fall at or after {@code from} and before {@code to} (null: no end), oldest first. */
    public List<String> outcomesBetween(Instant from, Instant to) {
        return requests.stream().filter(RequestChipText::hasOutcomeLine)
                .filter(r -> !r.finishedAt().isBefore(from) && (to == null || r.finishedAt().isBefore(to)))
                .sorted(Comparator.comparing(RequestView::finishedAt))
                .map(r -> RequestChipText.outcome(r, patientFirstName.get(), session.times())).toList();
    }

    public String title(RequestView r) {
        return RequestChipText.title(r);
    }

    public String status(RequestView r) {
        return RequestChipText.status(r, session.times());
    }

    public String validity(RequestView r) {
        return RequestChipText.validity(r, session.times());
    }

    public List<RequestChipText.Command> commands(RequestView r, boolean withViewAll) {
        return RequestChipText.commands(r, session::can, withViewAll);
    }

    /** "Sent Dec 1, 3:00 PM · Opened Dec 2, 9:14 AM · Paid Dec 2, 9:20 PM" or "… · Expires Dec 30", for the Requests view. */
    public String dates(RequestView r) {
        List<String> parts = new ArrayList<>();
        parts.add("Sent " + session.times().bubbleForm(r.createdAt()));
        if (r.openedAt() != null) {
            parts.add("Opened " + session.times().bubbleForm(r.openedAt()));
        }
        if (r.status().finished() || r.status() == org.practicetext.core.RequestStatus.EXPIRED) {
            parts.add(status(r));
        } else if (r.expiresAt() != null) {
            parts.add("Expires " + session.times().date(r.expiresAt()));
        }
        return String.join(" · ", parts);
    }

    void open(Long conversationId) {
        openId = conversationId;
        requests.clear();
        problem.set(null);
        bump();
        if (conversationId == null) {
            loader.cancel();
        } else {
            long id = conversationId;
            loader.ask(() -> new Loaded(id, session.client().requests().forConversation(id)));
        }
    }

    /** Something the outcome lines are placed by changed (the thread's messages). */
    void messagesChanged() {
        if (requests.stream().anyMatch(RequestChipText::hasOutcomeLine)) {
            bump();
        }
    }

    public void cancel(RequestView r, String note) {
        act(() -> session.client().requests().cancel(r.id(), note));
    }

    public void resend(RequestView r) {
        act(() -> session.client().requests().resend(r.id()));
    }

    public void markPaid(RequestView r, String note) {
        act(() -> session.client().requests().markPaid(r.id(), note));
    }

    public void markCompleted(RequestView r) {
        act(() -> session.client().requests().markCompleted(r.id()));
    }

    /** The answer reaches the cache at once and comes back as a change batch: nothing to place here. */
    private void act(java.util.concurrent.Callable<RequestView> action) {
        problem.set(null);
        session.tasks().run(action, done -> { }, e -> {
            problem.set(e.getMessage());
            session.tasks().failures().accept(e);
        });
    }

    private void show(Loaded loaded) {
        if (Long.valueOf(loaded.id()).equals(openId)) {
            requests.setAll(loaded.requests().stream().sorted(NEWEST_FIRST).toList());
            bump();
        }
    }

    private void changed(ChangeBatch batch) {
        Long id = openId;
        if (id == null) {
            return;
        }
        if (batch.resynced() || loader.busy()) {
            loader.ask(() -> new Loaded(id, session.client().requests().forConversation(id)));
            return;
        }
        List<RequestView> written = batch.requests(id);
        if (written.isEmpty()) {
            return;
        }
        List<RequestView> rows = new ArrayList<>(requests);
        for (RequestView r : written) {
            rows.removeIf(old -> old.id() == r.id());
            rows.add(r);
        }
        rows.sort(NEWEST_FIRST);
        requests.setAll(rows);
        bump();
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    private record Loaded(long id, List<RequestView> requests) {
    }
}
