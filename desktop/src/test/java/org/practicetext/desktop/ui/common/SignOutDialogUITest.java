// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.practicetext.desktop.session.SignOutChoice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-out confirmation's checkbox: off by default with the unsent warning shown once checked; checked and locked by the practice's rule. */
@Tag("ui")
@ResourceLock("javafx")
@ExtendWith(ApplicationExtension.class)
class SignOutDialogUITest {
    StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 520, 240));
        stage.show();
    }

    private SignOutDialog show(SignOutChoice choice) throws Exception {
        SignOutDialog dialog = new SignOutDialog(choice);
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().setAll(dialog.content())).get();
        return dialog;
    }

    @Test
    void checkingTheBoxWarnsOfTheUnsentMessages(FxRobot robot) throws Exception {
        SignOutDialog dialog = show(new SignOutChoice(2, false));
        CheckBox box = robot.lookup("#sign-out-remove-copy").queryAs(CheckBox.class);
        Label warning = robot.lookup("#sign-out-unsent-warning").queryAs(Label.class);
        assertThat(box.getText()).isEqualTo("Also remove this workstation's copy of the practice's messages");
        assertThat(box.isSelected()).isFalse();
        assertThat(warning.getText()).isEmpty();

        robot.clickOn(box);

        assertThat(dialog.removeProperty().get()).isTrue();
        assertThat(warning.getText()).isEqualTo("2 messages or changes not sent yet will be lost.");
    }

    @Test
    void thePracticesRuleChecksAndLocksTheBox(FxRobot robot) throws Exception {
        SignOutDialog dialog = show(new SignOutChoice(1, true));
        CheckBox box = robot.lookup("#sign-out-remove-copy").queryAs(CheckBox.class);
        assertThat(box.isSelected()).isTrue();
        assertThat(box.isDisabled()).isTrue();
        assertThat(robot.lookup("#sign-out-unsent-warning").queryAs(Label.class).getText()).isEqualTo("1 message or change not sent yet will be lost.");
        assertThat(dialog.locked()).isTrue();
    }
}
