// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.requests.Requests;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestView;

/**
 * The desk's requests from memory, for the tools' view models and dialogs before the live cache is
 * there: settings the test sets, the last review request per contact, and a settings update that
 * the test can make the relay refuse. Every update is kept, in order.
 */
public final class FakeRequests implements Requests {
    public static final String LINK_BASE = "https://relay.example-dental.com/l/";

    public volatile PracticeSettingsView settings = demoSettings();
    public final Map<Long, RequestView> lastReviews = new HashMap<>();
    public final List<PracticeSettingsUpdate> updates = new ArrayList<>();
    /** When set, the next updates fail with it (the relay's refusal). */
    public volatile RelayException refuseUpdates;

    /** Bright Smile Dental's settings: every tool on, simulated payments in USD, a default review link, two forms. */
    public static PracticeSettingsView demoSettings() {
        return new PracticeSettingsView(1, "Bright Smile Dental", PracticeSettingsView.Features.DEFAULT, "USD", "simulated",
                "https://g.page/r/bright-smile/review", List.of(), 182,
                List.of(new PracticeSettingsView.FormView(11, "Medical history", "https://forms.example.com/medical?patient={patientId}&request={requestId}"),
                        new PracticeSettingsView.FormView(12, "Consent for treatment", "https://forms.example.com/consent?patient={patientId}")),
                PracticeSettingsView.LinkDays.DEFAULT, true, LINK_BASE, PracticeSettingsView.Privacy.DEFAULT, Instant.parse("2026-11-01T12:00:00Z"));
    }

    /** The same settings with other values where the test says. */
    public static PracticeSettingsView with(PracticeSettingsView s, PracticeSettingsView.Features features, String payments, String reviewUrl,
                                            List<PracticeSettingsView.ReviewLink> links, List<PracticeSettingsView.FormView> forms) {
        return new PracticeSettingsView(s.id(), s.displayName(), features, s.currency(), payments, reviewUrl, links, s.reviewRepeatDays(), forms,
                s.linkDays(), s.linksAskBirthDate(), s.linkBase(), s.privacy(), s.updatedAt());
    }

    /** A review request sent to this contact at {@code at}. */
    public void reviewSent(long contactId, long conversationId, Instant at) {
        lastReviews.put(contactId, new RequestView(900 + contactId, RequestKind.REVIEW, RequestStatus.DELIVERED, conversationId, contactId, 1L,
                LINK_BASE + "x".repeat(22), at.plusSeconds(30L * 86400), at, null, null, null, null, null, null, null, "USD", List.of(), null, null,
                null, null, at, at));
    }

    @Override
    public Optional<PracticeSettingsView> settings() {
        return Optional.ofNullable(settings);
    }

    @Override
    public synchronized PracticeSettingsView updateSettings(PracticeSettingsUpdate update) throws RelayException {
        updates.add(update);
        if (refuseUpdates != null) {
            throw refuseUpdates;
        }
        PracticeSettingsView s = settings;
        List<PracticeSettingsView.FormView> forms = s.forms();
        if (update.forms() != null) {
            forms = new ArrayList<>();
            long next = 100;
            for (PracticeSettingsUpdate.FormInput f : update.forms()) {
                forms.add(new PracticeSettingsView.FormView(f.id() == null ? next++ : f.id(), f.name(), f.url()));
            }
        }
        settings = new PracticeSettingsView(s.id(), or(update.displayName(), s.displayName()), or(update.features(), s.features()), s.currency(),
                s.payments(), update.reviewUrl() == null ? s.reviewUrl() : update.reviewUrl().isBlank() ? null : update.reviewUrl(),
                or(update.reviewLinks(), s.reviewLinks()), or(update.reviewRepeatDays(), s.reviewRepeatDays()), forms, or(update.linkDays(), s.linkDays()),
                or(update.linksAskBirthDate(), s.linksAskBirthDate()), s.linkBase(), or(update.privacy(), s.privacy()), Instant.parse("2026-11-02T15:00:00Z"));
        return settings;
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    @Override
    public List<RequestView> forConversation(long conversationId) {
        return List.of();
    }

    @Override
    public Optional<RequestView> forMessage(long messageId) {
        return Optional.empty();
    }

    @Override
    public List<RequestView> open() {
        return List.of();
    }

    @Override
    public Optional<RequestView> lastReview(long contactId) {
        return Optional.ofNullable(lastReviews.get(contactId));
    }

    @Override
    public RequestView cancel(long requestId, String note) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RequestView resend(long requestId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RequestView markPaid(long requestId, String note) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RequestView markCompleted(long requestId) {
        throw new UnsupportedOperationException();
    }
}
