// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.practicetext.core.Permission;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.common.Icons;

/**
 * The thread's header: the contact's name and number, the Patient/Lead chip, opted-out or
 * blocked state, who it is assigned to and which inbox, and the three-dot menu: Mark as Unread,
 * Requests… (the conversation's payment, review, forms and treatment-plan requests), Assign to ▸,
 * Unassign, Move to inbox ▸, Block…/Unblock…, Record opt-out…/Undo opt-out…, Close/Reopen. The menu is rebuilt when it opens,
 * so it always lists the current team and inboxes. What the user's role may not do is greyed
 * with the reason in a tooltip ({@link DeniedItem}); the consent actions ask first, with a reason ({@link ConsentReasonDialog}).
 * Under the name line: the contact's consent state and its source ({@link ConsentText#state}).
 */
final class ThreadHeader extends HBox {
    private final ThreadViewModel model;
    private final Avatar avatar = new Avatar(40);
    private final Label name = new Label();
    private final Label phone = new Label();
    private final Label kind = new Label();
    private final Label state = new Label();
    private final Label assignment = new Label();
    /** The contact's consent state with its source (ADR 0025): "Opted out — texted 'STOP' on Nov 27, 3:12 PM". */
    private final Label consent = new Label();
    private final MenuButton menu = new MenuButton(null, Icons.MORE.node(18));
    private final Runnable showRequests;

