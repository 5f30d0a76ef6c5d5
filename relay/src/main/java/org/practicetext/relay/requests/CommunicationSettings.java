// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.practicetext.protocol.EventTypes;
import org.practicetext.protocol.Json;
import org.practicetext.protocol.PracticeSettingsUpdate;
import org.practicetext.protocol.PracticeSettingsView;
import org.practicetext.protocol.PracticeSettingsView.Features;
import org.practicetext.protocol.PracticeSettingsView.FormView;
import org.practicetext.protocol.PracticeSettingsView.LinkDays;
import org.practicetext.protocol.PracticeSettingsView.Privacy;
import org.practicetext.protocol.PracticeSettingsView.ReviewLink;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Requests;
import org.practicetext.relay.store.SecureLinks;
import org.practicetext.relay.store.Tx;

/**
 * A practice's communication settings (ADR 0024): kept as one JSON document per practice, except
 * what the document links already read from the practice's row (whether they ask the date of
 * birth, their lifetime). Every change is one feed event of type {@code settings}, and so is a
 * change of what the relay's configuration adds (the payment provider, the currency, the links'
 * base), found at start.
 */
public final class CommunicationSettings {
    static final int NAME_MAX = 60;
    static final int URL_MAX = 1000;
    static final int FORMS_MAX = 50;
    static final int FORM_NAME_MAX = 80;
    static final int REPEAT_DAYS_MAX = 730;
    static final int LINK_DAYS_MAX = 90;
    private static final Set<String> FORM_PLACEHOLDERS = Set.of("{patientId}", "{requestId}");

    /** The stored document: what an admin set, and what the relay's configuration last published. */
    record Stored(String displayName, Features features, String reviewUrl, List<ReviewLink> reviewLinks, Integer reviewRepeatDays,
                  List<StoredForm> forms, Integer paymentDays, Integer reviewDays, Integer formsDays, Integer treatmentPlanDays, Published published,
                  Privacy privacy) {
        Stored {
            reviewLinks = reviewLinks == null ? List.of() : List.copyOf(reviewLinks);
            forms = forms == null ? List.of() : List.copyOf(forms);
        }

        static Stored initial() {
            LinkDays d = LinkDays.DEFAULT;
            return new Stored(null, Features.DEFAULT, null, List.of(), 182, List.of(), d.payment(), d.review(), d.forms(), d.treatmentPlan(), null, Privacy.DEFAULT);
        }
    }

    /** A form of the library; a retired one is kept so requests already sent still name it. */
    record StoredForm(long id, String name, String url, boolean retired) {
    }

    /** What the relay's configuration adds to the view, as last announced. */
    record Published(String payments, String currency, String linkBase) {
    }

    private final Database db;
    private final PracticeWrites writes;
    private final Clock clock;
    private final Supplier<String> publicBase;
    private final Supplier<String> payments;
    private final String currency;
    private final Requests store = new Requests();
    private final Practices practices = new Practices();
    private final SecureLinks links = new SecureLinks();

    /** {@code payments} names the relay's payment provider ("stripe", "simulated" or "none"). */
    public CommunicationSettings(Database db, ChangeFeed feed, Clock clock, Supplier<String> publicBase, Supplier<String> payments, String currency) {
        this.db = db;
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
        this.publicBase = publicBase;
        this.payments = payments;
        this.currency = currency;
    }

    /** The provider's name: "stripe", "simulated" or "none". */
    public String payments() {
        return payments.get();
    }

    public String currency() {
        return currency;
    }

    /** The start of every tracked link. */
    public String linkBase() {
        return publicBase.get() + "/l/";
    }

    public PracticeSettingsView view(long practiceId) {
        return db.read(tx -> view(tx, practiceId));
    }

    PracticeSettingsView view(Tx tx, long practiceId) throws SQLException {
        Stored s = stored(tx, practiceId);
        Practices.Practice practice = practices.byId(tx, practiceId).orElseThrow();
        SecureLinks.Settings documents = links.settings(tx, practiceId);
        Instant updated = store.settingsUpdatedAt(tx, practiceId).orElse(null);
        List<FormView> forms = s.forms().stream().filter(f -> !f.retired()).map(f -> new FormView(f.id(), f.name(), f.url())).toList();
        return new PracticeSettingsView(practiceId, displayName(s, practice), s.features() == null ? Features.DEFAULT : s.features(), currency, payments.get(),
                s.reviewUrl(), s.reviewLinks(), s.reviewRepeatDays() == null ? 182 : s.reviewRepeatDays(), forms,
                new LinkDays(s.paymentDays(), s.reviewDays(), s.formsDays(), s.treatmentPlanDays(), documents.days()), documents.askBirthDate(),
                linkBase(), s.privacy() == null ? Privacy.DEFAULT : s.privacy(), updated);
    }

