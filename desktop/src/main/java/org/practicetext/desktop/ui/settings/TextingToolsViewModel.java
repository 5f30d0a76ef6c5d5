// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.practicetext.desktop.cache.Directory;
import org.practicetext.desktop.ui.common.UiSession;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;

/**
 * Settings → Texting tools (admins, ADR 0024): how texts name the practice, which composer tools
 * are on, the payment provider (read only: the relay's configuration), the review links (the
 * practice's and one per inbox), how often one patient may be asked for a review, the form
 * library, how long each kind of link works and whether document pages ask for the date of birth.
 * Every field says what is wrong under it and Save waits until nothing is; Save goes to the relay
 * off the FX thread, shows its refusal as it words it, and the form is then what the relay answered.
 */
public final class TextingToolsViewModel {
    static final int NAME_MOST = 60;

    /** One inbox's review link (blank: the practice's is used). */
    public record InboxLink(Directory.Inbox inbox, StringProperty url, StringBinding problem) {
    }

    /** A form of the library as edited; {@code id} null for a new one. */
    public record FormRow(Long id, StringProperty name, StringProperty url, StringBinding problem) {
    }

    /** A lifetime in days of one kind of link. */
    public record LinkLifetime(String label, StringProperty days, StringBinding problem) {
    }

    private final UiSession session;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper payments = new ReadOnlyStringWrapper("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringBinding displayNameProblem;
    private final BooleanProperty attachments = new SimpleBooleanProperty();
    private final BooleanProperty paymentRequests = new SimpleBooleanProperty();
    private final BooleanProperty reviewRequests = new SimpleBooleanProperty();
    private final BooleanProperty forms = new SimpleBooleanProperty();
    private final BooleanProperty treatmentPlans = new SimpleBooleanProperty();
    private final StringProperty reviewUrl = new SimpleStringProperty("");
    private final StringBinding reviewUrlProblem;
    private final ObservableList<InboxLink> inboxLinks = FXCollections.observableArrayList(l -> new Observable[] {l.problem()});
    private final StringProperty repeatDays = new SimpleStringProperty("182");
    private final StringBinding repeatDaysProblem;
    private final ObservableList<FormRow> formRows = FXCollections.observableArrayList(f -> new Observable[] {f.problem()});
    private final ObservableList<String> retired = FXCollections.observableArrayList();
    private final List<LinkLifetime> lifetimes = List.of(lifetime("Payment"), lifetime("Review"), lifetime("Forms"), lifetime("Treatment plan"),
            lifetime("Documents"));
    private final BooleanProperty askBirthDate = new SimpleBooleanProperty();
    private final BooleanBinding valid;
    private List<Directory.Inbox> inboxes = List.of();

    public TextingToolsViewModel(UiSession session) {
        this.session = session;
        displayNameProblem = Bindings.createStringBinding(() -> displayName.get().isBlank() ? "Give the name texts use, e.g. Bright Smile Dental."
                : displayName.get().strip().length() > NAME_MOST ? "At most " + NAME_MOST + " characters: it goes in every text." : "", displayName);
        reviewUrlProblem = Bindings.createStringBinding(() -> WebAddresses.problem(reviewUrl.get(), false), reviewUrl);
        repeatDaysProblem = Bindings.createStringBinding(() -> days(repeatDays.get(), 0, 3650) == null
                ? "A number of days from 0 (never warn) to 3650." : "", repeatDays);
        valid = Bindings.createBooleanBinding(() -> Stream.concat(Stream.of(displayNameProblem.get(), reviewUrlProblem.get(), repeatDaysProblem.get()),
                Stream.concat(inboxLinks.stream().map(l -> l.problem().get()), Stream.concat(formRows.stream().map(f -> f.problem().get()),
                        lifetimes.stream().map(l -> l.problem().get())))).allMatch(String::isEmpty),
                Stream.concat(Stream.of(displayNameProblem, reviewUrlProblem, repeatDaysProblem, inboxLinks, formRows),
                        lifetimes.stream().map(LinkLifetime::problem)).toArray(Observable[]::new));
        load();
    }

    private static LinkLifetime lifetime(String label) {
        StringProperty days = new SimpleStringProperty("30");
        return new LinkLifetime(label, days, Bindings.createStringBinding(() -> days(days.get(), 1, 90) == null ? "1 to 90 days." : "", days));
    }

    static Integer days(String text, int least, int most) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            return n < least || n > most ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads the settings and the inboxes (off the FX thread); empty settings leave the form unloaded, with why. */
    public void load() {
        session.tasks().run(() -> new Loaded(session.client().requests().settings().orElse(null), session.client().directory().inboxes()), read -> {
            inboxes = read.inboxes();
            if (read.settings() == null) {
                message.set("The relay has not sent the practice's texting settings yet. They come with the next sync; "
                        + "a relay older than this app has none.");
                return;
            }
            show(read.settings());
        });
    }

    private record Loaded(PracticeSettingsView settings, List<Directory.Inbox> inboxes) {
    }

    private void show(PracticeSettingsView s) {
        displayName.set(nonNull(s.displayName()));
        PracticeSettingsView.Features on = s.features() == null ? PracticeSettingsView.Features.DEFAULT : s.features();
        attachments.set(on.attachments());
        paymentRequests.set(on.payments());
        reviewRequests.set(on.reviews());
        forms.set(on.forms());
        treatmentPlans.set(on.treatmentPlans());
        payments.set(PaymentWords.of(s.payments(), s.currency()));
        reviewUrl.set(nonNull(s.reviewUrl()));
        inboxLinks.setAll(inboxes.stream().map(inbox -> inboxLink(inbox, s.reviewLinks().stream().filter(l -> l.inboxId() == inbox.id())
                .map(PracticeSettingsView.ReviewLink::url).findFirst().orElse(""))).toList());
        repeatDays.set(Integer.toString(s.reviewRepeatDays()));
        formRows.setAll(s.forms().stream().map(f -> formRow(f.id(), f.name(), f.url())).toList());
        retired.clear();
        PracticeSettingsView.LinkDays d = s.linkDays() == null ? PracticeSettingsView.LinkDays.DEFAULT : s.linkDays();
        int[] values = {d.payment(), d.review(), d.forms(), d.treatmentPlan(), d.documents()};
        for (int i = 0; i < values.length; i++) {
            lifetimes.get(i).days().set(Integer.toString(values[i]));
        }
        askBirthDate.set(s.linksAskBirthDate());
        loaded.set(true);
    }

    private static InboxLink inboxLink(Directory.Inbox inbox, String url) {
        StringProperty text = new SimpleStringProperty(nonNull(url));
        return new InboxLink(inbox, text, Bindings.createStringBinding(() -> WebAddresses.problem(text.get(), false), text));
    }

    private static FormRow formRow(Long id, String name, String url) {
        StringProperty n = new SimpleStringProperty(nonNull(name));
        StringProperty u = new SimpleStringProperty(nonNull(url));
        return new FormRow(id, n, u, Bindings.createStringBinding(() -> n.get().isBlank() ? "Give the form a name patients will recognise."
                : u.get().isBlank() ? "Give the form's web address." : WebAddresses.problem(u.get(), true), n, u));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** A new, empty form at the end of the library. */
    public FormRow addForm() {
        FormRow row = formRow(null, "", "");
        formRows.add(row);
        return row;
    }

    /** Takes a form out of the library; one already saved is retired (its requests keep naming it), not deleted. */
    public void removeForm(FormRow row) {
        formRows.remove(row);
        if (row.id() != null) {
            retired.add(row.name().get().isBlank() ? "a form" : row.name().get().strip());
        }
    }

    /** Sends the form to the relay; its answer becomes the form, its refusal the message. */
    public void save() {
        if (!valid.get() || saving.get() || !loaded.get()) {
            return;
        }
        PracticeSettingsUpdate update = update();
        saving.set(true);
        message.set("Saving…");
        session.tasks().run(() -> session.client().requests().updateSettings(update), answer -> {
            saving.set(false);
            show(answer);
            message.set("Saved. The desks of the practice get the new settings with their next sync.");
        }, e -> {
            saving.set(false);
            message.set(e.getMessage() == null ? "The relay refused: " + e.getClass().getSimpleName() : e.getMessage());
        });
    }

    /** The whole form as the relay's update (every field set: what is shown is what is saved). */
    PracticeSettingsUpdate update() {
        List<PracticeSettingsView.ReviewLink> links = new ArrayList<>();
        inboxLinks.stream().filter(l -> !l.url().get().isBlank()).forEach(l -> links.add(new PracticeSettingsView.ReviewLink(l.inbox().id(), l.url().get().strip())));
        List<PracticeSettingsUpdate.FormInput> library = formRows.stream()
                .map(f -> new PracticeSettingsUpdate.FormInput(f.id(), f.name().get().strip(), f.url().get().strip())).toList();
        int[] d = lifetimes.stream().mapToInt(l -> days(l.days().get(), 1, 90)).toArray();
        return new PracticeSettingsUpdate(displayName.get().strip(),
                new PracticeSettingsView.Features(attachments.get(), paymentRequests.get(), reviewRequests.get(), forms.get(), treatmentPlans.get()),
                reviewUrl.get().strip(), links, days(repeatDays.get(), 0, 3650), library,
                new PracticeSettingsView.LinkDays(d[0], d[1], d[2], d[3], d[4]), askBirthDate.get(), null);
    }

    // --- what the view binds ------------------------------------------------------------------
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** "Saved…", the relay's refusal, or why nothing is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The payment provider in words ("Stripe, in USD"), read only. */
    public ReadOnlyStringProperty paymentsProperty() {
        return payments.getReadOnlyProperty();
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringBinding displayNameProblemProperty() {
        return displayNameProblem;
    }

    /** The five tools' switches, in the order of {@link #FEATURES}. */
    public List<BooleanProperty> features() {
        return List.of(attachments, paymentRequests, reviewRequests, forms, treatmentPlans);
    }

    static final List<String> FEATURES = List.of("Attachments", "Payment requests", "Review requests", "Forms", "Treatment plans");

    public StringProperty reviewUrlProperty() {
        return reviewUrl;
    }

    public StringBinding reviewUrlProblemProperty() {
        return reviewUrlProblem;
    }

    public ObservableList<InboxLink> inboxLinks() {
        return inboxLinks;
    }

    public StringProperty repeatDaysProperty() {
        return repeatDays;
    }

    public StringBinding repeatDaysProblemProperty() {
        return repeatDaysProblem;
    }

    public ObservableList<FormRow> formRows() {
        return formRows;
    }

    /** Names of the forms taken out since the last save (retired on save; requests already sent keep them). */
    public ObservableList<String> retired() {
        return retired;
    }

    public List<LinkLifetime> lifetimes() {
        return lifetimes;
    }

    public BooleanProperty askBirthDateProperty() {
        return askBirthDate;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
