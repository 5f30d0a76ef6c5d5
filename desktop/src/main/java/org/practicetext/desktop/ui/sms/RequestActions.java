// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.practicetext.core.RequestKind;
import org.practicetext.desktop.ui.common.Confirmation;
import org.practicetext.protocol.RequestView;

/**
 * The actions on a request as the chip's menu and the Requests view offer them: those that end a
 * link or text the patient ask first (cancel, a new link, mark paid, each naming what happens);
 * marking forms completed acts at once.
 */
final class RequestActions {
    private final ThreadRequests model;
    private final Runnable viewAll;

    RequestActions(ThreadRequests model, Runnable viewAll) {
        this.model = model;
        this.viewAll = viewAll;
    }

    /** One menu item per action this user may take on {@code r} now. */
    java.util.List<MenuItem> items(RequestView r, boolean withViewAll, java.util.function.Supplier<Window> owner) {
        return model.commands(r, withViewAll).stream().map(command -> {
            MenuItem item = new MenuItem(command.label());
            item.setId("request-" + command.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> perform(command, r, owner.get()));
            return item;
        }).toList();
    }

    void perform(RequestChipText.Command command, RequestView r, Window owner) {
        String what = what(r);
        switch (command) {
            case CANCEL -> RequestNoteDialog.ask(owner, "Cancel " + what + "?",
                    "The link stops working at once. The request stays in this conversation as cancelled; nothing is deleted.",
                    "Why (optional, only your team sees it)", "Cancel request").ifPresent(note -> model.cancel(r, note));
            case RESEND -> {
                if (Confirmation.ask(owner, "Send a new link?", "A new text with a new link goes to the patient now. The old link stops working.",
                        "Send new link")) {
                    model.resend(r);
                }
            }
            case MARK_PAID -> RequestNoteDialog.ask(owner, "Mark as paid outside PracticeText?",
                    "For a payment made at the desk, by phone or by cheque. The link stops working, and the request shows as paid.",
                    "How it was paid (optional)", "Mark as paid").ifPresent(note -> model.markPaid(r, note));
            case MARK_COMPLETED -> model.markCompleted(r);
            case VIEW_ALL -> viewAll.run();
        }
    }

    private static String what(RequestView r) {
        return r.kind() == RequestKind.FORMS ? "this forms request" : "this " + r.kind().label().toLowerCase(java.util.Locale.ROOT);
    }
}
