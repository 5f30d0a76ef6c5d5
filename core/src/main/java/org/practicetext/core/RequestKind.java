// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Optional;

/**
 * What a request the practice texts asks of the patient (ADR 0024): each is a message with a
 * tracked link, a permission that allows it and a practice feature that turns it on.
 */
public enum RequestKind implements WireWord {
    /** Pay an amount (Stripe, or the simulated provider). */
    PAYMENT("payment", Permission.TOOLS_PAYMENTS, "Payment request"),
    /** Write a review at the inbox's review link. */
    REVIEW("review", Permission.TOOLS_REVIEWS, "Review request"),
    /** Fill in one or more of the practice's forms. */
    FORMS("forms", Permission.TOOLS_FORMS, "Forms"),
    /** Read a treatment plan (a PDF) and accept or decline it. */
    TREATMENT_PLAN("treatment_plan", Permission.TOOLS_TREATMENT, "Treatment plan");

    private final String wire;
    private final Permission permission;
    private final String label;

    RequestKind(String wire, Permission permission, String label) {
        this.wire = wire;
        this.permission = permission;
        this.label = label;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The permission a team member needs to send, cancel or resend one. */
    public Permission permission() {
        return permission;
    }

    /** How staff see it named: "Payment request". */
    public String label() {
        return label;
    }

    /** The outcomes a request of this kind can reach by the patient's act (besides expired and cancelled). */
    public boolean reaches(RequestStatus outcome) {
        return switch (outcome) {
            case PAID -> this == PAYMENT;
            case COMPLETED -> this == FORMS || this == REVIEW;
            case ACCEPTED, DECLINED -> this == TREATMENT_PLAN;
            case EXPIRED, CANCELLED -> true;
            case SENT, DELIVERED, OPENED -> true;
        };
    }

    public static Optional<RequestKind> fromWire(String word) {
        return WireWords.find(RequestKind.class, word);
    }
}
