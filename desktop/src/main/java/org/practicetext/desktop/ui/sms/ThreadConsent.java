// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.cache.ConsentState;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.common.LatestQuery;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.ConsentRecordView;

/**
 * The open thread's consent records (ADR 0025): the system lines among its messages at their
 * place in time, and its contact's state with the records that made it so (the header's line).
 * Loaded when a thread opens; a change batch's records of this thread are put in place from the
 * batch itself (records never change), and {@link #revisionProperty()} moves so the cells redraw
 * their lines.
 */
public final class ThreadConsent {
    static final Comparator<ConsentRecordView> IN_TIME = Comparator.comparing(ConsentRecordView::at).thenComparingLong(ConsentRecordView::id);

    private final UiSession session;
    private final Supplier<ConversationRow> conversation;
    private final List<ConsentRecordView> lines = new ArrayList<>();
    private final ReadOnlyObjectWrapper<ConsentState> state = new ReadOnlyObjectWrapper<>(ConsentState.NONE);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final LatestQuery<Loaded> loader;
    private final LatestQuery<ConsentState> stateLoader;
    private Long openId;

    ThreadConsent(UiSession session, Supplier<ConversationRow> conversation) {
        this.session = session;
        this.conversation = conversation;
        this.loader = new LatestQuery<>(session.tasks(), this::show);
        this.stateLoader = new LatestQuery<>(session.tasks(), state::set);
        session.events().onChange(this::changed);
    }

    /** Moves whenever a line may have appeared or moved. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The contact's consent now (its newest opt-out/opt-in and block/unblock records). */
    public ReadOnlyObjectProperty<ConsentState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Every line of the thread, oldest first. */
    public List<ConsentRecordView> lines() {
        return List.copyOf(lines);
    }

    /**
     * The lines shown under {@code items.get(index)}, oldest first. A record that names a shown message
     * (the patient's STOP, the refused text) goes under that message whatever the clocks say; any
     * other under the last message at or before its time.
     */
    public List<String> linesUnder(List<MessageRow> items, int index) {
        return lines.stream().filter(r -> place(r, items) == index).map(r -> ConsentText.line(r, session.times())).toList();
    }

    /** The lines before the first of {@code items}: shown above it once no older page is left. */
    public List<String> linesAbove(List<MessageRow> items) {
        return linesUnder(items, -1);
    }

    /** The index of the message a record goes under; -1: before them all. */
    static int place(ConsentRecordView r, List<MessageRow> items) {
        if (r.messageId() != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id() == r.messageId()) {
                    return i;
                }
            }
        }
        int at = -1;
        for (int i = 0; i < items.size() && !items.get(i).createdAt().isAfter(r.at()); i++) {
            at = i;
        }
        return at;
    }

    void open(Long conversationId) {
        openId = conversationId;
        lines.clear();
        state.set(ConsentState.NONE);
        bump();
        if (conversationId == null) {
            loader.cancel();
            stateLoader.cancel();
        } else {
            load(conversationId);
        }
    }

    /** Something the lines are placed by changed (the messages, or whether older ones are left). */
    void messagesChanged() {
        if (!lines.isEmpty()) {
            bump();
        }
    }

    private void load(long id) {
        loader.ask(() -> {
            List<ConsentRecordView> records = session.client().directory().consentLines(id);
            ConversationRow row = session.client().conversations().conversation(id).orElse(null);
            return new Loaded(id, records, row == null ? ConsentState.NONE : session.client().directory().consent(row.contactId()));
        });
    }

    private void show(Loaded loaded) {
        if (Long.valueOf(loaded.id()).equals(openId)) {
            lines.clear();
            lines.addAll(loaded.records());
            lines.sort(IN_TIME);
            state.set(loaded.state());
            bump();
        }
    }

    private void changed(ChangeBatch batch) {
        Long id = openId;
        if (id == null) {
            return;
        }
        ConversationRow row = conversation.get();
        if (batch.resynced() || loader.busy() || row == null) {
            if (batch.resynced() || loader.busy() || batch.touches(id)) {
                load(id);
            }
            return;
        }
        long contactId = row.contactId();
        List<ConsentRecordView> written = batch.consents(id, contactId);
        if (!written.isEmpty()) {
            for (ConsentRecordView r : written) {
                lines.removeIf(old -> old.id() == r.id());
                lines.add(r);
            }
            lines.sort(IN_TIME);
            bump();
        }
        if (batch.consentRecorded(contactId)) {
            stateLoader.ask(() -> session.client().directory().consent(contactId));
        }
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    private record Loaded(long id, List<ConsentRecordView> records, ConsentState state) {
    }
}
