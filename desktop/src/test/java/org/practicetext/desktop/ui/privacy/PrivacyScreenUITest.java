// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.effect.GaussianBlur;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.practicetext.core.HiddenPreviews;
import org.practicetext.desktop.cache.ConversationRow;
import org.practicetext.desktop.cache.MessageRow;
import org.practicetext.desktop.ui.testing.DeskWindowUITest;
import org.practicetext.protocol.PracticeSettingsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The privacy screen on the real window (ADR 0026): no message text in the list (names only, or
 * nothing), a thread's text blurred until the pointer or the keyboard's focus is on it, the
 * account menu's switch, the practice's rule holding it on, and notifications without text.
 */
class PrivacyScreenUITest extends DeskWindowUITest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private ListView<ConversationRow> list(FxRobot robot) {
        return (ListView<ConversationRow>) robot.lookup("#conversation-list").queryAs(ListView.class);
    }

    /** The texts of the showing rows' preview lines. */
    private List<String> previews(FxRobot robot) {
        return robot.lookup(".pt-conversation-cell .pt-preview").queryAll().stream().filter(n -> n.getScene() != null && n.isVisible())
                .filter(n -> ((ListCell<?>) cellOf(n)).getItem() != null).map(n -> ((Label) n).getText()).toList();
    }

    private List<String> rowNames(FxRobot robot) {
        return robot.lookup(".pt-conversation-cell .pt-name").queryAll().stream().filter(n -> n.getScene() != null && n.isVisible())
                .filter(n -> ((ListCell<?>) cellOf(n)).getItem() != null).map(n -> ((Label) n).getText()).toList();
    }

    private static Node cellOf(Node n) {
        Node at = n;
        while (!(at instanceof ListCell<?>)) {
            at = at.getParent();
        }
        return at;
    }

    /** The showing bubbles' text labels, with their message. */
    private List<Label> bubbles(FxRobot robot) {
        return robot.lookup(".pt-bubble-cell .pt-bubble").queryAll().stream().filter(n -> n.getScene() != null && n.isVisible())
                .filter(n -> ((ListCell<?>) cellOf(n)).getItem() != null).map(n -> (Label) n).toList();
    }

    private void privacy(FxRobot robot, boolean on) {
        robot.interact(() -> session.settings().privacyScreen().set(on));
    }

    @Test
    void theListShowsNamesButNoTextAndComesBackWhenItIsOff(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        waitUntil(() -> previews(robot).stream().anyMatch(p -> p.contains("thank you")));
        privacy(robot, true);

        waitUntil(() -> previews(robot).stream().allMatch("Message hidden"::equals));
        assertThat(rowNames(robot)).contains("Anna Smith", "Emily Davis");

        privacy(robot, false);
        waitUntil(() -> previews(robot).stream().anyMatch(p -> p.contains("thank you")));
    }

    @Test
    void withNothingTheListNamesNoOne(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        robot.interact(() -> session.settings().practiceRules().set(new PracticeSettingsView.Privacy(10, false, HiddenPreviews.NOTHING, false)));
        privacy(robot, true);
        waitUntil(() -> rowNames(robot).stream().allMatch("Conversation"::equals));
        assertThat(previews(robot)).allMatch("Message hidden"::equals);
    }

    @Test
    void aThreadsTextIsBlurredUntilThePointerOrTheKeyboardIsOnIt(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        privacy(robot, true);
        clickConversation(robot, "Anna Smith");
        waitUntil(() -> bubbles(robot).size() >= 2);
        robot.moveTo("#composer-text");
        waitUntil(() -> bubbles(robot).stream().allMatch(b -> b.getEffect() instanceof GaussianBlur));

        Label first = bubbles(robot).getFirst();
        robot.moveTo(first);
        waitUntil(() -> first.getEffect() == null);
        assertThat(bubbles(robot).stream().filter(b -> b != first)).allMatch(b -> b.getEffect() instanceof GaussianBlur);

        robot.moveTo("#composer-text");
        waitUntil(() -> first.getEffect() instanceof GaussianBlur);

        // The keyboard: focus on the thread's list and on its last message.
        ListView<?> thread = robot.lookup("#thread-messages").queryListView();
        robot.interact(() -> {
            thread.requestFocus();
            thread.getFocusModel().focus(thread.getItems().size() - 1);
        });
        MessageRow last = (MessageRow) thread.getItems().getLast();
        waitUntil(() -> bubbles(robot).stream().anyMatch(b -> ((ListCell<?>) cellOf(b)).getItem() == last && b.getEffect() == null));
        assertThat(bubbles(robot).stream().filter(b -> ((ListCell<?>) cellOf(b)).getItem() != last)).allMatch(b -> b.getEffect() instanceof GaussianBlur);

        privacy(robot, false);
        waitUntil(() -> bubbles(robot).stream().allMatch(b -> b.getEffect() == null));
    }

    @Test
    void aSearchsMatchingTextIsBlurredUntilThePointerIsOnIt(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        privacy(robot, true);
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.F).release(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.CONTROL);
        robot.write("insurance");
        waitUntil(() -> robot.lookup("#message-hits").queryListView().getItems().size() == 1);
        waitUntil(() -> !snippets(robot).isEmpty());
        robot.moveTo("#composer-text");
        waitUntil(() -> snippets(robot).stream().allMatch(l -> l.getEffect() instanceof GaussianBlur));
        assertThat(snippets(robot)).anyMatch(l -> l.getText().toLowerCase(java.util.Locale.ROOT).contains("insurance"));

        Label hit = snippets(robot).getFirst();
        robot.moveTo(hit);
        waitUntil(() -> hit.getEffect() == null);
        privacy(robot, false);
        robot.moveTo("#composer-text");
        waitUntil(() -> snippets(robot).stream().allMatch(l -> l.getEffect() == null));
    }

    /** The showing search hits' matching-text labels. */
    private List<Label> snippets(FxRobot robot) {
        return robot.lookup("#message-hits .list-cell").queryAll().stream().filter(n -> n.getScene() != null && n.isVisible())
                .filter(n -> ((ListCell<?>) n).getItem() != null).flatMap(n -> robot.from(n).lookup(".label").queryAll().stream())
                .map(n -> (Label) n).filter(l -> l.getStyleClass().contains("pt-hit-snippet")).toList();
    }

    @Test
    void theAccountMenuSwitchesItAndThePracticesRuleHoldsItOn(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        MenuButton account = lookup(robot, "#account-menu");
        CheckMenuItem item = (CheckMenuItem) account.getItems().stream().filter(i -> "account-privacy-screen".equals(i.getId())).findFirst().orElseThrow();
        robot.clickOn(account);
        clickMenuItem(robot, "Privacy screen");
        waitUntil(() -> session.settings().privacyScreenOn().get() && item.isSelected());
        waitUntil(() -> previews(robot).stream().allMatch("Message hidden"::equals));

        robot.interact(() -> {
            session.settings().privacyScreen().set(false);
            session.settings().practiceRules().set(new PracticeSettingsView.Privacy(10, true, HiddenPreviews.NAMES, false));
        });
        assertThat(item.isSelected()).as("on by the practice's rule").isTrue();
        assertThat(item.isDisable()).as("and not switchable here").isTrue();
        waitUntil(() -> previews(robot).stream().allMatch("Message hidden"::equals));
    }

    @Test
    void aNotificationWithThePrivacyScreenOnNamesTheSenderButNotTheText(FxRobot robot) {
        waitUntil(() -> !list(robot).getItems().isEmpty());
        privacy(robot, true);
        clickConversation(robot, "Anna Smith");
        desk.patientTexts("+15556789012", "Is the card payment done, Emily here?");
        waitUntil(() -> window.notifier().lastShownProperty().get() != null);
        assertThat(window.notifier().lastShownProperty().get().title()).isEqualTo("New text from Emily Davis");
        assertThat(window.notifier().lastShownProperty().get().body()).doesNotContain("card payment");
    }
}
