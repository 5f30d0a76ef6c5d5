// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /** An authenticator whose workstation file presets the relay and practice. */
    private static Authenticator presetBy(MachineConfig machine, AtomicReference<Account> asked) {
        return new Authenticator() {
            @Override
            public org.practicetext.desktop.DesktopClient signIn(Account account, char[] password) {
                asked.set(account);
                return null;
            }

            @Override
            public MachineConfig machineConfig() {
                return machine;
            }
        };
    }

    @Test
    void theWorkstationsPresetRelayAndPracticeAreUsedAndKept(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("practicetext.properties"), "relay=https://relay.example.org\npractice=bright-smile\n");
        AtomicReference<Account> asked = new AtomicReference<>();
        SignInViewModel model = new SignInViewModel(tasks, presetBy(MachineConfig.load(file), asked));
        assertThat(model.relayPreset()).isTrue();
        assertThat(model.practicePreset()).isTrue();
        assertThat(model.relayUrlProperty().get()).isEqualTo("https://relay.example.org");
        assertThat(model.practiceProperty().get()).isEqualTo("bright-smile");
        // The window sets the last account's values after it builds the form; the preset stays.
        model.relayUrlProperty().set("https://elsewhere.example.org");
        model.practiceProperty().set("other");
        model.usernameProperty().set("jordan");
        model.passwordProperty().set("practicetext");
        assertThat(model.canSignInProperty().get()).isTrue();
        model.signIn();
        assertThat(asked.get()).isEqualTo(new Account(URI.create("https://relay.example.org"), "bright-smile", "jordan"));
        assertThat(model.machineProblem()).isEmpty();
    }

    @Test
    void aBrokenWorkstationFileIsExplainedAndTheFieldsStayOpen(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("practicetext.properties"), "relay=not a url at all\n");
        SignInViewModel model = new SignInViewModel(tasks, presetBy(MachineConfig.load(file), new AtomicReference<>()));
        assertThat(model.machineProblem()).contains("could not be used").contains(file.toString());
        assertThat(model.relayPreset()).isFalse();
        model.relayUrlProperty().set("relay.example.org");
        assertThat(model.relayUrlProperty().get()).isEqualTo("relay.example.org");
    }

    @Test
    void anAddressThatIsNotAUrlIsRefusedBeforeAsking() {
        assertThatThrownBy(() -> SignInViewModel.parseUrl("ftp://relay.example.org")).hasMessageContaining("should look like https://");
    }
}
