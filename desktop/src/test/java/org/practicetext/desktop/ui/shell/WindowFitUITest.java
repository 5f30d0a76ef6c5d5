// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at the smallest size it allows (1024×700): nothing a receptionist needs is cut off. */
class WindowFitUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
        stage.setWidth(WindowPlacement.MIN_WIDTH);
        stage.setHeight(WindowPlacement.MIN_HEIGHT);
    }

    @SuppressWarnings("unchecked")
    private static ListView<ConversationRow> list(FxRobot robot) {
        return (ListView<ConversationRow>) robot.lookup("#conversation-list").queryAs(ListView.class);
    }

    @Test
    void at1024By700TheComposerTheBottomBarAndTheWholeNumberShow(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        // The busiest header: assigned, with a chip beside the number when there is one.
        ConversationRow busiest = list(robot).getItems().stream()
                .max(Comparator.comparing((ConversationRow r) -> r.assigneeName() != null).thenComparing(r -> "landline".equals(r.lineType())))
                .orElseThrow();
        clickConversation(robot, busiest.displayName());
        Label phone = lookup(robot, "#thread-phone");
        waitUntil(() -> phone.getText().equals(busiest.displayPhone()));
        // The list pane as wide as it may be dragged: the thread pane at its narrowest.
        robot.interact(() -> robot.lookup("#sms-page").queryAs(SplitPane.class).setDividerPositions(0.9));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getScene().getWidth()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(stage.getScene().getHeight()).isEqualTo(WindowPlacement.MIN_HEIGHT);
        Node navigation = lookup(robot, "#nav-bar");
        Node send = lookup(robot, "#composer-send");
        assertInsideTheWindow(navigation);
        assertInsideTheWindow(lookup(robot, "#nav-patients"));
        assertInsideTheWindow(send);
        assertThat(bounds(send).getMaxY()).as("Send sits above the bottom bar").isLessThanOrEqualTo(bounds(navigation).getMinY());
        assertInsideTheWindow(phone);
        assertThat(((Text) phone.lookup(".text")).getText()).as("the number as shown").isEqualTo(busiest.displayPhone());
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private void assertInsideTheWindow(Node node) {
        Bounds b = bounds(node);
        assertThat(node.isVisible()).as(node.getId() + " visible").isTrue();
        assertThat(b.getMinX()).as(node.getId() + " left").isGreaterThanOrEqualTo(0);
        assertThat(b.getMinY()).as(node.getId() + " top").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as(node.getId() + " right").isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(b.getMaxY()).as(node.getId() + " bottom").isLessThanOrEqualTo(stage.getScene().getHeight());
    }
}
