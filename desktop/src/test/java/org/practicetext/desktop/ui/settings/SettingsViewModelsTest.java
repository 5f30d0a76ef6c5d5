// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.testing.DemoDesk;

class SettingsViewModelsTest {
    DemoDesk desk;

    @BeforeEach
    void signIn() {
        desk = DemoDesk.as("alex");
    }

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    @Test
    void optedOutPatientsAreListedAndSearchable() {
        OptedOutViewModel optedOut = new OptedOutViewModel(desk.session);
        assertThat(optedOut.contacts()).extracting(ContactRow::displayName).containsExactly("Robert Chen");
        assertThat(optedOut.contacts().getFirst().optedOutAt()).isNotNull();
        optedOut.searchProperty().set("anna");
        assertThat(optedOut.contacts()).isEmpty();
        optedOut.searchProperty().set("chen");
        assertThat(optedOut.contacts()).hasSize(1);
    }

    @Test
    void blockedContactsCanBeUnblocked() {
        BlockedContactsViewModel blocked = new BlockedContactsViewModel(desk.session);
        assertThat(blocked.contacts()).hasSize(1).allMatch(ContactRow::blocked).allMatch(c -> "lead".equals(c.kind()));
        blocked.unblock(blocked.contacts().getFirst());
        desk.await("unblocked", () -> blocked.contacts().isEmpty());
    }

    @Test
    void inboxesCanBeCreatedRenamedAndDeletedWithAPlaceForTheirConversations() {
        InboxesViewModel inboxes = new InboxesViewModel(desk.session);
        inboxes.create("Hygiene");
        desk.await("created", () -> inboxes.inboxes().stream().anyMatch(i -> i.name().equals("Hygiene")));
        Directory.Inbox hygiene = inboxes.inboxes().stream().filter(i -> i.name().equals("Hygiene")).findFirst().orElseThrow();
        inboxes.rename(hygiene, "Hygiene Team");
        desk.await("renamed", () -> inboxes.inboxes().stream().anyMatch(i -> i.name().equals("Hygiene Team")));
        Directory.Inbox frontDesk = inboxes.inboxes().stream().filter(i -> i.name().equals("Front Desk")).findFirst().orElseThrow();
        inboxes.delete(inboxes.inboxes().stream().filter(i -> i.name().equals("Hygiene Team")).findFirst().orElseThrow(), frontDesk);
        desk.await("deleted", () -> inboxes.inboxes().stream().noneMatch(i -> i.name().startsWith("Hygiene")));
        assertThat(inboxes.messageProperty().get()).contains("Front Desk");
    }

    @Test
    void anInboxNeedsAName() {
        InboxesViewModel inboxes = new InboxesViewModel(desk.session);
        inboxes.create("  ");
        assertThat(inboxes.messageProperty().get()).isEqualTo("Give the inbox a name.");
    }

    @Test
    void deletingAnInboxNeedsAnotherInboxForItsConversations() {
        InboxesViewModel inboxes = new InboxesViewModel(desk.session);
        Directory.Inbox billing = inboxes.inboxes().stream().filter(i -> i.name().equals("Billing")).findFirst().orElseThrow();
        inboxes.delete(billing, null);
        assertThat(inboxes.messageProperty().get()).startsWith("Choose another inbox");
    }
}
