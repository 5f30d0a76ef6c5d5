// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;

/**
 * The search box: names by any word's prefix or a fragment from inside a word (any case, any
 * accents; word-start matches first), phones by digits in any format, message text apart.
 */
class SearchTest {
    @TempDir
    static Path temp;
    static CacheDatabase db;
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @BeforeAll
    static void fill() {
        db = CacheDatabase.open(temp.resolve("cache"));
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").user(1, "me", "Me");
        thread(feed, 1, "+15551234567", "patient", "Anna Smith", "Your appointment is confirmed for Tuesday at 3pm", 1);
        thread(feed, 2, "+13125550102", "patient", "José Núñez", "Can we reschedule? Something came up", 2);
        thread(feed, 3, "+13125550103", "patient", "Anne-Marie O'Brien", "Thanks! See you at the Café", 3);
        thread(feed, 4, "+13125550104", "lead", null, "Do you take new patients? My friend Anna recommended you", 4);
        thread(feed, 5, "+447946095800", "patient", "ZOË MÜLLER", "Appointment reminder: Tuesday", 5);
        thread(feed, 6, "+13125550106", "patient", "Joanne Hill", "Thank you", 6);
        thread(feed, 7, "+13125550107", "patient", "Marcus Johnson", "See you soon", 7);
        FeedApplier applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Me"));
        feed.pages(100).forEach(page -> applier.apply(page, Instant.now()));
    }

    static void thread(FeedBuilder feed, long id, String phone, String kind, String name, String text, int minutes) {
        Instant at = T0.plusSeconds(60L * minutes);
        feed.contact(id, phone, kind, name, false, false)
                .conversation(id, id, phone, "open", 1, null, 1, at, text)
                .message(id * 10, id, "in", text, "received", at);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    List<String> names(String search) {
        return new ConversationQueries(db).list(ConversationFilter.defaults().withSearch(search), 1L, 50).stream()
                .map(ConversationRow::displayName).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"smi", "SMITH", "Smi", "anna smi", "smith anna", " anna  "})
    void aNameIsFoundByThePrefixOfAnyOfItsWordsInAnyCase(String search) {
        assertThat(names(search)).containsExactly("Anna Smith");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jose", "José", "JOSE", "nunez", "núñ", "nun"})
    void accentsDoNotMatterEitherWay(String search) {
        assertThat(names(search)).containsExactly("José Núñez");
    }

    @Test
    void wordsInsideHyphenatedNamesAndCapitalisedNamesAreFound() {
        assertThat(names("marie")).containsExactly("Anne-Marie O'Brien");
        assertThat(names("o'bri")).containsExactly("Anne-Marie O'Brien");
        assertThat(names("zoe mul")).containsExactly("ZOË MÜLLER");
        assertThat(names("ann")).as("word starts first, newest first; then inside a word")
                .containsExactly("Anne-Marie O'Brien", "Anna Smith", "Joanne Hill");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ohns", "OHNSON", "hnso", "son", "marcus ohns", "cus john"})
    void aFragmentFromInsideANameWordFindsIt(String search) {
        assertThat(names(search)).containsExactly("Marcus Johnson");
    }

    @Test
    void threeLettersFromInsideAWordAreEnoughAndFewerMatchOnlyWordStarts() {
        assertThat(names("ith")).containsExactly("Anna Smith");
        assertThat(names("mith")).containsExactly("Anna Smith");
        assertThat(names("an")).containsExactly("Anne-Marie O'Brien", "Anna Smith");
        assertThat(names("nn")).isEmpty();
        assertThat(names("anna smx")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4567", "555-12", "(555) 123-4567", "555.123.4567", "+1 555 123 4567", "15551234567", "123 45"})
    void aPhoneIsFoundByItsDigitsTypedInAnyFormat(String search) {
        assertThat(names(search)).containsExactly("Anna Smith");
    }

    @Test
    void aForeignNumberIsFoundAsTheInternationalDigitsAndTheUnnamedLeadByItsNumber() {
        assertThat(names("+44 7946")).containsExactly("ZOË MÜLLER");
        assertThat(names("0104")).containsExactly("(312) 555-0104");
        assertThat(names("5551235")).isEmpty();
    }

    @Test
    void searchCombinesWithTheFilters() {
        List<ConversationRow> leads = new ConversationQueries(db).list(
                ConversationFilter.defaults().withContactType(ConversationFilter.ContactType.LEADS).withSearch("312"), 1L, 50);
        assertThat(leads).extracting(ConversationRow::phone).containsExactly("+13125550104");
    }

    @Test
    void messageTextIsSearchedApartFromNamesNewestFirst() {
        MessageQueries messages = new MessageQueries(db);

        assertThat(messages.search("appoint", 10)).extracting(MessageHit::conversationId).containsExactly(5L, 1L);
        assertThat(messages.search("TUES remind", 10)).extracting(MessageHit::conversationId).containsExactly(5L);
        assertThat(messages.search("cafe", 10)).singleElement().satisfies(hit -> {
            assertThat(hit.contactDisplay()).isEqualTo("Anne-Marie O'Brien");
            assertThat(hit.snippet()).contains("Café");
        });
        assertThat(messages.search("anna", 10)).as("the text, not the name")
                .singleElement().satisfies(hit -> assertThat(hit.contactDisplay()).isEqualTo("(312) 555-0104"));
        assertThat(messages.search("resched", 10)).extracting(MessageHit::snippet).containsExactly("Can we reschedule? Something came up");
        assertThat(messages.search("xylophone", 10)).isEmpty();
        assertThat(messages.search("a", 10)).as("one letter finds nothing").isEmpty();
        assertThat(names("appointment")).as("message text is not a name match").isEmpty();
    }

    @Test
    void theContactPickerUsesTheSameRules() {
        ContactQueries contacts = new ContactQueries(db);
        assertThat(contacts.search("jose", 10)).extracting(ContactRow::name).containsExactly("José Núñez");
        assertThat(contacts.search("555-12", 10)).extracting(ContactRow::name).containsExactly("Anna Smith");
        assertThat(contacts.search("", 10)).extracting(ContactRow::displayName)
                .containsExactly("Anna Smith", "Anne-Marie O'Brien", "Joanne Hill", "José Núñez", "Marcus Johnson", "ZOË MÜLLER", "(312) 555-0104");
        assertThat(contacts.search("ann", 10)).extracting(ContactRow::displayName).as("word starts first, then by name")
                .containsExactly("Anna Smith", "Anne-Marie O'Brien", "Joanne Hill");
        assertThat(contacts.search("ohns", 10)).extracting(ContactRow::displayName).containsExactly("Marcus Johnson");
        assertThat(contacts.search("smith", 10).getFirst().conversationId()).isEqualTo(1L);
    }
}
