// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.links;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.requests.RequestService;

/**
 * With the simulated carrier (the demo, tests), the places a request's link forwards to that are
 * not the relay's: a review site and the practice's form system, at addresses under
 * {@value #HOST_SUFFIX} (a name that never resolves). The patient's page forwards to these pages
 * instead, and a simulated form's Submit reports the form completed, as a real form system would
 * with the practice's API key. Nothing here is served with the Twilio carrier.
 */
public final class SimulatedDestinations {
    public static final String HOST_SUFFIX = ".simulator.invalid";
    public static final String REVIEW = "/simulator/review/{place}";
    public static final String FORM = "/simulator/forms/{form}";

    private final RequestService requests;

    public SimulatedDestinations(RequestService requests) {
        this.requests = requests;
    }

    public void install(JavalinConfig config) {
        config.routes.get(REVIEW, this::review);
        config.routes.post(REVIEW, ctx -> LinkPages.html(ctx, 200, "Review (simulated)",
                "<h1>Thank you for your review</h1><p>This is the demo's stand-in for a review site: nothing was posted anywhere.</p>"));
        config.routes.get(FORM, this::form);
        config.routes.post(FORM, this::submit);
    }

    /** Where a simulated destination is served on this relay; empty for any other address. */
    static Optional<String> local(String destination) {
        URI uri;
        try {
            uri = URI.create(destination);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || !uri.getHost().endsWith(HOST_SUFFIX)) {
            return Optional.empty();
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String rest = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/page" : uri.getRawPath();
        return Optional.of((uri.getHost().startsWith("review.") ? "/simulator/review" : "/simulator/forms") + rest + query);
    }

    private void review(Context ctx) {
        LinkPages.html(ctx, 200, "Review (simulated)", "<h1>How was your visit?</h1><p class=\"meta\">The demo's stand-in for the practice's "
                + "review page (Google, Yelp…).</p><form method=\"post\"><label for=\"stars\">Stars</label><input id=\"stars\" name=\"stars\" "
                + "type=\"number\" min=\"1\" max=\"5\" value=\"5\"><label for=\"words\">Your review</label><input id=\"words\" name=\"words\">"
                + "<button type=\"submit\">Post review</button></form>");
    }

    private void form(Context ctx) {
        String request = ctx.queryParam("request");
        String name = ctx.pathParam("form").replace('-', ' ');
        LinkPages.html(ctx, 200, "Form (simulated)", "<h1>" + LinkPages.escape(name.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + name.substring(1)) + "</h1><p class=\"meta\">The demo's stand-in for the practice's form system.</p><form method=\"post\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + LinkPages.escape(request == null ? "" : request) + "\">"
                + "<label for=\"allergies\">Allergies</label><input id=\"allergies\" name=\"allergies\">"
                + "<button type=\"submit\">Submit the form</button></form>");
    }

    private void submit(Context ctx) {
        String request = ctx.formParam("request");
        if (request == null || !request.matches("[0-9]{1,18}")) {
            LinkPages.html(ctx, 400, "Form (simulated)", "<h1>Not sent</h1><p>This form was not opened from a request's link.</p>");
            return;
        }
        try {
            requests.completeBySimulatedFormSystem(Long.parseLong(request));
        } catch (Refusal e) {
            LinkPages.html(ctx, 404, "Form (simulated)", "<h1>Not sent</h1><p>" + LinkPages.escape(e.getMessage()) + "</p>");
            return;
        }
        LinkPages.html(ctx, 200, "Form (simulated)", "<h1>Thank you</h1><p>Your form was sent to the practice.</p>");
    }
}
