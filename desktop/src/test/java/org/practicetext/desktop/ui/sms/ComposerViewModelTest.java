// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.testing.DemoDesk;

class ComposerViewModelTest {
    DemoDesk desk;

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    private ComposerViewModel composerAs(String user) {
        desk = DemoDesk.as(user);
        return new ComposerViewModel(desk.session);
    }

    private ConversationRow row(String name) {
        return desk.client.conversations().conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 100).stream()
                .filter(r -> r.displayName().equals(name)).findFirst().orElseThrow();
    }

    private ContactRow contact(ConversationRow row) {
        return desk.client.directory().contactByPhone(row.phone()).orElseThrow();
    }

    @Test
    void counterShowsCharactersAndSegments() {
        ComposerViewModel composer = composerAs("jordan");
        composer.textProperty().set("x".repeat(42));
        assertThat(composer.counterProperty().get()).isEqualTo("42 characters");
        composer.textProperty().set("x".repeat(161));
        assertThat(composer.counterProperty().get()).isEqualTo("161 characters · 2 texts");
    }

    @Test
    void anEmojiSwitchesToUnicodeAndTheWarningNamesIt() {
        ComposerViewModel composer = composerAs("jordan");
        composer.textProperty().set("See you soon 😀");
        assertThat(composer.unicodeWarningProperty().get()).isEqualTo("“😀” switches this text to Unicode: 70 characters per text");
        assertThat(composer.counterProperty().get()).isEqualTo("14 characters");
        composer.textProperty().set("See you soon");
        assertThat(composer.unicodeWarningProperty().get()).isEmpty();
    }

    @Test
    void anInsertedEmojiIsNamedByTheUnicodeWarning() {
        ComposerViewModel composer = composerAs("jordan");
        composer.textProperty().set("See you tomorrow");
        composer.insert("🦷", 8, 8);
        assertThat(composer.textProperty().get()).isEqualTo("See you 🦷tomorrow");
        assertThat(composer.unicodeWarningProperty().get()).isEqualTo("“🦷” switches this text to Unicode: 70 characters per text");
    }

    @Test
    void optedOutContactDisablesTheComposerWithTheDateAndTheWayBack() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow robert = row("Robert Chen");
        composer.showConversation(robert, contact(robert));
        assertThat(composer.disabledReasonProperty().get())
                .startsWith("Robert Chen opted out of text messages on ")
                .endsWith("They must text START to receive messages.");
        composer.textProperty().set("Hello");
        assertThat(composer.stateProperty().get()).isEqualTo(ComposerState.OPTED_OUT);
        assertThat(composer.canSendProperty().get()).isFalse();
        assertThat(composer.enabledProperty().get()).isFalse();
    }

    @Test
    void anOptOutStaffRecordedSaysHowItIsUndoneNotStart() {
        ComposerViewModel composer = composerAs("alex");
        ConversationRow anna = row("Anna Smith");
        desk.client.directory().optOut(anna.contactId(), "asked at the front desk");
        desk.await("the relay's record of the opt-out", () -> desk.client.directory().consent(anna.contactId()).optedOutBy().isPresent());

        composer.showConversation(anna, contact(anna));
        assertThat(composer.disabledReasonProperty().get()).as("before the records are known").endsWith("They must text START to receive messages.");
        composer.consentFrom(desk.client.directory().consent(anna.contactId()));

        assertThat(composer.stateProperty().get()).isEqualTo(ComposerState.OPTED_OUT);
        assertThat(composer.disabledReasonProperty().get()).startsWith("Anna Smith asked not to be texted (recorded on ")
                .endsWith("To text them again, choose Undo opt-out in the thread's menu.");

        ConversationRow robert = row("Robert Chen");
        composer.showConversation(robert, contact(robert));
        assertThat(composer.disabledReasonProperty().get()).as("another contact's records say nothing of Robert's keyword opt-out")
                .startsWith("Robert Chen opted out").endsWith("They must text START to receive messages.");
    }

    @Test
    void blockedContactSaysUnblockToSend() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow spam = desk.client.conversations().conversations(ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL), 100).stream()
                .filter(ConversationRow::blocked).findFirst().orElseThrow();
        composer.showConversation(spam, contact(spam));
        assertThat(composer.disabledReasonProperty().get()).endsWith("is blocked. Unblock to send.");
        assertThat(composer.stateProperty().get()).isEqualTo(ComposerState.BLOCKED);
        assertThat(composer.unblockOfferedProperty().get()).isTrue();
    }

    @Test
    void aViewerCannotSendAndIsToldWhy() {
        ComposerViewModel composer = composerAs("sam");
        ConversationRow anna = row("Anna Smith");
        composer.showConversation(anna, contact(anna));
        assertThat(composer.disabledReasonProperty().get()).contains("can read messages but not send");
        assertThat(composer.stateProperty().get()).isEqualTo(ComposerState.READ_ONLY);
    }

    @Test
    void theStateSaysWhetherItMaySendAndTheTextWhetherThereIsSomethingToSend() {
        ComposerViewModel composer = composerAs("jordan");
        assertThat(composer.stateProperty().get()).isEqualTo(ComposerState.NO_RECIPIENT);
        assertThat(composer.enabledProperty().get()).isFalse();
        ConversationRow anna = row("Anna Smith");
        composer.showConversation(anna, contact(anna));
        assertThat(composer.stateProperty().get()).isEqualTo(ComposerState.READY);
        assertThat(composer.enabledProperty().get()).isTrue();
        assertThat(composer.canSendProperty().get()).isFalse();
        composer.textProperty().set("Hello");
        assertThat(composer.canSendProperty().get()).isTrue();
        composer.clearTarget();
        assertThat(composer.stateProperty().get()).isEqualTo(ComposerState.NO_RECIPIENT);
        assertThat(composer.canSendProperty().get()).isFalse();
    }

    @Test
    void landlinesAreWarnedAbout() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow tom = row("Tom Wilson");
        composer.showConversation(tom, contact(tom));
        assertThat(composer.landlineWarningProperty().get()).contains("landline");
        assertThat(composer.disabledReasonProperty().get()).isEmpty();
    }

    @Test
    void eachThreadKeepsItsOwnDraft() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow anna = row("Anna Smith");
        ConversationRow marcus = row("Marcus Johnson");
        composer.showConversation(anna, contact(anna));
        composer.textProperty().set("Yes, please bring it");
        composer.showConversation(marcus, contact(marcus));
        assertThat(composer.textProperty().get()).isEmpty();
        composer.textProperty().set("See you at 2:15");
        composer.showConversation(anna, contact(anna));
        assertThat(composer.textProperty().get()).isEqualTo("Yes, please bring it");
        composer.showConversation(marcus, contact(marcus));
        assertThat(composer.textProperty().get()).isEqualTo("See you at 2:15");
    }

    @Test
    void sendQueuesTheTextClearsTheDraftAndItShowsInTheThread() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow anna = row("Anna Smith");
        composer.showConversation(anna, contact(anna));
        composer.textProperty().set("  Yes, please bring your new card.  ");
        assertThat(composer.canSendProperty().get()).isTrue();
        composer.send();
        assertThat(composer.textProperty().get()).isEmpty();
        desk.await("sent message in thread", () -> desk.client.messages().messages(anna.id(), null, 50).messages().stream()
                .anyMatch(m -> m.outgoing() && m.body().equals("Yes, please bring your new card.")));
    }

    @Test
    void aDraftSurvivesARestartOfTheApp() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow anna = row("Anna Smith");
        composer.showConversation(anna, contact(anna));
        composer.textProperty().set("Your new crown is ready, ");
        desk.restartClient();
        ComposerViewModel reopened = new ComposerViewModel(desk.session);
        reopened.showConversation(row("Anna Smith"), contact(anna));
        desk.await("the draft restored", () -> reopened.textProperty().get().equals("Your new crown is ready, "));
        reopened.showConversation(row("Marcus Johnson"), contact(row("Marcus Johnson")));
        assertThat(reopened.textProperty().get()).isEmpty();
    }

    @Test
    void sendingClearsTheStoredDraft() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow anna = row("Anna Smith");
        composer.showConversation(anna, contact(anna));
        composer.textProperty().set("See you Tuesday");
        assertThat(desk.client.messages().draft("conversation:" + anna.id())).contains("See you Tuesday");
        composer.send();
        desk.restartClient();
        assertThat(desk.client.messages().draft("conversation:" + anna.id())).isEmpty();
        ComposerViewModel reopened = new ComposerViewModel(desk.session);
        reopened.showConversation(row("Anna Smith"), contact(anna));
        desk.tasks.drain(java.time.Duration.ofMillis(200));
        assertThat(reopened.textProperty().get()).isEmpty();
    }

    @Test
    void aDraftOnDiskIsShownWhenItsThreadOpens() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow anna = row("Anna Smith");
        desk.client.messages().saveDraft("conversation:" + anna.id(), "Old draft");
        composer.showConversation(anna, contact(anna));
        assertThat(composer.textProperty().get()).isEqualTo("Old draft");
    }

    @Test
    void blankTextCannotBeSent() {
        ComposerViewModel composer = composerAs("jordan");
        ConversationRow anna = row("Anna Smith");
        composer.showConversation(anna, contact(anna));
        composer.textProperty().set("   \n ");
        assertThat(composer.canSendProperty().get()).isFalse();
    }
}
