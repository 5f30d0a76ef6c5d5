// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.ui.testing.SameThreadUiTasks;

class SignInViewModelTest {
    final SameThreadUiTasks tasks = new SameThreadUiTasks();

    private SignInViewModel filled(Authenticator authenticator) {
        SignInViewModel model = new SignInViewModel(tasks, authenticator);
        model.relayUrlProperty().set("relay.example.org");
        model.practiceProperty().set("Demo");
        model.usernameProperty().set("alex");
        model.passwordProperty().set("practicetext");
        return model;
    }

    @Test
    void allFourFieldsAreNeeded() {
        SignInViewModel model = filled((a, p) -> null);
        assertThat(model.canSignInProperty().get()).isTrue();
        model.passwordProperty().set("");
        assertThat(model.canSignInProperty().get()).isFalse();
    }

    @Test
    void aBareHostBecomesAnHttpsAddressAndThePracticeIsLowerCased() {
        AtomicReference<Account> asked = new AtomicReference<>();
        SignInViewModel model = filled((account, password) -> {
            asked.set(account);
            return null;
        });
        model.signIn();
        assertThat(asked.get().relayUrl().toString()).isEqualTo("https://relay.example.org");
        assertThat(asked.get().practice()).isEqualTo("demo");
        assertThat(model.passwordProperty().get()).isEmpty();
    }

    @Test
    void theRelaysRefusalIsShownInItsWords() {
        SignInViewModel model = filled((a, p) -> {
            throw new RelayException(401, "bad_credentials", "The username or password is not right.");
        });
        model.signIn();
        assertThat(model.errorProperty().get()).isEqualTo("The username or password is not right.");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void anUnreachableRelaySaysToCheckTheAddress() {
        SignInViewModel model = filled((a, p) -> {
            throw new RelayException(0, "unreachable", "Connection refused");
        });
        model.signIn();
        assertThat(model.errorProperty().get()).startsWith("Could not reach the relay. Check the address");
    }

    @Test
    void anAddressThatIsNotAUrlIsRefusedBeforeAsking() {
        assertThatThrownBy(() -> SignInViewModel.parseUrl("ftp://relay.example.org")).hasMessageContaining("should look like https://");
    }
}
