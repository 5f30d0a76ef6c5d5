// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicetext.core.Role;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.PasswordChangeRequired;
import org.practicetext.desktop.ui.testing.DemoDesk;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.protocol.TeamMemberView;
import org.practicetext.relay.demo.DemoPractice;

/** Settings → Team and → Numbers against the demo relay, as its admin: list, add, change role, reset, deactivate, refusals. */
class TeamViewModelTest {
    DemoDesk desk;

    @AfterEach
    void close() {
        if (desk != null) {
            desk.close();
        }
    }

    private TeamViewModel asAdmin() {
        desk = DemoDesk.as("alex");
        return new TeamViewModel(desk.session);
    }

    private static TeamMemberView member(TeamViewModel model, String username) {
        return model.members().stream().filter(m -> m.username().equals(username)).findFirst().orElseThrow();
    }

    private static boolean listed(TeamViewModel model, String username) {
        return model.members().stream().anyMatch(m -> m.username().equals(username));
    }

    @Test
    void listsTheDemoTeamWithRolesAndStatus() {
        TeamViewModel model = asAdmin();

        assertThat(model.members()).extracting(TeamMemberView::username).contains("alex", "jordan", "sam", "casey");
        assertThat(member(model, "jordan").role()).isEqualTo("staff");
        assertThat(TeamViewModel.statusLabel(member(model, "jordan"))).isEqualTo("Active");
    }

    @Test
    void addingAMemberShowsTheOneTimePasswordOnceAndListsThemAsInvited() throws Exception {
        TeamViewModel model = asAdmin();
        model.usernameProperty().set("rita");
        model.nameProperty().set("Rita Reception");
        model.roleProperty().set(Role.STAFF);
        assertThat(model.canAddProperty().get()).isTrue();

        model.add();

        OneTimeSecret secret = model.secretProperty().get();
        assertThat(secret.kind()).isEqualTo("password");
        assertThat(model.messageProperty().get()).startsWith("Added Rita Reception.");
        desk.await("rita listed", () -> listed(model, "rita"));
        assertThat(TeamViewModel.statusLabel(member(model, "rita"))).startsWith("Invited");
        assertThat(model.usernameProperty().get()).isEmpty();
        model.dismissSecret();
        assertThat(model.secretProperty().get()).isNull();
        Path data = Files.createTempDirectory("pt-rita-");
        Account rita = new Account(desk.relayUri(), DemoPractice.SLUG, "rita");
        try {
            DesktopClients.signIn(rita, secret.secret().toCharArray(), data, desk.clock());
            throw new AssertionError("the one-time password opened a client without a new password");
        } catch (PasswordChangeRequired expected) {
            expected.abandon();
        }
    }

    @Test
    void aTakenUsernameIsRefusedInTheRelaysWords() {
        TeamViewModel model = asAdmin();
        model.usernameProperty().set("Jordan");

        model.add();

        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("already taken");
        assertThat(model.secretProperty().get()).isNull();
    }

    @Test
    void theOnlyAdminCannotBeDeactivated() {
        TeamViewModel model = asAdmin();
        model.selectedProperty().set(member(model, "alex"));

        model.deactivate();

        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("only active admin");
        assertThat(member(model, "alex").status()).isEqualTo("active");
    }

    @Test
    void changingARoleShowsInTheList() {
        TeamViewModel model = asAdmin();
        model.selectedProperty().set(member(model, "sam"));

        model.changeRole(Role.STAFF);

        desk.await("sam is staff", () -> member(model, "sam").role().equals("staff"));
        assertThat(model.messageProperty().get()).isEqualTo("Sam Taylor is now Staff.");
        assertThat(model.selectedProperty().get().role()).isEqualTo("staff");
    }

    @Test
    void deactivatingAsksByNameThenLeavesTheMemberListedAsDeactivated() {
        TeamViewModel model = asAdmin();
        model.selectedProperty().set(member(model, "casey"));
        assertThat(model.deactivateQuestion()).startsWith("Deactivate Casey Brooks?").contains("unassigned").contains("keep their name");

        model.deactivate();

        desk.await("casey deactivated", () -> member(model, "casey").status().equals("deactivated"));
        assertThat(model.canChangeProperty().get()).isFalse();
        desk.await("casey gone from the desk's team", () -> desk.client.directory().team().stream()
                .noneMatch(u -> u.username().equals("casey") && u.active()));
    }

    @Test
    void aResetShowsANewOneTimePassword() {
        TeamViewModel model = asAdmin();
        model.selectedProperty().set(member(model, "jordan"));

        model.resetPassword();

        assertThat(model.secretProperty().get().member().username()).isEqualTo("jordan");
        desk.await("jordan invited again", () -> member(model, "jordan").status().equals("invited"));
    }

    @Test
    void theNumbersPageShowsEachNumberWithItsInbox() {
        desk = DemoDesk.as("alex");
        NumbersViewModel model = new NumbersViewModel(desk.session);

        assertThat(model.numbers()).isNotEmpty();
        assertThat(model.numbers()).allSatisfy(n -> assertThat(n.inboxName()).isNotBlank());
        assertThat(model.display(model.numbers().getFirst())).doesNotStartWith("+");
    }

    @Test
    void staffAreRefusedTheTeamList() {
        desk = DemoDesk.as("jordan");
        TeamViewModel model = new TeamViewModel(desk.session);

        assertThat(model.members()).isEmpty();
        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("settings.manage");
    }
}
