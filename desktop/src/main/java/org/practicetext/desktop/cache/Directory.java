// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

/** Small reference rows the UI lists: inboxes, team members and templates. */
public final class Directory {
    private Directory() {
    }

    public record Inbox(long id, String name) {
    }

    public record TeamMember(long id, String username, String name, String role, boolean active) {
    }

    public record Template(long id, String name, String body) {
    }
}
