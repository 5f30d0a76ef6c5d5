// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.practicetext.core.Role;
import org.practicetext.desktop.ui.common.Confirmation;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.protocol.TeamMemberView;

/**
 * Settings → Team (settings managers only): the members on the left with role and status; on the
 * right Add member, and for the selected member Change role, Reset password and Deactivate (with
 * a confirmation). A new one-time password or invite code is shown once, with a copy button.
 */
final class TeamSection {
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass DEACTIVATED = PseudoClass.getPseudoClass("deactivated");

    private TeamSection() {
    }

    static Node build(UiSession session) {
        TeamViewModel model = new TeamViewModel(session);
        ListView<TeamMemberView> list = new ListView<>(model.members());
        list.setId("team-list");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "pt-list", Styles.BORDERED);
        list.setCellFactory(l -> new MemberCell());
        list.setPlaceholder(CommunicationSections.muted("Loading the team…"));
        list.setPrefWidth(300);
        list.setMinWidth(260);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() == null || list.getSelectionModel().getSelectedItem().id() != now.id()) {
                model.members().stream().filter(m -> m.id() == now.id()).findFirst().ifPresent(list.getSelectionModel()::select);
            }
        });

        VBox right = new VBox(16, secretBox(model), addForm(model), selectedActions(model), message(model));
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(16, list, right);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox section = CommunicationSections.section("Team",
                "The people who sign in to this practice. A new member signs in first with a one-time password or an invite code "
                        + "and then chooses their own password. Deactivating signs a member out at once; their past messages keep their name.",
                body);
        // Taller than the window (the secret box open): scroll rather than cut the wrapped texts.
        section.setMinHeight(Region.USE_PREF_SIZE);
        return section;
    }

    private static VBox addForm(TeamViewModel model) {
        TextField username = new TextField();
        username.setId("team-username");
        username.setPromptText("e.g. rita");
        username.textProperty().bindBidirectional(model.usernameProperty());
        TextField name = new TextField();
        name.setId("team-name");
        name.setPromptText("e.g. Rita Reception");
        name.textProperty().bindBidirectional(model.nameProperty());
        ComboBox<Role> role = roleBox("team-role", model);
        role.valueProperty().bindBidirectional(model.roleProperty());
        ToggleGroup setup = new ToggleGroup();
        RadioButton oneTime = new RadioButton("One-time password (valid for a day)");
        oneTime.setId("team-setup-password");
        oneTime.setToggleGroup(setup);
        RadioButton invite = new RadioButton("Invite code (valid for a week)");
        invite.setId("team-setup-invite");
        invite.setToggleGroup(setup);
        oneTime.setSelected(OneTimeSecret.PASSWORD.equals(model.setupProperty().get()));
        invite.setSelected(!oneTime.isSelected());
        oneTime.setOnAction(e -> model.setupProperty().set(OneTimeSecret.PASSWORD));
        invite.setOnAction(e -> model.setupProperty().set(OneTimeSecret.INVITE));
        GridPane form = new GridPane(12, 8);
        form.addRow(0, fieldLabel("Username"), username);
        form.addRow(1, fieldLabel("Name"), name);
        form.addRow(2, fieldLabel("Role"), role);
        form.addRow(3, fieldLabel("First sign-in"), new VBox(6, oneTime, invite));
        GridPane.setHgrow(username, Priority.ALWAYS);
        Button add = new Button("Add member");
        add.setId("team-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(model.canAddProperty().not());
        add.setOnAction(e -> model.add());
        return new VBox(8, heading("Add member"), form, add);
    }

    private static VBox selectedActions(TeamViewModel model) {
        Label who = new Label();
        who.setId("team-selected");
        who.getStyleClass().add(Styles.TEXT_BOLD);
        who.textProperty().bind(model.selectedProperty().map(m -> m.name() + " (" + m.username() + ")").orElse("Select a member in the list."));
        ComboBox<Role> role = roleBox("team-change-role", model);
        model.selectedProperty().addListener((o, was, now) -> role.setValue(now == null ? null : Role.fromWire(now.role()).orElse(null)));
        role.disableProperty().bind(model.canChangeProperty().not());
        Button apply = new Button("Change role");
        apply.setId("team-change-role-apply");
        apply.disableProperty().bind(model.canChangeProperty().not());
        apply.setOnAction(e -> model.changeRole(role.getValue()));
        Button reset = new Button("Reset password");
        reset.setId("team-reset");
        reset.disableProperty().bind(model.canChangeProperty().not());
        reset.setOnAction(e -> {
            if (Confirmation.ask(reset.getScene().getWindow(), "Reset password", model.resetQuestion(), "Reset password")) {
                model.resetPassword();
            }
        });
        Button deactivate = new Button("Deactivate");
        deactivate.setId("team-deactivate");
        deactivate.getStyleClass().add(Styles.DANGER);
        deactivate.disableProperty().bind(model.canChangeProperty().not());
        deactivate.setOnAction(e -> {
            if (Confirmation.ask(deactivate.getScene().getWindow(), "Deactivate team member", model.deactivateQuestion(), "Deactivate")) {
                model.deactivate();
            }
        });
        HBox roleRow = new HBox(8, role, apply);
        roleRow.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, reset, deactivate);
        return new VBox(8, heading("Selected member"), who, roleRow, buttons);
    }

    /** The one-time password or invite code just made: shown once, with Copy and Done. */
    private static VBox secretBox(TeamViewModel model) {
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(model.secretProperty().map(s -> "The " + TeamViewModel.secretWord(s) + " for " + s.member().name()
                + " (" + s.member().username() + ")").orElse(""));
        Label secret = new Label();
        secret.setId("team-secret");
        secret.getStyleClass().addAll(Styles.TITLE_3, "pt-team-secret");
        secret.textProperty().bind(model.secretProperty().map(OneTimeSecret::secret).orElse(""));
        Button copy = new Button("Copy");
        copy.setId("team-secret-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(secret.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        model.secretProperty().addListener((o, was, now) -> copy.setText("Copy"));
        Button done = new Button("Done");
        done.setId("team-secret-done");
        done.setOnAction(e -> model.dismissSecret());
        Label note = CommunicationSections.muted("");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(model.secretProperty().map(s -> "Shown only now: PracticeText keeps no copy. It works once, until "
                + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, h:mm a").withZone(java.time.ZoneId.systemDefault()).format(s.expiresAt())
                + "; at the first sign-in they choose their own password.").orElse(""));
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        secret.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        done.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, secret, copy, done);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, row, note);
        box.setId("team-secret-box");
        box.getStyleClass().add("pt-team-secret-box");
        box.visibleProperty().bind(model.secretProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label message(TeamViewModel model) {
        Label message = new Label();
        message.setId("team-message");
        message.setWrapText(true);
        message.getStyleClass().addAll(Styles.TEXT_SMALL, "pt-template-message");
        message.textProperty().bind(model.messageProperty());
        model.refusedProperty().addListener((o, was, now) -> message.pseudoClassStateChanged(REFUSED, now));
        return message;
    }

    private static ComboBox<Role> roleBox(String id, TeamViewModel model) {
        ComboBox<Role> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(model.roles());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role role) {
                return role == null ? "" : TeamViewModel.label(role.wire());
            }

            @Override
            public Role fromString(String text) {
                return Role.fromWire(text).orElse(null);
            }
        });
        return box;
    }

    private static Label fieldLabel(String text) {
        Label label = CommunicationSections.muted(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    /** A member: name and username, then role and status; a deactivated member is muted. */
    private static final class MemberCell extends ListCell<TeamMemberView> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        MemberCell() {
            setPrefWidth(0);
            name.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.setMinWidth(Region.USE_PREF_SIZE);
            getStyleClass().add("pt-team-cell");
        }

        @Override
        protected void updateItem(TeamMemberView member, boolean empty) {
            super.updateItem(member, empty);
            if (empty || member == null) {
                setGraphic(null);
                pseudoClassStateChanged(DEACTIVATED, false);
                return;
            }
            name.setText(member.name() + "  ·  " + member.username());
            detail.setText(TeamViewModel.label(member.role()) + "  ·  " + TeamViewModel.statusLabel(member));
            pseudoClassStateChanged(DEACTIVATED, TeamMemberView.DEACTIVATED.equals(member.status()));
            setGraphic(box);
        }
    }
}
