// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings → Opted Out Patients with a robot, as an admin: Export record… asks for the days (the
 * last 12 months unless changed; refused the wrong way round), then where to save (a stub of the
 * save dialog), and saves the relay's CSV; Export list… saves who cannot be texted now.
 */
class OptedOutExportUITest extends DeskWindowUITest {
    @TempDir
    Path temp;
    /** What the stub save dialog was asked (title, suggested name), and where it answers. */
    final List<String> asked = new ArrayList<>();

    @Override
    protected String username() {
        return "alex";
    }

    @Start
    void start(Stage stage) {
        open(stage);
        UiSession session = UiSession.open(desk.client, tasks, LocalSettings.load(null), desk.clock());
        SaveFilePicker picker = (owner, title, suggested) -> {
            asked.add(title + " | " + suggested);
            return Optional.of(temp.resolve(suggested));
        };
        stage.getScene().setRoot(new StackPane(CommunicationSections.optedOut(session, picker)));
    }

    private String message(FxRobot robot) {
        return robot.lookup("#export-message").queryAs(Label.class).getText();
    }

    @Test
    void exportRecordAsksForTheDaysThenWhereAndSavesTheRelaysCsv(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#export-record").tryQuery().isPresent());
        robot.clickOn("#export-record");
        waitUntil(() -> robot.lookup("#consent-export-dialog").tryQuery().isPresent());
        LocalDate today = desk.session.times().today();
        DatePicker from = robot.lookup("#export-from").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#export-to").queryAs(DatePicker.class);
        assertThat(from.getValue()).isEqualTo(today.minusMonths(12));
        assertThat(to.getValue()).isEqualTo(today);

        Button export = robot.lookup("#export-record-confirm").queryButton();
        WaitForAsyncUtils.asyncFx(() -> from.setValue(today.plusDays(1))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(export.isDisabled()).as("the range is the wrong way round").isTrue();
        assertThat(robot.lookup("#export-range-problem").queryAs(Label.class).getText()).isEqualTo("The first day is after the last day.");
        WaitForAsyncUtils.asyncFx(() -> from.setValue(today.minusDays(30))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(export.isDisabled()).isFalse();
        robot.clickOn(export);

        String name = "consent-record-" + today.minusDays(30) + "-to-" + today + ".csv";
        waitUntil(() -> message(robot).equals("Saved " + name + "."));
        assertThat(asked).containsExactly("Save the consent record | " + name);
        String csv = Files.readString(temp.resolve(name));
        assertThat(csv).contains("Record ID").contains("Stop.").contains("Spam: a prize scam, not a patient");
    }

    @Test
    void exportListSavesWhoCannotBeTextedNow(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#export-list").tryQuery().isPresent());
        robot.clickOn("#export-list");

        String name = "opted-out-" + desk.session.times().today() + ".csv";
        waitUntil(() -> message(robot).equals("Saved " + name + "."));
        assertThat(asked).containsExactly("Save who cannot be texted | " + name);
        assertThat(Files.readString(temp.resolve(name))).contains("Robert Chen").contains("+15552009999");
    }
}
