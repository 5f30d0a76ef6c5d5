// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.desktop.ui.testing.SameThreadUiTasks;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.relay.demo.DemoPractice;

/** The first sign-in with a one-time password or invite code, against the demo relay: the new password comes before the inbox. */
class FirstSignInViewModelTest {
    DemoDesk admin;
    Path data;
    SignInViewModel model;
    final AtomicReference<DesktopClient> opened = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        admin = DemoDesk.as("alex");
        data = Files.createTempDirectory("pt-first-");
        model = new SignInViewModel(new SameThreadUiTasks(), (account, password) -> DesktopClients.signIn(account, password, data, admin.clock()));
        model.setOnSignedIn((client, account) -> opened.set(client));
        model.relayUrlProperty().set(admin.relayUri().toString());
        model.practiceProperty().set(DemoPractice.SLUG);
    }

    @AfterEach
    void close() {
        if (opened.get() != null) {
            opened.get().close();
        }
        admin.close();
    }

    private void signInWith(String username, String secret) {
        model.usernameProperty().set(username);
        model.passwordProperty().set(secret);
        model.signIn();
    }

    @Test
    void aOneTimePasswordAsksForANewPasswordAndThenOpensTheClient() throws Exception {
        OneTimeSecret made = admin.client.practice().addMember("rita", "Rita Reception", "staff", OneTimeSecret.PASSWORD);

        signInWith("rita", made.secret());

        assertThat(model.choosingProperty().get()).isTrue();
        assertThat(opened.get()).isNull();
        assertThat(model.errorProperty().get()).isEmpty();
        model.newPasswordProperty().set("tulip-harbor-9000");
        assertThat(model.canChooseProperty().get()).isFalse();
        model.confirmPasswordProperty().set("tulip-harbor-9000");
        model.choosePassword();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.choosingProperty().get()).isFalse();
        assertThat(opened.get().session().me().username()).isEqualTo("rita");
    }

    @Test
    void anInviteCodeWorksTheSameWay() throws Exception {
        OneTimeSecret made = admin.client.practice().addMember("ivy", "Ivy Intake", "viewer", OneTimeSecret.INVITE);

        signInWith("ivy", made.secret());

        assertThat(model.choosingProperty().get()).isTrue();
    }

    @Test
    void aPasswordThatBreaksTheRuleCannotBeChosen() throws Exception {
        OneTimeSecret made = admin.client.practice().addMember("rita", "Rita Reception", "staff", OneTimeSecret.PASSWORD);
        signInWith("rita", made.secret());

        model.newPasswordProperty().set("rita-rita-rita");
        model.confirmPasswordProperty().set("rita-rita-rita");

        assertThat(model.newPasswordFlawProperty().get()).contains("username");
        assertThat(model.canChooseProperty().get()).isFalse();
    }

    @Test
    void goingBackLeavesTheOneTimePasswordUsable() throws Exception {
        OneTimeSecret made = admin.client.practice().addMember("rita", "Rita Reception", "staff", OneTimeSecret.PASSWORD);
        signInWith("rita", made.secret());

        model.backToSignIn();
        assertThat(model.choosingProperty().get()).isFalse();
        signInWith("rita", made.secret());

        assertThat(model.choosingProperty().get()).isTrue();
    }
}