    ThreadHeader(ThreadViewModel model, Runnable showRequests) {
        this.model = model;
        this.showRequests = showRequests;
        getStyleClass().add("pt-thread-header");
        setId("thread-header");
        name.setId("thread-name");
        name.getStyleClass().add(Styles.TITLE_4);
        phone.setId("thread-phone");
        phone.getStyleClass().add(Styles.TEXT_MUTED);
        kind.setId("thread-kind");
        kind.getStyleClass().addAll("pt-chip", "pt-chip-accent");
        state.setId("thread-state");
        state.getStyleClass().addAll("pt-chip", "pt-chip-danger");
        assignment.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        menu.setId("thread-menu");
        menu.setAccessibleText("Thread actions");
        menu.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON, Tweaks.NO_ARROW);
        menu.setOnShowing(e -> rebuildMenu());
        menu.getItems().add(new MenuItem("…"));
        HBox line = new HBox(8, phone, kind, state, assignment);
        line.setAlignment(Pos.CENTER_LEFT);
        // Narrow, the secondary line gives way first: only the assignment shrinks; the number and chips are never cut.
        phone.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        assignment.setMinWidth(0);
        consent.setId("thread-consent");
        consent.getStyleClass().addAll(Styles.TEXT_SMALL, "pt-consent-state");
        consent.setMinWidth(0);
        VBox text = new VBox(2, name, line, consent);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(avatar, text, gap, menu);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        model.conversationProperty().addListener((o, a, row) -> show(row, model.contactProperty().get()));
        model.contactProperty().addListener((o, a, contact) -> show(model.conversationProperty().get(), contact));
        model.consent().stateProperty().addListener((o, a, b) -> show(model.conversationProperty().get(), model.contactProperty().get()));
        show(null, null);
    }

    private void show(ConversationRow row, ContactRow contact) {
        setVisible(row != null);
        if (row == null) {
            return;
        }
        avatar.show(row.contactName(), row.contactId());
        name.setText(row.displayName());
        // An unnamed lead's name line is already its number: say it once.
        boolean named = row.contactName() != null && !row.contactName().isBlank();
        phone.setText(named ? row.displayPhone() : "");
        phone.setVisible(named);
        phone.setManaged(named);
        kind.setText("lead".equals(row.kind()) ? "Lead" : "Patient");
        boolean blocked = row.blocked() || (contact != null && contact.blocked());
        boolean optedOut = row.optedOut() || (contact != null && contact.optedOut());
        state.setText(blocked ? "Blocked" : optedOut ? "Opted out" : "landline".equals(row.lineType()) ? "Landline" : "");
        state.setVisible(!state.getText().isEmpty());
        state.setManaged(state.isVisible());
        String source = model.consentState().orElse("");
        String ends = model.optOutEndsWithPatient().map(t -> " · " + t).orElse("");
        consent.setText(source.isEmpty() ? "" : source + ends);
        consent.setVisible(!source.isEmpty());
        consent.setManaged(consent.isVisible());
        String who = row.assigneeName() == null ? "Unassigned" : "Assigned to " + row.assigneeName();
        assignment.setText(who + " · " + (row.inboxName() == null ? "" : row.inboxName()) + (row.isOpen() ? "" : " · Closed"));
    }

    private void rebuildMenu() {
        ConversationRow row = model.conversationProperty().get();
        menu.getItems().clear();
        if (row == null) {
            return;
        }
        MenuItem unread = new MenuItem("Mark as Unread");
        unread.setOnAction(e -> model.markUnread());
        MenuItem requests = new MenuItem("Requests…");
        requests.setId("thread-requests");
        requests.setOnAction(e -> showRequests.run());
        menu.getItems().addAll(unread, requests, new SeparatorMenuItem());
        menu.getItems().addAll(assignItems(row));
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(consentItems(row));
        menu.getItems().add(closeItem(row));
    }

    /** Assign to ▸ (only people who can reply), Unassign, Move to inbox ▸; greyed with the reason for a role without sms.assign. */
    private java.util.List<MenuItem> assignItems(ConversationRow row) {
        if (!model.canAssign()) {
            return java.util.List.of(DeniedItem.of("Assign to", Permission.SMS_ASSIGN), DeniedItem.of("Unassign", Permission.SMS_ASSIGN),
                    DeniedItem.of("Move to inbox", Permission.SMS_ASSIGN));
        }
        Menu assign = new Menu("Assign to");
        assign.setId("assign-menu");
        for (Directory.TeamMember member : model.assignees()) {
            MenuItem item = new MenuItem(member.name() + (row.assigneeId() != null && row.assigneeId() == member.id() ? "  ✓" : ""));
            item.setOnAction(e -> model.assign(member));
            assign.getItems().add(item);
        }
        MenuItem unassign = new MenuItem("Unassign");
        unassign.setDisable(row.assigneeId() == null);
        unassign.setOnAction(e -> model.unassign());
        Menu move = new Menu("Move to inbox");
        move.setId("move-menu");
        for (Directory.Inbox inbox : model.inboxes()) {
            MenuItem item = new MenuItem(inbox.name());
            item.setDisable(inbox.id() == row.inboxId());
            item.setOnAction(e -> model.move(inbox));
            move.getItems().add(item);
        }
        return java.util.List.of(assign, unassign, move);
    }

    /**
     * Block…/Unblock… (each asks for an optional reason, kept in the consent record), Record opt-out…
     * (anyone who may text; the patient asked in person) and Undo opt-out… (an opt-out staff recorded,
     * contacts.block, reason required); an opt-out by keyword or by the carrier says that texts resume
     * when the patient texts START.
     */
    private java.util.List<MenuItem> consentItems(ConversationRow row) {
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        items.add(blockItem(row));
        if (!model.optedOut()) {
            items.add(model.canReply() ? action("record-opt-out", "Record opt-out…", () -> ask("Record opt-out for " + model.contactLabel() + "?",
                    model.optOutQuestion(), "Reason (optional), e.g. asked at the front desk", "Record opt-out", false)
                    .ifPresent(model::recordOptOut)) : DeniedItem.of("Record opt-out…", Permission.SMS_SEND));
        } else if (model.canUndoOptOut()) {
            items.add(action("undo-opt-out", "Undo opt-out…", () -> ask("Undo the opt-out of " + model.contactLabel() + "?",
                    "Texts to " + model.contactLabel() + " will be allowed again. Say why: it is kept in the consent record.",
                    "Reason (required), e.g. recorded for the wrong patient", "Undo opt-out", true).ifPresent(model::undoOptOut)));
        } else if (model.optOutEndsWithPatient().isPresent()) {
            MenuItem ends = new MenuItem(model.optOutEndsWithPatient().get());
            ends.setId("opt-out-ends");
            ends.setDisable(true);
            items.add(ends);
        } else if (!model.canBlock()) {
            items.add(DeniedItem.of("Undo opt-out…", Permission.CONTACTS_BLOCK));
        } else {
            // The opt-out is still on its way to the relay (its record has not come back): nothing to undo yet.
            MenuItem waiting = new MenuItem("Undo opt-out… (once the relay has the opt-out)");
            waiting.setDisable(true);
            items.add(waiting);
        }
        return items;
    }

    /** Block… and Unblock… ask first (blocking says what it does), each with an optional reason. */
    private MenuItem blockItem(ConversationRow row) {
        String text = row.blocked() ? "Unblock" : "Block";
        if (!model.canBlock()) {
            return DeniedItem.of(text, Permission.CONTACTS_BLOCK);
        }
        return action(row.blocked() ? "unblock" : "block", text, () -> {
            if (row.blocked()) {
                ask("Unblock " + model.contactLabel() + "?", "Texts to " + model.contactLabel() + " will be allowed again.", "Reason (optional)",
                        "Unblock", false).ifPresent(model::unblock);
            } else {
                ask("Block " + model.contactLabel() + "?", model.blockQuestion(), "Reason (optional), e.g. wrong number", "Block", false)
                        .ifPresent(model::block);
            }
        });
    }

    private static MenuItem action(String id, String text, Runnable run) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> run.run());
        return item;
    }

    private java.util.Optional<String> ask(String title, String body, String prompt, String confirm, boolean required) {
        return ConsentReasonDialog.ask(getScene() == null ? null : getScene().getWindow(), title, body, prompt, confirm, required);
    }

    private MenuItem closeItem(ConversationRow row) {
        String text = row.isOpen() ? "Close Conversation" : "Reopen Conversation";
        if (!model.canReply()) {
            return DeniedItem.of(text, Permission.SMS_SEND);
        }
        MenuItem close = new MenuItem(text);
        close.setOnAction(e -> {
            if (row.isOpen()) {
                model.close();
            } else {
                model.reopen();
            }
        });
        return close;
    }
}
