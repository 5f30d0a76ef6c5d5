// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.patients;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ContactRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Patients page driven by a robot: add a patient, see the relay's refusal in the form, name a lead, see a patient's consent state. */
class PatientsPageUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ContactRow> table(FxRobot robot) {
        return (TableView<ContactRow>) robot.lookup("#patients-table").queryAs(TableView.class);
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField input = robot.lookup(field).queryAs(TextField.class);
        robot.interact(input::clear);
        robot.clickOn(input).write(text);
    }

    @Test
    void aReceptionistAddsAPatientAfterTheRelayRefusesATypo(FxRobot robot) {
        robot.clickOn("#nav-patients");
        waitUntil(() -> !table(robot).getItems().isEmpty());
        robot.clickOn("#add-patient");
        type(robot, "#contact-name", "Maria Lopez");
        type(robot, "#contact-phone", "555 24");
        robot.clickOn("#contact-save");
        Label error = robot.lookup("#contact-form-error").queryAs(Label.class);
        waitUntil(() -> error.isVisible() && !error.getText().isBlank());

        type(robot, "#contact-phone", "(555) 246-8100");
        type(robot, "#contact-external-id", "PMS-1042");
        robot.clickOn("#contact-save");

        waitUntil(() -> robot.lookup("#contact-form-done").queryAs(Label.class).getText().equals("Maria Lopez added."));
        waitUntil(() -> table(robot).getItems().stream().anyMatch(c -> "Maria Lopez".equals(c.name()) && "PMS-1042".equals(c.externalId())));
        waitUntil(() -> !robot.lookup("#contact-form-error").queryAs(Label.class).isVisible());
    }

    @Test
    void aLeadGetsANameFromThePage(FxRobot robot) {
        robot.clickOn("#nav-patients");
        waitUntil(() -> !table(robot).getItems().isEmpty());
        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(c -> c.phone().equals("+15553456789")).findFirst().orElseThrow()));
        waitUntil(() -> robot.lookup("#contact-convert").query().isVisible());
        type(robot, "#contact-name", "Dana Whitfield");
        robot.clickOn("#contact-convert");

        waitUntil(() -> table(robot).getItems().stream().anyMatch(c -> "Dana Whitfield".equals(c.name()) && "patient".equals(c.kind())));
    }

    @Test
    void theFormShowsAChosenPatientsConsentStateAndItsSource(FxRobot robot) {
        robot.clickOn("#nav-patients");
        waitUntil(() -> !table(robot).getItems().isEmpty());
        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(c -> c.phone().equals("+15555678901")).findFirst().orElseThrow()));
        Label consent = robot.lookup("#contact-form-consent").queryAs(Label.class);
        waitUntil(() -> consent.isVisible() && consent.getText().startsWith("Opted out — texted 'Stop.' on Nov 1, ")
                && consent.getText().endsWith("Texts resume when the patient texts START."));

        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(c -> c.phone().equals("+15551234567")).findFirst().orElseThrow()));
        waitUntil(() -> !consent.isVisible());
    }
}
