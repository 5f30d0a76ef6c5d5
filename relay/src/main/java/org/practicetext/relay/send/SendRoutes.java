// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.practicetext.core.Permission;
import org.practicetext.protocol.CampaignMessageRequest;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.RetryRequest;
import org.practicetext.protocol.SendMessageRequest;
import org.practicetext.protocol.Sender;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.auth.Tokens;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.JsonBody;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.http.Texts;
import org.practicetext.relay.store.ApiKeys;
import org.practicetext.relay.store.Database;

/**
 * {@code POST /api/v1/messages} (a team member, bearer token), its retry
 * {@code POST /api/v1/messages/{id}/retry}, and
 * {@code POST /api/v1/campaign-messages} (another system, {@code X-Api-Key}). Both answer 202:
 * the message is stored as queued and goes to the carrier in the background.
 */
public final class SendRoutes {
    private static final int CAMPAIGN_MAX = 100;

    private final MessageSending sending;
    private final Database db;
    private final ApiKeys apiKeys = new ApiKeys();

    public SendRoutes(MessageSending sending, Database db) {
        this.sending = sending;
        this.db = db;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.SEND_MESSAGE, this::send);
        Routes.add(config, Endpoints.MESSAGE_RETRY, this::retry);
        Routes.add(config, Endpoints.CAMPAIGN_MESSAGE, this::campaign);
    }

    private void send(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_SEND);
        SendMessageRequest request = JsonBody.read(ctx, SendMessageRequest.class);
        if (request.request() != null && request.request().kind() != null) {
            who.require(request.request().kind().permission());
        }
        MessageSending.Accepted accepted = sending.accept(new Originator(who.practiceId(), who.region(), Sender.user(who.userId(), who.name())),
                new MessageSending.Draft(request.clientId(), request.conversationId(), request.to(), request.from(), request.body(), request.mediaUrls(),
                        request.uploads(), request.request(), null));
        answer(ctx, accepted);
    }

    /** Retrying needs what replying needs ({@code sms.send}); the message must be the caller's practice's (404 otherwise). */
    private void retry(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_SEND);
        long id = org.practicetext.relay.http.PathParams.id(ctx, "message");
        RetryRequest request = JsonBody.read(ctx, RetryRequest.class);
        answer(ctx, sending.retry(new Originator(who.practiceId(), who.region(), Sender.user(who.userId(), who.name())), id, request.clientId()));
    }

    private void campaign(Context ctx) {
        ApiKeys.Holder caller = apiKey(ctx.header("X-Api-Key"));
        CampaignMessageRequest request = JsonBody.read(ctx, CampaignMessageRequest.class);
        String campaign = request.campaign() == null ? "" : request.campaign().strip();
        if (campaign.isEmpty()) {
            throw ApiError.badRequest("campaign is required (at most " + CAMPAIGN_MAX
                    + " characters): its name labels the message, e.g. \"Appointment Reminders Campaign\".");
        }
        Texts.line("campaign", campaign, CAMPAIGN_MAX);
        String clientId = request.clientId() != null ? request.clientId() : ctx.header("Idempotency-Key");
        if (request.to() == null || request.to().isBlank()) {
            throw ApiError.badRequest("to is required: the patient's phone number.");
        }
        MessageSending.Accepted accepted = sending.accept(new Originator(caller.practiceId(), caller.region(), Sender.campaign(campaign)),
                new MessageSending.Draft(campaignClientId(caller, clientId), null, request.to(), null,
                        request.body(), request.mediaUrls()));
        answer(ctx, accepted);
    }

    /**
     * Campaign keys are scoped to the API key, so two systems cannot collide. Without a key each
     * post is a new message: the caller chose not to be protected against its own retries.
     */
    private static String campaignClientId(ApiKeys.Holder caller, String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return "c" + caller.keyId() + ":" + java.util.UUID.randomUUID();
        }
        if (!clientId.matches("[A-Za-z0-9._:-]{1,48}")) {
            throw ApiError.badRequest("clientId / Idempotency-Key must be 1-48 letters, digits or . _ : -");
        }
        return "c" + caller.keyId() + ":" + clientId;
    }

    private static void answer(Context ctx, MessageSending.Accepted accepted) {
        if (!accepted.created()) {
            ctx.header("Idempotent-Replay", "true");
        }
        ctx.status(202).json(accepted.message());
    }

    private ApiKeys.Holder apiKey(String key) {
        if (key == null || key.isBlank()) {
            throw ApiError.unauthorized("unauthorized", "Send the practice's API key in the X-Api-Key header.");
        }
        Optional<ApiKeys.Holder> caller = db.read(tx -> apiKeys.live(tx, Tokens.hash(key.strip())));
        return caller.orElseThrow(() -> ApiError.unauthorized("invalid_api_key", "This API key is not valid or was revoked."));
    }
}
