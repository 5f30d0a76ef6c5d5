// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicetext.core.PasswordRule;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.relay.demo.DemoPractice;

/** Settings → Account → Change password against the demo relay, as a viewer (everyone may change their own). */
class AccountPasswordViewModelTest {
    private static final String NEW = "blue-heron-at-noon";
    DemoDesk desk;

    @AfterEach
    void close() {
        if (desk != null) {
            desk.close();
        }
    }

    private AccountPasswordViewModel asViewer() {
        desk = DemoDesk.as("sam");
        return new AccountPasswordViewModel(desk.session);
    }

    @Test
    void theRuleIsShownUntilTheNewPasswordKeepsItAndIsTypedTwice() {
        AccountPasswordViewModel model = asViewer();
        model.currentProperty().set(DemoPractice.PASSWORD);
        assertThat(model.flawProperty().get()).isEqualTo(PasswordRule.RULE);

        model.newPasswordProperty().set("sam-is-me-123");
        assertThat(model.flawProperty().get()).contains("username");
        model.newPasswordProperty().set(NEW);
        assertThat(model.flawProperty().get()).contains("not the same");
        assertThat(model.canChangeProperty().get()).isFalse();
        model.confirmProperty().set(NEW);

        assertThat(model.flawProperty().get()).isEmpty();
        assertThat(model.canChangeProperty().get()).isTrue();
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndTheDeskStaysSignedIn() {
        AccountPasswordViewModel model = asViewer();
        model.currentProperty().set("not my password");
        model.newPasswordProperty().set(NEW);
        model.confirmProperty().set(NEW);

        model.change();

        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("The current password is not right.");
        assertThat(desk.client.session().connection().kind()).isNotEqualTo(org.practicetext.desktop.sync.ConnectionState.Kind.SIGNED_OUT);
    }

    @Test
    void theNewPasswordSignsInAndTheOldOneNoLonger() throws Exception {
        AccountPasswordViewModel model = asViewer();
        model.currentProperty().set(DemoPractice.PASSWORD);
        model.newPasswordProperty().set(NEW);
        model.confirmProperty().set(NEW);

        model.change();

        assertThat(model.refusedProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(model.currentProperty().get()).isEmpty();
        Account sam = new Account(desk.relayUri(), DemoPractice.SLUG, "sam");
        try (DesktopClient again = DesktopClients.signIn(sam, NEW.toCharArray(), Files.createTempDirectory("pt-sam-"), desk.clock())) {
            assertThat(again.session().me().username()).isEqualTo("sam");
        }
        assertThatThrownBy(() -> DesktopClients.signIn(sam, DemoPractice.PASSWORD.toCharArray(), Files.createTempDirectory("pt-sam-"), desk.clock()))
                .isInstanceOf(RelayException.class);
    }
}
