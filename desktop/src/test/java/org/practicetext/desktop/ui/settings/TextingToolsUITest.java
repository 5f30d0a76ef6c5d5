// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.core.Role;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.ui.common.SessionActions;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.testing.RequestsWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings → Texting tools in the real window, as an admin: edit, save, the relay's refusal; and a staff member has no such entry. */
class TextingToolsUITest extends RequestsWindowUITest {

    @Override
    protected String username() {
        return "alex";
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openSection(FxRobot robot) {
        robot.clickOn("#nav-settings");
        waitUntil(() -> robot.lookup("#settings-texting-tools").tryQuery().isPresent());
        robot.clickOn("#settings-texting-tools");
        waitUntil(() -> robot.lookup("#texting-display-name").tryQuery().map(n -> ((TextField) n).getText().equals("Bright Smile Dental")).orElse(false));
    }

    /** Focuses the field (the form scrolls it into view, as Tab would) and clicks it. */
    private void clickField(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> lookup(robot, query).requestFocus()).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    /** Types {@code text} over the whole field, as a person who selected it all would. */
    private void retype(FxRobot robot, String query, String text) throws Exception {
        clickField(robot, query);
        WaitForAsyncUtils.asyncFx(() -> ((TextField) lookup(robot, query)).selectAll()).get();
        robot.write(text);
    }

    private String message(FxRobot robot) {
        return ((Label) lookup(robot, "#texting-message")).getText();
    }

    @Test
    void anAdminEditsTheSettingsAndSavesThem(FxRobot robot) throws Exception {
        openSection(robot);
        retype(robot, "#texting-display-name", "Bright Smile Downtown");
        clickField(robot, "#texting-feature-payment-requests");
        retype(robot, "#texting-review-url", "http://g.page/r/x");
        waitUntil(() -> lookup(robot, "#texting-save").isDisabled());
        retype(robot, "#texting-review-url", "https://g.page/r/downtown/review");
        waitUntil(() -> !lookup(robot, "#texting-save").isDisabled());
        robot.clickOn("#texting-save");
        waitUntil(() -> message(robot).startsWith("Saved."));
        assertThat(requests.requests.updates).hasSize(1);
        assertThat(requests.requests.updates.getFirst().displayName()).isEqualTo("Bright Smile Downtown");
        assertThat(requests.requests.updates.getFirst().features().payments()).isFalse();
        assertThat(requests.requests.updates.getFirst().reviewUrl()).isEqualTo("https://g.page/r/downtown/review");
    }

    @Test
    void removingAFormSaysItIsRetiredAndTheRelaysRefusalIsShown(FxRobot robot) throws Exception {
        requests.requests.refuseUpdates = new RelayException(409, "conflict", "Another admin changed these settings; reload them.");
        openSection(robot);
        clickField(robot, "#texting-form-remove-0");
        waitUntil(() -> ((Label) lookup(robot, "#texting-forms-retired")).getText()
                .equals("Retired on save: Medical history. Requests already sent keep it."));
        robot.clickOn("#texting-save");
        waitUntil(() -> message(robot).equals("Another admin changed these settings; reload them."));
        assertThat(requests.requests.updates.getFirst().forms()).hasSize(1);
    }

    @Test
    void staffHaveNoTextingToolsEntry(FxRobot robot) throws Exception {
        UiSession admin = requests.session(desk);
        UiSession staff = new UiSession(admin.client(), admin.tasks(), admin.events(), admin.times(), admin.phones(), admin.settings(), admin.me(),
                admin.practice(), Role.STAFF.permissions());
        SettingsPage page = WaitForAsyncUtils.asyncFx(() -> new SettingsPage(staff, new SessionActions() {
            @Override
            public void signOut() {
            }

            @Override
            public void switchUser() {
            }
        })).get();
        assertThat(page.lookup("#settings-templates")).isNotNull();
        assertThat(page.lookup("#settings-texting-tools")).isNull();
    }
}
