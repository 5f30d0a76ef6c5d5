// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.practicetext.core.Money;
import org.practicetext.core.Permission;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.desktop.ui.common.Icons;
import org.practicetext.desktop.ui.common.MessageTimes;
import org.practicetext.protocol.RequestView;

/**
 * What a request's chip and the thread's outcome line say (ADR 0024), in a receptionist's words:
 * "Payment request · $120.00", "Opened Dec 3, 3:12 PM", "Expired Dec 30", "Link works until Dec 30",
 * "Maria accepted the treatment plan — Dec 3, 3:12 PM"; its tone, and which actions it offers.
 */
public final class RequestChipText {
    /** Who ends a request without being staff: the relay names the patient for their own act (a payment, an answer). */
    private static final Set<String> NOT_STAFF = Set.of("Patient");

    private RequestChipText() {
    }

    /** The chip's colour: waiting (accent), done (success), expired (warning, so it is seen), declined (danger), cancelled (neutral). */
    public enum Tone {
        ACCENT("pt-chip-accent"), SUCCESS("pt-chip-success"), WARNING("pt-chip-warning"), DANGER("pt-chip-danger"), NEUTRAL("pt-chip-neutral");

        private final String styleClass;

        Tone(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }

        static List<String> styleClasses() {
            return java.util.Arrays.stream(values()).map(Tone::styleClass).toList();
        }
    }

    /** What staff may do to a request, as the chip's menu and the Requests view name it. */
    public enum Command {
        CANCEL("Cancel request…"), RESEND("Send a new link"), MARK_PAID("Mark as paid outside PracticeText…"), MARK_COMPLETED("Mark completed"),
        VIEW_ALL("View requests…");

        private final String label;

        Command(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "Payment request · $120.00", "Treatment plan · $1,240.00", "Forms · New patient form +1", "Review request". */
    public static String title(RequestView r) {
        String title = r.kind().label();
        if (r.amountCents() != null) {
            return title + " · " + Money.format(r.amountCents(), r.currency());
        }
        if (r.kind() == RequestKind.FORMS && !r.forms().isEmpty()) {
            return title + " · " + r.forms().getFirst().name() + (r.forms().size() > 1 ? " +" + (r.forms().size() - 1) : "");
        }
        return title;
    }

    /** Where it stands, with the time of that step. */
    public static String status(RequestView r, MessageTimes times) {
        return switch (r.status()) {
            case SENT -> "Sent";
            case DELIVERED -> "Delivered";
            case OPENED -> "Opened" + at(r.openedAt(), times);
            case EXPIRED -> r.expiresAt() == null ? "Expired" : "Expired " + times.date(r.expiresAt());
            case PAID -> paidOutside(r) ? "Paid outside PracticeText" : "Paid" + at(r.finishedAt(), times);
            case ACCEPTED -> "Accepted" + at(r.finishedAt(), times);
            case DECLINED -> "Declined" + at(r.finishedAt(), times);
            case COMPLETED -> "Completed" + at(r.finishedAt(), times);
            case CANCELLED -> r.replacedById() != null ? "Replaced by a new link" : "Cancelled";
        };
    }

    /** "Link works until Dec 30" while the patient can still use it; empty after. */
    public static String validity(RequestView r, MessageTimes times) {
        return r.status().open() && r.expiresAt() != null ? "Link works until " + times.date(r.expiresAt()) : "";
    }

    public static Tone tone(RequestStatus status) {
        return switch (status) {
            case SENT, DELIVERED, OPENED -> Tone.ACCENT;
            case PAID, ACCEPTED, COMPLETED -> Tone.SUCCESS;
            case EXPIRED -> Tone.WARNING;
            case DECLINED -> Tone.DANGER;
            case CANCELLED -> Tone.NEUTRAL;
        };
    }

    public static Icons icon(RequestKind kind) {
        return switch (kind) {
            case PAYMENT -> Icons.PAYMENT;
            case REVIEW -> Icons.STAR;
            case FORMS -> Icons.FORMS;
            case TREATMENT_PLAN -> Icons.TREATMENT;
        };
    }

    /** Whether this outcome gets a line of its own in the thread, at its time (paid, accepted, declined, completed). */
    public static boolean hasOutcomeLine(RequestView r) {
        return r.finishedAt() != null && r.status().finished() && r.status() != RequestStatus.CANCELLED;
    }

    /** The thread's line for an outcome: "Maria accepted the treatment plan — Dec 3, 3:12 PM"; {@code patient} is the first name or null. */
    public static String outcome(RequestView r, String patient, MessageTimes times) {
        String who = patient == null || patient.isBlank() ? "The patient" : patient;
        String amount = r.amountCents() == null ? "" : " of " + Money.format(r.amountCents(), r.currency());
        String what = switch (r.status()) {
            case PAID -> paidOutside(r) ? "Payment" + amount + " marked as paid outside PracticeText by " + r.finishedBy()
                    : "Payment" + amount + " received";
            case ACCEPTED -> who + " accepted the treatment plan";
            case DECLINED -> who + " declined the treatment plan";
            case COMPLETED -> byStaff(r) ? r.kind().label() + " marked completed by " + r.finishedBy()
                    : r.kind() == RequestKind.REVIEW ? who + " followed the review link" : who + " completed the forms";
            default -> r.kind().label() + " " + status(r, times).toLowerCase(java.util.Locale.ROOT);
        };
        return what + " — " + times.bubbleForm(r.finishedAt());
    }

    /**
     * The actions this user may take now: each needs the kind's tool permission; cancel and a new
     * link while the request is open or expired, mark paid for an open or expired payment, mark
     * completed for an open forms request. {@code withViewAll} adds "View requests…" (the chip's menu).
     */
    public static List<Command> commands(RequestView r, Predicate<Permission> can, boolean withViewAll) {
        boolean allowed = can.test(r.kind().permission());
        boolean live = r.status().open() || r.status() == RequestStatus.EXPIRED;
        List<Command> commands = new java.util.ArrayList<>();
        if (allowed && live) {
            commands.add(Command.CANCEL);
            commands.add(Command.RESEND);
        }
        if (allowed && live && r.kind() == RequestKind.PAYMENT) {
            commands.add(Command.MARK_PAID);
        }
        if (allowed && r.status().open() && r.kind() == RequestKind.FORMS) {
            commands.add(Command.MARK_COMPLETED);
        }
        if (withViewAll) {
            commands.add(Command.VIEW_ALL);
        }
        return List.copyOf(commands);
    }

    /** A payment marked by a team member (the relay names who ended a request; the patient's own payment is the provider's). */
    static boolean paidOutside(RequestView r) {
        return r.status() == RequestStatus.PAID && byStaff(r);
    }

    private static boolean byStaff(RequestView r) {
        return r.finishedBy() != null && !NOT_STAFF.contains(r.finishedBy());
    }

    private static String at(java.time.Instant time, MessageTimes times) {
        return time == null ? "" : " " + times.bubbleForm(time);
    }
}
