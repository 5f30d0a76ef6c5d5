// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.core.ConversationFilter.Assignment;
import org.practicetext.core.ConversationFilter.ContactType;
import org.practicetext.core.ConversationFilter.Status;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.testing.CacheStatements;
import org.practicetext.desktop.ui.testing.DemoDesk;


class ConversationListViewModelTest {
    DemoDesk desk;
    ConversationListViewModel list;

    @BeforeEach
    void signIn() {
        desk = DemoDesk.as("jordan");
        list = new ConversationListViewModel(desk.session);
        desk.await("first load", () -> list.loadedProperty().get());
    }

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    private List<String> names() {
        return list.conversations().stream().map(ConversationRow::displayName).toList();
    }

    @Test
    void allOpenIsTheDefaultAndHidesClosedConversations() {
        assertThat(names()).contains("Anna Smith", "Marcus Johnson").doesNotContain("Priya Patel");
    }

    @Test
    void allOpenListsNewestActivityFirst() {
        List<ConversationRow> rows = list.conversations();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).lastMessageAt()).isAfterOrEqualTo(rows.get(i).lastMessageAt());
        }
    }

    @Test
    void allClosedShowsOnlyClosedConversations() {
        list.statusProperty().set(Status.CLOSED);
        assertThat(names()).contains("Priya Patel").doesNotContain("Anna Smith");
        assertThat(list.conversations()).allMatch(r -> !r.isOpen());
    }

    @Test
    void allMessagesShowsOpenAndClosed() {
        list.statusProperty().set(Status.ALL);
        assertThat(names()).contains("Priya Patel", "Anna Smith");
    }

    @Test
    void openAndUnreadShowsOnlyUnreadConversations() {
        list.statusProperty().set(Status.OPEN_UNREAD);
        assertThat(list.conversations()).isNotEmpty().allMatch(r -> r.unreadCount() > 0 && r.isOpen());
        assertThat(names()).doesNotContain("Tom Wilson");
    }

    @Test
    void leadsShowsOnlyLeads() {
        list.contactTypeProperty().set(ContactType.LEADS);
        assertThat(list.conversations()).isNotEmpty().allMatch(r -> "lead".equals(r.kind()));
    }

    @Test
    void patientsShowsOnlyPatients() {
        list.contactTypeProperty().set(ContactType.PATIENTS);
        assertThat(list.conversations()).isNotEmpty().allMatch(r -> "patient".equals(r.kind()));
    }

    @Test
    void assignedToMeShowsWhatIsAssignedToTheSignedInUser() {
        list.assignmentProperty().set(Assignment.MINE);
        assertThat(names()).containsExactly("Marcus Johnson");
    }

    @Test
    void unassignedHidesAssignedConversations() {
        list.assignmentProperty().set(Assignment.UNASSIGNED);
        assertThat(names()).contains("Anna Smith").doesNotContain("Marcus Johnson");
    }

    @Test
    void inboxFilterShowsOneInbox() {
        desk.await("inboxes", () -> !list.inboxes().isEmpty());
        list.inboxProperty().set(list.inboxes().stream().filter(i -> i.name().equals("Billing")).findFirst().orElseThrow());
        assertThat(names()).containsExactly("Emily Davis");
    }

    @Test
    void filtersCombine() {
        list.contactTypeProperty().set(ContactType.LEADS);
        list.assignmentProperty().set(Assignment.MINE);
        assertThat(list.conversations()).isEmpty();
        assertThat(list.emptyTextProperty().get()).isEqualTo("No conversations — adjust filters or include closed messages.");
    }

    @Test
    void searchFindsByNameAndByPhoneDigits() {
        list.searchProperty().set("anna");
        assertThat(names()).containsExactly("Anna Smith");
        list.searchProperty().set("234-5678");
        assertThat(names()).containsExactly("Marcus Johnson");
    }

    @Test
    void messageTextHitsAreKeptApartFromNameMatches() {
        list.searchProperty().set("insurance");
        assertThat(list.conversations()).isEmpty();
        assertThat(list.messageHits()).extracting(h -> h.contactDisplay()).containsExactly("Anna Smith");
    }

    @Test
    void aKeystrokeInTheSearchCostsOneListQuery() throws Exception {
        try (CacheStatements statements = CacheStatements.of(desk.desktopData())) {
            statements.reset();
            for (String typed : List.of("a", "an", "ann", "anna")) {
                list.searchProperty().set(typed);
            }
            assertThat(names()).containsExactly("Anna Smith");
            Map<String, Integer> ran = statements.since();
            int listReads = ran.entrySet().stream()
                    .filter(e -> e.getKey().contains("FROM conversation c") || e.getKey().contains("conversation_id IS NOT NULL GROUP BY"))
                    .mapToInt(Map.Entry::getValue).sum();
            assertThat(listReads).as("list statements for four keystrokes: %s", ran).isEqualTo(4);
        }
    }

    @Test
    void emptySearchSaysWhatToTry() {
        list.searchProperty().set("zzzz");
        assertThat(list.emptyTextProperty().get()).contains("No conversations match “zzzz”").contains("include closed messages");
    }

    @Test
    void selectionSurvivesARefreshById() {
        long marcus = list.conversations().stream().filter(r -> r.displayName().equals("Marcus Johnson")).findFirst().orElseThrow().id();
        list.select(marcus);
        ConversationRow before = list.selectedProperty().get();
        list.refresh();
        assertThat(list.selectedProperty().get()).isNotNull();
        assertThat(list.selectedProperty().get().id()).isEqualTo(marcus);
        assertThat(list.selectedIdProperty().get()).isEqualTo(marcus);
        assertThat(before.id()).isEqualTo(marcus);
    }

    @Test
    void selectionIsKeptWhileAFilterHidesTheRowAndComesBackWithIt() {
        long anna = list.conversations().stream().filter(r -> r.displayName().equals("Anna Smith")).findFirst().orElseThrow().id();
        list.select(anna);
        list.contactTypeProperty().set(ContactType.LEADS);
        assertThat(list.selectedProperty().get()).isNull();
        assertThat(list.selectedIdProperty().get()).isEqualTo(anna);
        list.contactTypeProperty().set(ContactType.ALL);
        assertThat(list.selectedProperty().get().id()).isEqualTo(anna);
    }

    @Test
    void altDownAndAltUpMoveThroughTheList() {
        list.selectNext();
        assertThat(list.selectedIdProperty().get()).isEqualTo(list.conversations().get(0).id());
        list.selectNext();
        assertThat(list.selectedIdProperty().get()).isEqualTo(list.conversations().get(1).id());
        list.selectPrevious();
        assertThat(list.selectedIdProperty().get()).isEqualTo(list.conversations().get(0).id());
        list.selectPrevious();
        assertThat(list.selectedIdProperty().get()).isEqualTo(list.conversations().get(0).id());
    }

    @Test
    void closeMovesAConversationOutOfAllOpenAndReopenBringsItBack() {
        ConversationRow anna = list.conversations().stream().filter(r -> r.displayName().equals("Anna Smith")).findFirst().orElseThrow();
        list.close(anna);
        desk.await("Anna closed", () -> !names().contains("Anna Smith"));
        list.statusProperty().set(Status.CLOSED);
        ConversationRow closed = list.conversations().stream().filter(r -> r.id() == anna.id()).findFirst().orElseThrow();
        list.reopen(closed);
        desk.await("Anna reopened", () -> !names().contains("Anna Smith"));
        list.statusProperty().set(Status.ALL_OPEN);
        assertThat(names()).contains("Anna Smith");
    }

    @Test
    void markAsUnreadMakesTheConversationUnreadAgain() {
        ConversationRow tom = list.conversations().stream().filter(r -> r.displayName().equals("Tom Wilson")).findFirst().orElseThrow();
        assertThat(tom.unreadCount()).isZero();
        list.markUnread(tom);
        desk.await("Tom unread", () -> list.conversations().stream().anyMatch(r -> r.id() == tom.id() && r.unreadCount() > 0));
    }

    @Test
    void scrollingToTheEndLoadsTheNextPageUntilEveryConversationIsReachable() throws Exception {
        list.statusProperty().set(Status.ALL);
        List<Long> all = list.conversations().stream().map(ConversationRow::id).toList();
        assertThat(all).hasSizeGreaterThan(6);
        ConversationListViewModel paged = new ConversationListViewModel(desk.session, 3);
        paged.statusProperty().set(Status.ALL);
        desk.await("first page", () -> paged.conversations().size() == 3);
        assertThat(paged.truncatedProperty().get()).isTrue();
        try (CacheStatements statements = CacheStatements.of(desk.desktopData())) {
            statements.reset();
            paged.loadMore();
            desk.await("second page", () -> paged.conversations().size() == 6);
            int listReads = statements.since().entrySet().stream().filter(e -> e.getKey().contains("FROM conversation c"))
                    .mapToInt(Map.Entry::getValue).sum();
            assertThat(listReads).as("one keyset statement for a page").isEqualTo(1);
        }
        while (paged.truncatedProperty().get()) {
            int before = paged.conversations().size();
            paged.loadMore();
            desk.await("next page", () -> paged.conversations().size() > before);
        }
        assertThat(paged.conversations()).extracting(ConversationRow::id).containsExactlyElementsOf(all);
    }

    @Test
    void aFilterChangeStartsAgainAtTheFirstPage() {
        ConversationListViewModel paged = new ConversationListViewModel(desk.session, 3);
        paged.statusProperty().set(Status.ALL);
        desk.await("first page", () -> paged.conversations().size() == 3);
        paged.loadMore();
        desk.await("second page", () -> paged.conversations().size() == 6);
        paged.contactTypeProperty().set(ContactType.PATIENTS);
        desk.await("patients, one page", () -> paged.conversations().size() == 3
                && paged.conversations().stream().allMatch(r -> "patient".equals(r.kind())));
    }

    @Test
    void theSelectionIsMarkedHiddenWhileTheFiltersDoNotListIt() {
        long anna = list.conversations().stream().filter(r -> r.displayName().equals("Anna Smith")).findFirst().orElseThrow().id();
        list.select(anna);
        assertThat(list.selectedHiddenProperty().get()).isFalse();
        list.searchProperty().set("777");
        assertThat(list.selectedIdProperty().get()).isEqualTo(anna);
        assertThat(list.selectedHiddenProperty().get()).isTrue();
        list.showInList(desk.client.conversations().conversation(anna).orElseThrow());
        assertThat(list.selectedHiddenProperty().get()).isFalse();
        assertThat(list.selectedProperty().get().id()).isEqualTo(anna);
    }

    @Test
    void markingTheSelectedConversationUnreadLeavesIt() {
        ConversationRow marcus = list.conversations().stream().filter(r -> r.displayName().equals("Marcus Johnson")).findFirst().orElseThrow();
        list.select(marcus.id());
        list.markUnread(marcus);
        assertThat(list.selectedIdProperty().get()).isNull();
    }
}
