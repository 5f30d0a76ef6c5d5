// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.testing.DemoDesk;

class NewMessageViewModelTest {
    DemoDesk desk;
    ComposerViewModel composer;
    NewMessageViewModel newMessage;
    final AtomicReference<Long> opened = new AtomicReference<>();

    @BeforeEach
    void signIn() {
        desk = DemoDesk.as("jordan");
        composer = new ComposerViewModel(desk.session);
        newMessage = new NewMessageViewModel(desk.session, composer);
        newMessage.setOpenConversation(opened::set);
        newMessage.start();
    }

    @AfterEach
    void close() throws Exception {
        desk.close();
    }

    @Test
    void searchingANameListsMatchingPatients() {
        newMessage.queryProperty().set("Anna");
        assertThat(newMessage.matches()).extracting(ContactRow::displayName).contains("Anna Smith");
        assertThat(newMessage.phoneErrorProperty().get()).isEmpty();
    }

    @Test
    void aHalfTypedNumberIsNoErrorWhileThePersonIsStillSearching() {
        for (String typed : new String[] {"5", "55", "555", "(555) 0", "(555) 01", "(555) 012"}) {
            newMessage.queryProperty().set(typed);
            assertThat(newMessage.phoneErrorProperty().get()).as("after typing %s", typed).isEmpty();
            assertThat(newMessage.typedNumberProperty().get()).isNull();
        }
    }

    @Test
    void choosingToTextAHalfTypedNumberSaysWhyItCannotBeTexted() {
        newMessage.queryProperty().set("(555) 01");
        newMessage.chooseTypedNumber();
        assertThat(newMessage.phoneErrorProperty().get()).isEqualTo("The number is too short for United States.");
        assertThat(opened.get()).isNull();
        assertThat(newMessage.recipientProperty().get()).isEmpty();

        newMessage.queryProperty().set("(555) 012");
        assertThat(newMessage.phoneErrorProperty().get()).as("typing again is searching again").isEmpty();
    }

    @Test
    void choosingANameThatMatchesNoOneIsNoPhoneError() {
        newMessage.queryProperty().set("Zzyzx");
        newMessage.chooseTypedNumber();
        assertThat(newMessage.phoneErrorProperty().get()).isEmpty();
    }

    @Test
    void aCompleteNumberIsAcceptedInE164() {
        newMessage.queryProperty().set("(555) 210-7788");
        assertThat(newMessage.phoneErrorProperty().get()).isEmpty();
        assertThat(newMessage.typedNumberProperty().get()).isEqualTo("+15552107788");
    }

    @Test
    void pickingAPatientWithAConversationOpensIt() {
        newMessage.queryProperty().set("Marcus");
        ContactRow marcus = newMessage.matches().getFirst();
        newMessage.choose(marcus);
        assertThat(opened.get()).isEqualTo(marcus.conversationId());
    }

    @Test
    void typingTheNumberOfAnExistingConversationOpensIt() {
        newMessage.queryProperty().set("555-123-4567");
        newMessage.chooseTypedNumber();
        assertThat(opened.get()).isNotNull();
        assertThat(desk.client.conversations().conversation(opened.get()).orElseThrow().displayName()).isEqualTo("Anna Smith");
    }

    @Test
    void aNewNumberGetsTheComposer() {
        newMessage.queryProperty().set("(555) 210-7788");
        newMessage.chooseTypedNumber();
        assertThat(opened.get()).isNull();
        assertThat(newMessage.recipientProperty().get()).isEqualTo("(555) 210-7788");
        composer.textProperty().set("Hi, this is Bright Smile Dental returning your call.");
        assertThat(composer.canSendProperty().get()).isTrue();
    }
}
