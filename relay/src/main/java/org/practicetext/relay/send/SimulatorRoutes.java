// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.practicetext.core.E164Number;
import org.practicetext.core.InvalidPhoneNumberException;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.SimulatedInbound;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.JsonBody;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;

/**
 * {@code POST /api/v1/simulator/inbound} — only with the simulated carrier: "receive a text from a
 * patient". The text travels the real, signed {@code /twilio/sms} path, exactly as Twilio's would.
 */
public final class SimulatorRoutes {
    private final SimulatedCarrier carrier;
    private final Database db;

    public SimulatorRoutes(SimulatedCarrier carrier, Database db) {
        this.carrier = carrier;
        this.db = db;
    }

    /** The simulated carrier's media, where the relay fetches an inbound file from (as from Twilio's); not a desk's route. */
    public static final String MEDIA = SimulatedCarrier.API_BASE_PATH + "/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}";
    private static final int MOST_FILES = 10;
    private static final int LARGEST_FILE = 5 * 1024 * 1024;

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.SIMULATE_INBOUND, this::inbound);
        config.routes.get(MEDIA, this::media);
    }

    private void media(Context ctx) {
        var file = carrier.media(ctx.pathParam("account"), ctx.pathParam("message"), ctx.pathParam("media"), ctx.header("Authorization"));
        if (file.isEmpty()) {
            throw new ApiError(404, "not_found", "No such media (or not this account's credentials).");
        }
        ctx.contentType(file.get().contentType());
        ctx.result(file.get().content());
    }

    private void inbound(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, org.practicetext.core.Permission.SMS_SEND);
        SimulatedInbound request = JsonBody.read(ctx, SimulatedInbound.class);
        String body = request.body() == null ? "" : request.body();
        if (body.isBlank() && request.media().isEmpty()) {
            throw ApiError.badRequest("body is required (or media): the text the patient sends.");
        }
        if (request.media().size() > MOST_FILES) {
            throw ApiError.badRequest("A text carries at most " + MOST_FILES + " files.");
        }
        java.util.List<SimulatedCarrier.Media> files = new java.util.ArrayList<>();
        for (int i = 0; i < request.media().size(); i++) {
            SimulatedInbound.File f = request.media().get(i);
            if (f == null || f.data() == null || f.data().length == 0 || f.data().length > LARGEST_FILE) {
                throw ApiError.badRequest("media[" + i + "] needs data: 1 byte to 5 MB, base64.");
            }
            String type = f.contentType() == null || f.contentType().isBlank() ? "application/octet-stream" : f.contentType().strip();
            if (!type.matches("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+")) {
                throw ApiError.badRequest("media[" + i + "].contentType must be a content type such as image/jpeg.");
            }
            files.add(new SimulatedCarrier.Media(type, f.data()));
        }
        E164Number from;
        try {
            from = new PhoneNumbers(who.region()).parse(request.from());
        } catch (InvalidPhoneNumberException e) {
            throw new ApiError(422, "invalid_phone", e.getMessage());
        }
        var numbers = db.read(tx -> new Practices().numbers(tx, who.practiceId()));
        if (numbers.isEmpty()) {
            throw new ApiError(409, "no_number", "The practice has no texting number.");
        }
        String to = request.to() == null ? numbers.getFirst().phone() : request.to();
        if (numbers.stream().noneMatch(n -> n.phone().equals(to))) {
            throw ApiError.badRequest("to must be one of the practice's numbers.");
        }
        if (body.codePointCount(0, body.length()) > 1600) {
            throw ApiError.badRequest("A text can have at most 1600 characters.");
        }
        String sid = carrier.injectInbound(from.value(), to, body, files);
        ctx.status(202).json(new SimulatedInbound.Accepted(sid));
    }
}