    /** A form of the library by id, retired or not (a request names the form as it was). */
    Optional<StoredForm> form(Tx tx, long practiceId, long formId) throws SQLException {
        return stored(tx, practiceId).forms().stream().filter(f -> f.id() == formId).findFirst();
    }

    /** How texts and pages name the practice: its display name, else its name. */
    public String displayName(long practiceId) {
        return db.read(tx -> displayName(tx, practiceId));
    }

    /** The display name inside the caller's transaction. */
    public String displayName(Tx tx, long practiceId) throws SQLException {
        return displayName(stored(tx, practiceId), practices.byId(tx, practiceId).orElseThrow());
    }

    Stored stored(Tx tx, long practiceId) throws SQLException {
        Optional<String> document = store.settings(tx, practiceId);
        if (document.isEmpty()) {
            return Stored.initial();
        }
        try {
            return Json.mapper().readValue(document.get(), Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("practice " + practiceId + ": its settings document does not read", e);
        }
    }

    private static String displayName(Stored s, Practices.Practice practice) {
        return s.displayName() == null || s.displayName().isBlank() ? practice.name() : s.displayName();
    }

    /** An admin's change: validated whole, then stored and announced in one transaction. */
    public PracticeSettingsView update(long practiceId, PracticeSettingsUpdate change) {
        if (change == null) {
            throw Refusal.invalid("Send the settings to change as a JSON object.");
        }
        String displayName = change.displayName() == null ? null : Texts.line("displayName", change.displayName().strip(), NAME_MAX);
        if (displayName != null && displayName.isBlank()) {
            throw Refusal.invalid("displayName cannot be empty: it is how texts name the practice.");
        }
        String reviewUrl = change.reviewUrl() == null ? null : change.reviewUrl().isBlank() ? "" : webAddress("reviewUrl", change.reviewUrl(), false);
        Integer repeat = change.reviewRepeatDays();
        if (repeat != null && (repeat < 0 || repeat > REPEAT_DAYS_MAX)) {
            throw Refusal.invalid("reviewRepeatDays must be 0 (no limit) to " + REPEAT_DAYS_MAX + ".");
        }
        LinkDays days = change.linkDays();
        if (days != null) {
            for (int d : new int[] {days.payment(), days.review(), days.forms(), days.treatmentPlan(), days.documents()}) {
                if (d < 1 || d > LINK_DAYS_MAX) {
                    throw Refusal.invalid("Every link lifetime (linkDays) must be 1 to " + LINK_DAYS_MAX + " days.");
                }
            }
        }
        Privacy privacy = change.privacy();
        if (privacy != null && (privacy.lockAfterMinutes() < 0 || privacy.lockAfterMinutes() > Privacy.LOCK_MINUTES_MAX)) {
            throw Refusal.invalid("privacy.lockAfterMinutes must be 0 (never lock) to " + Privacy.LOCK_MINUTES_MAX + " minutes.");
        }
        if (change.forms() != null && change.forms().size() > FORMS_MAX) {
            throw Refusal.invalid("The form library holds at most " + FORMS_MAX + " forms.");
        }
        return writes.run(practiceId, tx -> {
            Stored s = stored(tx, practiceId);
            List<ReviewLink> reviewLinks = change.reviewLinks() == null ? s.reviewLinks() : reviewLinks(tx, practiceId, change.reviewLinks());
            List<StoredForm> forms = change.forms() == null ? s.forms() : forms(s.forms(), change.forms());
            Stored next = new Stored(displayName == null ? s.displayName() : displayName, change.features() == null ? s.features() : change.features(),
                    reviewUrl == null ? s.reviewUrl() : reviewUrl.isEmpty() ? null : reviewUrl, reviewLinks,
                    repeat == null ? s.reviewRepeatDays() : repeat, forms, days == null ? s.paymentDays() : days.payment(),
                    days == null ? s.reviewDays() : days.review(), days == null ? s.formsDays() : days.forms(),
                    days == null ? s.treatmentPlanDays() : days.treatmentPlan(), published(), privacy == null ? s.privacy() : privacy);
            SecureLinks.Settings documents = links.settings(tx, practiceId);
            links.setSettings(tx, practiceId, new SecureLinks.Settings(change.linksAskBirthDate() == null ? documents.askBirthDate()
                    : change.linksAskBirthDate(), days == null ? documents.days() : days.documents()));
            return save(tx, practiceId, next);
        });
    }

    /**
     * At start: a practice that has no settings event yet gets one (the feed's snapshot must carry
     * them), and so does one whose view changed with the relay's configuration.
     */
    public void publishAll() {
        List<Long> ids = db.read(tx -> practices.all(tx).stream().map(Practices.Practice::id).toList());
        for (long id : ids) {
            publish(id);
        }
    }

    /** Announces a practice's settings if they were never announced or the relay's configuration changed them. */
    public void publish(long practiceId) {
        writes.run(practiceId, tx -> {
            Optional<String> document = store.settings(tx, practiceId);
            Stored s = stored(tx, practiceId);
            if (document.isPresent() && published().equals(s.published())) {
                return null;
            }
            return save(tx, practiceId, new Stored(s.displayName(), s.features(), s.reviewUrl(), s.reviewLinks(), s.reviewRepeatDays(), s.forms(),
                    s.paymentDays(), s.reviewDays(), s.formsDays(), s.treatmentPlanDays(), published(), s.privacy()));
        });
    }

    private PracticeSettingsView save(Tx tx, long practiceId, Stored next) throws SQLException {
        try {
            store.saveSettings(tx, practiceId, Json.mapper().writeValueAsString(next), clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings do not write as JSON", e);
        }
        PracticeSettingsView view = view(tx, practiceId);
        writes.events().changed(tx, practiceId, EventTypes.SETTINGS, practiceId, view);
        return view;
    }

    private Published published() {
        return new Published(payments.get(), currency, linkBase());
    }

    private List<ReviewLink> reviewLinks(Tx tx, long practiceId, List<ReviewLink> given) throws SQLException {
        List<ReviewLink> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ReviewLink link = given.get(i);
            if (link == null || practices.inbox(tx, practiceId, link.inboxId()).filter(inbox -> !inbox.deleted()).isEmpty()) {
                throw Refusal.invalid("reviewLinks[" + i + "] names no inbox of the practice.");
            }
            if (!seen.add(link.inboxId())) {
                throw Refusal.invalid("reviewLinks names inbox " + link.inboxId() + " twice.");
            }
            if (link.url() != null && !link.url().isBlank()) {
                out.add(new ReviewLink(link.inboxId(), webAddress("reviewLinks[" + i + "].url", link.url(), false)));
            }
        }
        return List.copyOf(out);
    }

    private List<StoredForm> forms(List<StoredForm> current, List<PracticeSettingsUpdate.FormInput> given) {
        long next = current.stream().mapToLong(StoredForm::id).max().orElse(0) + 1;
        List<StoredForm> out = new ArrayList<>();
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            PracticeSettingsUpdate.FormInput f = given.get(i);
            if (f == null) {
                throw Refusal.invalid("forms[" + i + "] is empty.");
            }
            String name = Texts.line("forms[" + i + "].name", f.name() == null ? "" : f.name().strip(), FORM_NAME_MAX);
            if (name.isBlank()) {
                throw Refusal.invalid("forms[" + i + "].name is required: the name the patient sees.");
            }
            String url = webAddress("forms[" + i + "].url", f.url(), true);
            if (f.id() != null) {
                if (current.stream().noneMatch(c -> c.id() == f.id()) || !kept.add(f.id())) {
                    throw Refusal.invalid("forms[" + i + "].id " + f.id() + " is not a form of the library (leave it out for a new form).");
                }
                out.add(new StoredForm(f.id(), name, url, false));
            } else {
                out.add(new StoredForm(next++, name, url, false));
            }
        }
        for (StoredForm old : current) {
            if (!kept.contains(old.id())) {
                out.add(new StoredForm(old.id(), old.name(), old.url(), true));
            }
        }
        return List.copyOf(out);
    }

    /** A public {@code https} address (the relay's own {@code http} base is fine for the demo); form URLs may hold the two placeholders. */
    private String webAddress(String field, String value, boolean placeholders) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field + " is required: an https address.");
        }
        String text = value.strip();
        if (Texts.length(text) > URL_MAX) {
            throw Refusal.invalid(field + " is longer than " + URL_MAX + " characters.");
        }
        String plain = text;
        if (placeholders) {
            for (String p : FORM_PLACEHOLDERS) {
                plain = plain.replace(p, "x");
            }
            if (plain.contains("{") || plain.contains("}")) {
                throw Refusal.invalid(field + " may hold only the placeholders {patientId} and {requestId}.");
            }
        }
        URI uri;
        try {
            uri = URI.create(plain);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(field + " is not a valid web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean own = text.startsWith(publicBase.get());
        if (uri.getHost() == null || !(scheme.equals("https") || own && scheme.equals("http")) || uri.getUserInfo() != null) {
            throw Refusal.invalid(field + " must be an https address (such as https://g.page/r/…/review).");
        }
        return text;
    }
}
