// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.desktop.cache.FeedRows;
import org.practicetext.desktop.cache.SyncState;
import org.practicetext.protocol.FeedPage;

/**
 * Applies one page of the feed in ONE transaction: the rows, then the cursor (so a crash between
 * pages resumes exactly after the last applied page), then the outbox's waiting changes on top.
 * The last page of a full resync also sweeps whatever the relay no longer has. Answers what
 * changed, said once here for every screen.
 */
public final class FeedApplier {
    private final CacheDatabase db;
    private final Outbox outbox;
    private final FeedRows rows = new FeedRows();

    public FeedApplier(CacheDatabase db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** Applies {@code page}; {@code now} is recorded as the last time the cache matched the relay when the page is the last one. */
    public List<DeskChange> apply(FeedPage page, Instant now) {
        return db.write(sql -> {
            SyncState state = SyncState.read(sql);
            List<DeskChange> changes = new ArrayList<>(rows.apply(sql, page.events(), state.generation()));
            boolean finished = !page.more();
            boolean sweep = state.resyncing() && finished;
            if (sweep) {
                FeedRows.sweep(sql, state.generation());
            }
            SyncState.advance(sql, page.next(), page.feedId(), state.resyncing() && !finished, finished ? now : null);
            outbox.reapply(sql);
            if (sweep) {
                changes.add(new DeskChange.Resynced());
            }
            return changes;
        });
    }
}
