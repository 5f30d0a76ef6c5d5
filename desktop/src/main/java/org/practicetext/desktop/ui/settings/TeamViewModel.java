// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.core.Role;
import org.practicetext.desktop.cache.DeskChange;
import org.practicetext.protocol.OneTimeSecret;
import org.practicetext.protocol.TeamMemberView;

/**
 * Settings → Team, for a settings manager: the practice's members with role and status; add a
 * member (username, name, role, and a one-time password or an invite code), change a role,
 * reset a password, deactivate. Every change goes to the relay directly and its refusal (a
 * username taken, the last admin) is shown as it is. The one-time secret the relay answers is
 * held here only until the admin dismisses it: it is shown once and never stored.
 */
public final class TeamViewModel {
    static final String OFFLINE = "The team list needs the relay; try again when it is back.";

    private final org.practicetext.desktop.ui.common.UiSession session;
    private final ObservableList<TeamMemberView> members = FXCollections.observableArrayList();
    private final ObjectProperty<TeamMemberView> selected = new SimpleObjectProperty<>();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.STAFF);
    private final StringProperty setup = new SimpleStringProperty(OneTimeSecret.PASSWORD);
    private final ReadOnlyObjectWrapper<OneTimeSecret> secret = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canAdd;
    private final BooleanBinding canChange;

    public TeamViewModel(org.practicetext.desktop.ui.common.UiSession session) {
        this.session = session;
        canAdd = Bindings.createBooleanBinding(() -> !busy.get() && !username.get().isBlank() && role.get() != null, busy, username, role);
        canChange = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && !TeamMemberView.DEACTIVATED.equals(selected.get().status()), busy, selected);
        // A change made on another desk (or by the operator) arrives as the feed's user events.
        session.events().onChange(batch -> {
            if (batch.directoryChanged(DeskChange.DirectoryChanged.Part.USERS)) {
                refresh();
            }
        });
        refresh();
    }

    public ObservableList<TeamMemberView> members() {
        return members;
    }

    public ObjectProperty<TeamMemberView> selectedProperty() {
        return selected;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** {@link OneTimeSecret#PASSWORD} or {@link OneTimeSecret#INVITE}. */
    public StringProperty setupProperty() {
        return setup;
    }

    /** The one-time password or invite code just made, until {@link #dismissSecret()}; null otherwise. */
    public ReadOnlyObjectProperty<OneTimeSecret> secretProperty() {
        return secret.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }

    /** A member is selected who can still be changed (not deactivated), and nothing is under way. */
    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    /** The roles an admin can give, in the order the menu shows them. */
    public List<Role> roles() {
        return List.of(Role.STAFF, Role.ADMIN, Role.VIEWER, Role.BILLING);
    }

    /** How a role reads in the list and menus. */
    public static String label(String role) {
        return switch (role == null ? "" : role.toLowerCase(Locale.ROOT)) {
            case "admin" -> "Admin";
            case "staff" -> "Staff";
            case "viewer" -> "Viewer";
            case "billing" -> "Billing";
            default -> role;
        };
    }

    /** How a status reads in the list. */
    public static String statusLabel(TeamMemberView member) {
        return switch (member.status()) {
            case TeamMemberView.INVITED -> "Invited (no own password yet)";
            case TeamMemberView.DEACTIVATED -> "Deactivated";
            default -> "Active";
        };
    }

    public void refresh() {
        session.tasks().run(session.client().practice()::team, this::show, e -> say(e.getMessage() == null ? OFFLINE : e.getMessage(), true));
    }

    /** Adds the member written in the form; the relay's secret is then shown once. */
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        String login = username.get().strip();
        String display = name.get() == null || name.get().isBlank() ? null : name.get().strip();
        String roleWord = role.get().wire();
        String kind = setup.get();
        run(() -> session.client().practice().addMember(login, display, roleWord, kind), made -> {
            secret.set(made);
            username.set("");
            name.set("");
            say("Added " + made.member().name() + ". Give them the " + secretWord(made) + " above; it is shown only now.", false);
            refresh();
        });
    }

    public void changeRole(Role newRole) {
        TeamMemberView member = selected.get();
        if (member == null || newRole == null || newRole.wire().equals(member.role())) {
            return;
        }
        run(() -> session.client().practice().changeRole(member.id(), newRole.wire()), changed -> {
            say(changed.name() + " is now " + label(changed.role()) + ".", false);
            refresh();
        });
    }

    public String resetQuestion() {
        TeamMemberView member = selected.get();
        return member == null ? "" : "Give " + member.name() + " a new one-time password? They are signed out everywhere and choose a new password when they next sign in.";
    }

    public void resetPassword() {
        TeamMemberView member = selected.get();
        if (member == null) {
            return;
        }
        run(() -> session.client().practice().resetPassword(member.id()), made -> {
            secret.set(made);
            say("Reset " + made.member().name() + "'s password. Give them the one-time password above; it is shown only now.", false);
            refresh();
        });
    }

    public String deactivateQuestion() {
        TeamMemberView member = selected.get();
        return member == null ? "" : "Deactivate " + member.name() + "? They are signed out at once and can no longer sign in. "
                + "Conversations assigned to them become unassigned; messages they sent keep their name.";
    }

    public void deactivate() {
        TeamMemberView member = selected.get();
        if (member == null) {
            return;
        }
        run(() -> session.client().practice().deactivate(member.id()), done -> {
            say(done.name() + " is deactivated.", false);
            refresh();
        });
    }

    public void dismissSecret() {
        secret.set(null);
    }

    static String secretWord(OneTimeSecret made) {
        return OneTimeSecret.INVITE.equals(made.kind()) ? "invite code" : "one-time password";
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        session.tasks().run(work, result -> {
            busy.set(false);
            done.accept(result);
        }, e -> {
            busy.set(false);
            say(e.getMessage() == null ? "The relay refused: " + e.getClass().getSimpleName() : e.getMessage(), true);
        });
    }

    private void show(List<TeamMemberView> latest) {
        members.setAll(latest);
        TeamMemberView current = selected.get();
        if (current != null) {
            // Found again by id: the rows are new records after every read.
            selected.set(latest.stream().filter(m -> m.id() == current.id()).findFirst().orElse(null));
        }
    }

    private void say(String words, boolean refusal) {
        message.set(words);
        refused.set(refusal);
    }
}
