// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.time.Instant;
import java.util.List;
import org.practicetext.core.HiddenPreviews;

/**
 * A practice's communication settings (ADR 0024), in the feed as {@code "settings"} and at
 * {@link Endpoints#SETTINGS}; {@code id} is the practice's id, as every feed entity has one. {@code displayName} is how texts and patient
 * pages name the practice. {@code features} turn the composer's tools on. A review request links
 * to its conversation's inbox's {@code reviewLinks} entry, else {@code reviewUrl}; one patient gets
 * at most one every {@code reviewRepeatDays} without a warning. {@code forms} is the form library;
 * {@code linkDays} how long each kind of link lives; {@code linksAskBirthDate} whether a page with
 * a document asks for the patient's date of birth (when the practice knows it). {@code privacy} is
 * the workstation rules of ADR 0026 (the lock, the privacy screen, signing out).
 *
 * <p>Read only, from the relay's configuration: {@code currency} of payments, {@code payments}
 * (the provider, "stripe" or "simulated", or "none" when the relay has none configured: no payment
 * can be sent), and {@code linkBase}, the start of every tracked link (for counting segments).
 */
public record PracticeSettingsView(
        long id,
        String displayName,
        Features features,
        String currency,
        String payments,
        String reviewUrl,
        List<ReviewLink> reviewLinks,
        int reviewRepeatDays,
        List<FormView> forms,
        LinkDays linkDays,
        boolean linksAskBirthDate,
        String linkBase,
        Privacy privacy,
        Instant updatedAt) {
    public PracticeSettingsView {
        reviewLinks = reviewLinks == null ? List.of() : List.copyOf(reviewLinks);
        forms = forms == null ? List.of() : List.copyOf(forms);
        privacy = privacy == null ? Privacy.DEFAULT : privacy;
    }

    /** Which of the composer's tools the practice has turned on. */
    public record Features(boolean attachments, boolean payments, boolean reviews, boolean forms, boolean treatmentPlans) {
        public static final Features DEFAULT = new Features(true, true, true, true, true);
    }

    /** The review link of one inbox (a location). */
    public record ReviewLink(long inboxId, String url) {
    }

    /**
     * A form of the library: {@code url} is the practice's form address, with placeholders
     * {@code {patientId}} (the contact's id in the practice's system) and {@code {requestId}}
     * (so the form system can report it completed).
     */
    public record FormView(long id, String name, String url) {
    }

    /**
     * The practice's rules for its workstations (ADR 0026). {@code lockAfterMinutes}: a desk locks
     * after that long without input (0 = never; at most {@link #LOCK_MINUTES_MAX}).
     * {@code privacyScreen}: the privacy screen is on at every desk and cannot be turned off there
     * (false: each desk chooses). {@code hiddenPreviews}: what the list and notifications show while
     * it is on. {@code removeCopyOnSignOut}: signing out always removes the workstation's copy of the
     * practice's messages (shared workstations); false: the person signing out chooses.
     */
    public record Privacy(int lockAfterMinutes, boolean privacyScreen, HiddenPreviews hiddenPreviews, boolean removeCopyOnSignOut) {
        public static final int LOCK_MINUTES_MAX = 240;
        public static final Privacy DEFAULT = new Privacy(10, false, HiddenPreviews.NAMES, false);

        public Privacy {
            hiddenPreviews = hiddenPreviews == null ? HiddenPreviews.NAMES : hiddenPreviews;
        }
    }

    /** How many days each kind of link works. */
    public record LinkDays(int payment, int review, int forms, int treatmentPlan, int documents) {
        public static final LinkDays DEFAULT = new LinkDays(30, 30, 7, 30, 30);
    }
}
