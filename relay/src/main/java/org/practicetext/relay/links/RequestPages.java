// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.links;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.practicetext.core.Money;
import org.practicetext.core.RequestKind;
import org.practicetext.core.RequestStatus;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.requests.RequestService;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Requests.Row;
import org.practicetext.relay.store.SecureLinks;
import org.practicetext.relay.store.SecureLinks.Link;

/**
 * The patient's pages of a request's link (ADR 0024), behind the same {@code /l/{token}} as a
 * secure document and under the same rules (no script, nothing cached, never framed; a phone's
 * link preview never counts as an opening):
 * <ul>
 * <li>a review forwards to the inbox's review page through {@code /go}, by {@code <meta refresh>};</li>
 * <li>forms are a list of buttons, each forwarding to the practice's form (through {@code /forms/{id}});</li>
 * <li>a payment shows what it is for and the amount, its statement, and Pay, which opens the
 *     provider's checkout (made at that moment);</li>
 * <li>a treatment plan, once the date of birth (or a button) let the patient in, shows the plan and
 *     Accept / Decline; the answer is final.</li>
 * </ul>
 * A cancelled or replaced request's link says so (410), as an expired one does.
 */
final class RequestPages {
    static final String GO = "/l/{token}/go";
    static final String FORM = "/l/{token}/forms/{form}";
    static final String PAY = "/l/{token}/pay";
    static final String DECISION = "/l/{token}/decision";

    private final RequestService requests;
    private final Database db;
    private final Clock clock;
    private final Contacts contacts = new Contacts();
    private final SecureLinks links = new SecureLinks();

    private final boolean simulated;

    RequestPages(RequestService requests, Database db, Clock clock, boolean simulated) {
        this.requests = requests;
        this.db = db;
        this.clock = clock;
        this.simulated = simulated;
    }

    /** Where to send the patient: the address, or with the simulated carrier its stand-in on this relay. */
    private String destination(String url) {
        return simulated ? SimulatedDestinations.local(url).orElse(url) : url;
    }

    Optional<Row> of(Link link) {
        return requests.byToken(link.token());
    }

    /** A cancelled or replaced request's page: said plainly, nothing else shown. True when it answered. */
    boolean ended(Context ctx, Link link, Row r) {
        if (r.status() != RequestStatus.CANCELLED) {
            return false;
        }
        String who = LinkPages.escape(link.practiceName());
        String body = r.replacedById() != null
                ? "<h1>This link was replaced</h1><p>" + who + " sent you a newer link. Please use the one in their most recent text message.</p>"
                : "<h1>This request was cancelled</h1><p>" + who + " cancelled it, so there is nothing to do here. If you have a question, "
                        + "please contact " + who + ".</p>";
        LinkPages.html(ctx, 410, link.practiceName(), body);
        return true;
    }

    /** Whether the page is shown without the date of birth or a button first (reviews, forms, and payments that do not ask it). */
    static boolean open(Link link, Row r) {
        return r.kind() == RequestKind.REVIEW || r.kind() == RequestKind.FORMS || r.kind() == RequestKind.PAYMENT && !link.asksBirthDate();
    }

    /** The request's page, once the patient may see it. */
    void show(Context ctx, Link link, Row r) {
        switch (r.kind()) {
            case REVIEW -> review(ctx, link);
            case FORMS -> forms(ctx, link, r);
            case PAYMENT -> payment(ctx, link, r);
            case TREATMENT_PLAN -> {
                requests.opened(r);
                plan(ctx, link, requests.reread(r).orElse(r));
            }
        }
    }

    /** The first page of a request that asks first: its heading and button. */
    static String[] askWords(Row r) {
        return switch (r.kind()) {
            case TREATMENT_PLAN -> new String[] {"Your treatment plan", " sent you a treatment plan.", "Show my treatment plan"};
            case PAYMENT -> new String[] {"Your payment request", " sent you a payment request.", "Show my payment request"};
            default -> new String[] {"Your documents", " sent you a document.", "Show my document"};
        };
    }

    private void review(Context ctx, Link link) {
        String go = "/l/" + link.token() + "/go";
        LinkPages.html(ctx, 200, link.practiceName(), "<meta http-equiv=\"refresh\" content=\"0;url=" + go + "\">",
                "<h1>Thank you for visiting " + LinkPages.escape(link.practiceName()) + "</h1><p>Taking you to the review page…</p>"
                        + "<p><a class=\"button\" href=\"" + go + "\">Continue to the review page</a></p>");
    }

