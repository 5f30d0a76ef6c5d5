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

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.SIMULATE_INBOUND, this::inbound);
    }

    private void inbound(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, org.practicetext.core.Permission.SMS_SEND);
        SimulatedInbound request = JsonBody.read(ctx, SimulatedInbound.class);
        if (request.body() == null || request.body().isBlank()) {
            throw ApiError.badRequest("body is required: the text the patient sends.");
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
        if (request.body().codePointCount(0, request.body().length()) > 1600) {
            throw ApiError.badRequest("A text can have at most 1600 characters.");
        }
        String sid = carrier.injectInbound(from.value(), to, request.body());
        ctx.status(202).json(new SimulatedInbound.Accepted(sid));
    }
}
