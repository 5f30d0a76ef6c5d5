// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.payments;

import static org.practicetext.relay.links.LinkPages.escape;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.practicetext.core.Money;
import org.practicetext.relay.links.LinkPages;

/**
 * The simulated provider's checkout page, only with {@code PT_PAYMENTS=simulated}: {@code GET
 * /simulator/payments/{sessionId}} looks like a card form (the test card filled in, "Pay $120.00",
 * a Cancel link back to the request's page), and its {@code POST} pays: the signed {@code
 * checkout.session.completed} reaches the relay's webhook, then the browser is sent (303) to the
 * order's success page. A page in the patient pages' style (no script, strict CSP, phone-sized);
 * an unknown session is a 404 page, an expired one a 410.
 */
public final class SimulatedPaymentRoutes {
    public static final String PAGE = "/simulator/payments/{sessionId}";

    private final SimulatedPayments payments;

    public SimulatedPaymentRoutes(SimulatedPayments payments) {
        this.payments = payments;
    }

    public void install(JavalinConfig config) {
        config.routes.get(PAGE, this::page);
        config.routes.post(PAGE, this::pay);
    }

    private void page(Context ctx) {
        Optional<SimulatedPayments.Session> found = find(ctx);
        if (found.isEmpty()) {
            return;
        }
        SimulatedPayments.Session s = found.get();
        PaymentProvider.Order order = s.order();
        String amount = escape(Money.format(order.amountCents(), order.currency()));
        if (s.state() == SimulatedPayments.State.PAID) {
            LinkPages.html(ctx, 200, order.practiceName(), "<h1>Paid</h1><p>" + amount + " to " + escape(order.practiceName())
                    + " is paid. Thank you.</p><p><a href=\"" + escape(order.successUrl()) + "\">Back to " + escape(order.practiceName()) + "</a></p>");
            return;
        }
        String what = order.description() == null || order.description().isBlank() ? "Payment" : order.description();
        LinkPages.html(ctx, 200, "Pay " + order.practiceName(), "<p class=\"meta\">Simulated payment: no card is charged.</p>"
                + "<h1>" + escape(order.practiceName()) + "</h1><p>" + escape(what) + "</p><p><strong>" + amount + "</strong></p>"
                + "<form method=\"post\" action=\"/simulator/payments/" + s.id() + "\">"
                + "<label for=\"card\">Card number</label>"
                + "<input id=\"card\" name=\"card\" inputmode=\"numeric\" autocomplete=\"cc-number\" value=\"4242 4242 4242 4242\" readonly>"
                + "<label for=\"exp\">Expiry (MM / YY)</label><input id=\"exp\" name=\"exp\" value=\"12 / 34\" readonly>"
                + "<label for=\"cvc\">CVC</label><input id=\"cvc\" name=\"cvc\" value=\"123\" readonly>"
                + "<button type=\"submit\">Pay " + amount + "</button></form>"
                + "<p><a href=\"" + escape(order.cancelUrl()) + "\">Cancel</a></p>");
    }

    private void pay(Context ctx) {
        Optional<SimulatedPayments.Session> found = find(ctx);
        if (found.isEmpty()) {
            return;
        }
        Optional<SimulatedPayments.Session> after = payments.pay(found.get().id());
        if (after.isEmpty() || after.get().state() == SimulatedPayments.State.EXPIRED) {
            expired(ctx, found.get());
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(after.get().order().successUrl(), HttpStatus.SEE_OTHER);
    }

    /** The session of the path, or a page that says why there is none (unknown: 404, ended unpaid: 410). */
    private Optional<SimulatedPayments.Session> find(Context ctx) {
        String id = ctx.pathParam("sessionId");
        Optional<SimulatedPayments.Session> s = id.matches(SimulatedPayments.ID_PREFIX + "[0-9a-f]{32}") ? payments.session(id) : Optional.empty();
        if (s.isEmpty()) {
            LinkPages.html(ctx, 404, "PracticeText", "<h1>This payment page is not valid</h1><p>Go back to the link in your text message and press Pay again.</p>");
            return Optional.empty();
        }
        if (s.get().state() == SimulatedPayments.State.EXPIRED) {
            expired(ctx, s.get());
            return Optional.empty();
        }
        return s;
    }

    private static void expired(Context ctx, SimulatedPayments.Session s) {
        LinkPages.html(ctx, 410, s.order().practiceName(), "<h1>This payment page has expired</h1><p>Nothing was charged. Go back to "
                + "<a href=\"" + escape(s.order().cancelUrl()) + "\">the payment request</a> and press Pay again.</p>");
    }
}