    /** {@code GET /l/{token}/go}: the patient's browser followed the review page: opened, and on to the review site. */
    void go(Context ctx, Link link, Row r) {
        if (r.kind() != RequestKind.REVIEW || r.destination() == null) {
            LinkPages.html(ctx, 404, link.practiceName(), "<h1>Not found</h1><p>There is nothing to open behind this link.</p>");
            return;
        }
        requests.opened(r);
        ctx.redirect(destination(r.destination()), HttpStatus.SEE_OTHER);
    }

    private void forms(Context ctx, Link link, Row r) {
        StringBuilder body = new StringBuilder("<h1>Your forms</h1>");
        if (r.status() == RequestStatus.COMPLETED) {
            body.append("<p>Thank you: ").append(LinkPages.escape(link.practiceName())).append(" has your forms.</p>");
            LinkPages.html(ctx, 200, link.practiceName(), body.toString());
            return;
        }
        List<RequestService.SentForm> forms = RequestService.sentForms(r);
        body.append("<p>").append(LinkPages.escape(link.practiceName())).append(forms.size() == 1 ? " asks you to fill in this form." : " asks you to fill in these forms.")
                .append("</p><ul>");
        for (RequestService.SentForm f : forms) {
            body.append("<li><a class=\"doc\" href=\"/l/").append(link.token()).append("/forms/").append(f.id()).append("\"><span class=\"name\">")
                    .append(LinkPages.escape(f.name())).append("</span> <span class=\"meta\">Open the form</span></a></li>");
        }
        body.append("</ul>").append(until(link, r));
        LinkPages.html(ctx, 200, link.practiceName(), body.toString());
    }

    /** {@code GET /l/{token}/forms/{form}}: opened, and on to the practice's form with the patient's id and the request's id filled in. */
    void form(Context ctx, Link link, Row r) {
        String text = ctx.pathParam("form");
        Optional<RequestService.SentForm> form = r.kind() != RequestKind.FORMS || !text.matches("[0-9]{1,9}") ? Optional.empty()
                : RequestService.sentForms(r).stream().filter(f -> f.id() == Long.parseLong(text)).findFirst();
        if (form.isEmpty()) {
            LinkPages.html(ctx, 404, link.practiceName(), "<h1>Not found</h1><p>There is no such form behind this link.</p>");
            return;
        }
        requests.opened(r);
        String patientId = db.read(tx -> contacts.byId(tx, r.practiceId(), r.contactId())).map(c -> c.externalId() == null ? "" : c.externalId())
                .orElse("");
        String url = form.get().url().replace("{patientId}", URLEncoder.encode(patientId, StandardCharsets.UTF_8))
                .replace("{requestId}", Long.toString(r.id()));
        ctx.redirect(destination(url), HttpStatus.SEE_OTHER);
    }

    private void payment(Context ctx, Link link, Row r) {
        String practice = LinkPages.escape(link.practiceName());
        String amount = Money.format(r.amountCents(), r.currency());
        if (r.status() == RequestStatus.PAID) {
            String when = day(link, r.finishedAt());
            String body = RequestService.PATIENT.equals(r.finishedBy())
                    ? "<h1>Thank you</h1><p>Your payment of " + amount + " to " + practice + " was received on " + when + ".</p>"
                    : "<h1>Nothing to pay</h1><p>" + practice + " recorded this payment as settled on " + when + ".</p>";
            LinkPages.html(ctx, 200, link.practiceName(), body);
            return;
        }
        if ("1".equals(ctx.queryParam("paid"))) {
            LinkPages.html(ctx, 200, link.practiceName(), "<meta http-equiv=\"refresh\" content=\"5\">",
                    "<h1>Thank you</h1><p>Your payment is being confirmed; this page updates in a moment. You can also close it: " + practice
                            + " will see the payment.</p>");
            return;
        }
        StringBuilder body = new StringBuilder("<h1>Payment request</h1><p>From ").append(practice).append(".</p>")
                .append("<p class=\"amount\">").append(amount).append("</p>");
        if (r.description() != null) {
            body.append("<p>For: ").append(LinkPages.escape(r.description())).append("</p>");
        }
        body.append(documents(link));
        body.append("<form method=\"post\" action=\"/l/").append(link.token()).append("/pay\"><button type=\"submit\">Pay ").append(amount)
                .append("</button></form><p class=\"meta\">You pay on the secure page of the practice's payment processor. ")
                .append(untilText(link, r)).append("</p>");
        LinkPages.html(ctx, 200, link.practiceName(), body.toString());
    }

