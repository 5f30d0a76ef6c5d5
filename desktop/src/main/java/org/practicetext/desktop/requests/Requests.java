// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.requests;

import java.util.List;
import java.util.Optional;
import org.practicetext.desktop.RelayException;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.RequestView;

/**
 * The practice's requests (payments, reviews, forms, treatment plans; ADR 0024) and its
 * communication settings, as the desk sees them. Reads come from the local cache (the feed keeps
 * it current); actions go to the relay directly, fail with its message, and write its answer to
 * the cache at once. All methods may block on disk or network I/O: call them off the FX thread.
 */
public interface Requests {
    /** A desk whose relay has no requests (older than ADR 0024): no settings, no requests, no tools. */
    Requests NONE = new Requests() {
        @Override
        public Optional<PracticeSettingsView> settings() {
            return Optional.empty();
        }

        @Override
        public PracticeSettingsView updateSettings(PracticeSettingsUpdate update) throws RelayException {
            throw new RelayException(404, "not_found", "This relay has no communication settings; update it to a newer version.");
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
            return Optional.empty();
        }

        @Override
        public RequestView cancel(long requestId, String note) throws RelayException {
            throw new RelayException(404, "not_found", "This relay has no requests; update it to a newer version.");
        }

        @Override
        public RequestView resend(long requestId) throws RelayException {
            throw new RelayException(404, "not_found", "This relay has no requests; update it to a newer version.");
        }

        @Override
        public RequestView markPaid(long requestId, String note) throws RelayException {
            throw new RelayException(404, "not_found", "This relay has no requests; update it to a newer version.");
        }

        @Override
        public RequestView markCompleted(long requestId) throws RelayException {
            throw new RelayException(404, "not_found", "This relay has no requests; update it to a newer version.");
        }
    };

    /** The practice's settings as last synced; empty before the first sync (tools stay hidden until then). */
    Optional<PracticeSettingsView> settings();

    /** Admins only (settings.manage): the relay's answer, already in the cache. */
    PracticeSettingsView updateSettings(PracticeSettingsUpdate update) throws RelayException;

    /** One conversation's requests, newest first. */
    List<RequestView> forConversation(long conversationId);

    /** The request a message carries, if any (for the chip on its bubble). */
    Optional<RequestView> forMessage(long messageId);

    /** Every request still waiting for the patient (sent, delivered, opened), in conversations this user may see; oldest first. */
    List<RequestView> open();

    /** The newest review request sent to a contact (for the "sent recently" warning). */
    Optional<RequestView> lastReview(long contactId);

    RequestView cancel(long requestId, String note) throws RelayException;

    /** A new link in a new message; the old request is cancelled and names the new one, which is returned. */
    RequestView resend(long requestId) throws RelayException;

    RequestView markPaid(long requestId, String note) throws RelayException;

    RequestView markCompleted(long requestId) throws RelayException;
}
