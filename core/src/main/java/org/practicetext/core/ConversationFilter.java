// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

/**
 * The message list's four combinable filters and its search text, as the help article names
 * them. {@code inboxId} null means all inboxes; {@code search} null or blank means no search.
 * {@code openRequests} (issue 14) keeps only conversations with a request still waiting for the
 * patient (sent, delivered or opened), combined with the others.
 */
public record ConversationFilter(Status status, ContactType contactType, Assignment assignment, Long inboxId, String search, boolean openRequests) {

    /** The four filters and the search, without the open-requests filter. */
    public ConversationFilter(Status status, ContactType contactType, Assignment assignment, Long inboxId, String search) {
        this(status, contactType, assignment, inboxId, search, false);
    }

    /** Open status filter. */
    public enum Status {
        ALL_OPEN("All Open"), OPEN_UNREAD("Open & Unread"), ALL("All Messages"), CLOSED("All Closed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Contact type filter. */
    public enum ContactType {
        ALL("All"), PATIENTS("Patients"), LEADS("Leads");

        private final String label;

        ContactType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Assignment filter. */
    public enum Assignment {
        ALL("All Messages"), MINE("Assigned to me"), UNASSIGNED("Unassigned");

        private final String label;

        Assignment(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a receptionist sees first: open conversations of every kind, everyone's, all inboxes. */
    public static ConversationFilter defaults() {
        return new ConversationFilter(Status.ALL_OPEN, ContactType.ALL, Assignment.ALL, null, null);
    }

    public ConversationFilter withStatus(Status s) {
        return new ConversationFilter(s, contactType, assignment, inboxId, search, openRequests);
    }

    public ConversationFilter withContactType(ContactType t) {
        return new ConversationFilter(status, t, assignment, inboxId, search, openRequests);
    }

    public ConversationFilter withAssignment(Assignment a) {
        return new ConversationFilter(status, contactType, a, inboxId, search, openRequests);
    }

    public ConversationFilter withInbox(Long id) {
        return new ConversationFilter(status, contactType, assignment, id, search, openRequests);
    }

    public ConversationFilter withSearch(String text) {
        return new ConversationFilter(status, contactType, assignment, inboxId, text, openRequests);
    }

    public ConversationFilter withOpenRequests(boolean only) {
        return new ConversationFilter(status, contactType, assignment, inboxId, search, only);
    }
}