    /** {@code POST /l/{token}/pay}: opened, and to the provider's checkout. */
    void pay(Context ctx, Link link, Row r) {
        if (r.kind() != RequestKind.PAYMENT) {
            LinkPages.html(ctx, 404, link.practiceName(), "<h1>Not found</h1><p>There is nothing to pay behind this link.</p>");
            return;
        }
        if (r.status() == RequestStatus.PAID) {
            ctx.redirect("/l/" + link.token(), HttpStatus.SEE_OTHER);
            return;
        }
        requests.opened(r);
        String url;
        try {
            url = requests.checkout(requests.reread(r).orElse(r), link.practiceName());
        } catch (Refusal e) {
            LinkPages.html(ctx, 503, link.practiceName(), "<h1>Payment is not available right now</h1><p>" + LinkPages.escape(e.getMessage())
                    + " Your link still works, or you can contact " + LinkPages.escape(link.practiceName()) + ".</p>");
            ctx.header("Retry-After", "120");
            return;
        }
        ctx.redirect(url, HttpStatus.SEE_OTHER);
    }

    private void plan(Context ctx, Link link, Row r) {
        String practice = LinkPages.escape(link.practiceName());
        StringBuilder body = new StringBuilder("<h1>Your treatment plan</h1><p>From ").append(practice).append(".</p>");
        if (r.description() != null) {
            body.append("<p><strong>").append(LinkPages.escape(r.description())).append("</strong></p>");
        }
        if (r.amountCents() != null) {
            body.append("<p class=\"amount\">Total: ").append(Money.format(r.amountCents(), r.currency())).append("</p>");
        }
        body.append(documents(link));
        if (r.status() == RequestStatus.ACCEPTED || r.status() == RequestStatus.DECLINED) {
            body.append("<p class=\"answer\" role=\"status\">You ").append(r.status() == RequestStatus.ACCEPTED ? "accepted" : "declined")
                    .append(" this treatment plan on ").append(day(link, r.finishedAt())).append(". ").append(practice)
                    .append(" will be in touch. To change your answer, please contact them.</p>");
        } else if (r.status().open()) {
            body.append("<p>Please read the plan, then let ").append(practice).append(" know your decision.</p><form method=\"post\" action=\"/l/")
                    .append(link.token()).append("/decision\"><button type=\"submit\" name=\"decision\" value=\"accept\">Accept the treatment plan</button>")
                    .append("<button type=\"submit\" name=\"decision\" value=\"decline\" class=\"secondary\">Decline</button></form>")
                    .append("<p class=\"meta\">").append(untilText(link, r)).append("</p>");
        }
        LinkPages.html(ctx, 200, link.practiceName(), body.toString());
    }

    /** {@code POST /l/{token}/decision}: the patient's answer, once. */
    void decide(Context ctx, Link link, Row r) {
        String decision = ctx.formParam("decision");
        if (r.kind() != RequestKind.TREATMENT_PLAN || !("accept".equals(decision) || "decline".equals(decision))) {
            LinkPages.html(ctx, 400, link.practiceName(), "<h1>Please choose</h1><p>Go back and press Accept or Decline.</p>");
            return;
        }
        requests.answer(r, "accept".equals(decision));
        ctx.redirect("/l/" + link.token(), HttpStatus.SEE_OTHER);
    }

    private String documents(Link link) {
        List<SecureLinks.Listed> files = db.read(tx -> links.files(tx, link.messageId()));
        if (files.isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("<ul>");
        for (SecureLinks.Listed f : files) {
            list.append("<li><a class=\"doc\" href=\"/l/").append(link.token()).append("/files/").append(f.position()).append("\" download>")
                    .append("<span class=\"name\">").append(LinkPages.escape(f.fileName())).append("</span> <span class=\"meta\">PDF, ")
                    .append(LinkPages.size(f.size())).append(" · Download</span></a></li>");
        }
        return list.append("</ul>").toString();
    }

    private String until(Link link, Row r) {
        return "<p class=\"meta\">" + untilText(link, r) + "</p>";
    }

    private String untilText(Link link, Row r) {
        return "This link works until " + day(link, r.expiresAt()) + ".";
    }

    private String day(Link link, Instant at) {
        return DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).withZone(zone(link)).format(at == null ? clock.instant() : at);
    }

    private static ZoneId zone(Link link) {
        try {
            return ZoneId.of(link.timeZone());
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
