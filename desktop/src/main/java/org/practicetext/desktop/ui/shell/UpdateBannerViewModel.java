// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import java.net.URI;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.common.LinkOpener;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.update.UpdateNotice;
import org.practicetext.protocol.AppVersion;

/**
 * The quiet line above the pages that says "Update available — version 1.4.2" with a Download
 * link, or that this app is too old for its relay. It asks the relay once the window opens (and
 * once more when the first try found the relay unreachable and the connection comes back, and when
 * the sync stops as too old). An update notice can be dismissed for that version until the next
 * start; the too-old words cannot, they are the app's state.
 */
public final class UpdateBannerViewModel {
    private final UiSession session;
    private final LinkOpener links;
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tooOld = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<URI> link = new ReadOnlyObjectWrapper<>();
    /** What a desk that stopped syncing still has. */
    static final String KEPT = "Your conversations stay readable here and unsent messages wait until then.";
    private UpdateNotice shown;
    private AppVersion dismissed;
    private boolean answered;

    public UpdateBannerViewModel(UiSession session, LinkOpener links) {
        this.session = session;
        this.links = links;
        session.events().onConnection(this::connection);
        check();
    }

    private void connection(ConnectionState state) {
        if (state.kind() == ConnectionState.Kind.TOO_OLD && !tooOld.get()) {
            check();
        } else if (state.kind() == ConnectionState.Kind.ONLINE && !answered) {
            check();
        }
    }

    private void check() {
        session.tasks().run(session.client().session()::checkForUpdate, notice -> {
            answered = true;
            show(notice);
        }, failure -> {
            // The relay is not reachable now: the status line says so; asked again when it is.
        });
    }

    private void show(Optional<UpdateNotice> notice) {
        if (notice.isEmpty()) {
            visible.set(false);
            tooOld.set(false);
            return;
        }
        UpdateNotice n = notice.get();
        shown = n;
        tooOld.set(n.tooOld());
        text.set(n.tooOld() ? n.words() + " " + KEPT : n.words());
        link.set(n.download().orElse(null));
        visible.set(n.tooOld() || !n.latest().equals(Optional.ofNullable(dismissed)));
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tooOldProperty() {
        return tooOld.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The download page, or null when the relay named none. */
    public ReadOnlyObjectProperty<URI> linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** Opens the download page in the browser. */
    public void download() {
        if (link.get() != null) {
            links.open(link.get());
        }
    }

    /** Hides an update notice until the next start, or until the relay names a newer version. */
    public void dismiss() {
        if (shown != null && !shown.tooOld()) {
            dismissed = shown.latest().orElse(null);
            visible.set(false);
        }
    }
}
