// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /twilio/sms} and {@code POST /twilio/status}: the signature is checked before
 * anything is parsed or stored, and Twilio gets its 200 only once the webhook is recorded
 * durably ({@link WebhookIntake}); what it implies is applied from that record.
 */
public final class WebhookRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioSignature signature;
    private final Supplier<WebhookUrls> urls;
    private final WebhookIntake intake;

    public WebhookRoutes(TwilioSignature signature, Supplier<WebhookUrls> urls, WebhookIntake intake) {
        this.signature = signature;
        this.urls = urls;
        this.intake = intake;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.TWILIO_SMS, this::inboundSms);
        Routes.add(config, Endpoints.TWILIO_STATUS, this::statusCallback);
    }

    private void inboundSms(Context ctx) {
        Map<String, List<String>> form = verifiedForm(ctx);
        intake.inbound(InboundSms.from(form), form);
        ctx.contentType("text/xml; charset=UTF-8").result(EMPTY_TWIML);
    }

    private void statusCallback(Context ctx) {
        Map<String, List<String>> form = verifiedForm(ctx);
        StatusCallback.from(form); // a malformed report is refused before it is recorded
        intake.status(form);
        ctx.status(200).contentType("text/plain").result("");
    }

    private Map<String, List<String>> verifiedForm(Context ctx) {
        Map<String, List<String>> form = ctx.formParamMap();
        String given = ctx.header("X-Twilio-Signature");
        for (String url : urls.get().candidates(ctx.path(), ctx.queryString())) {
            if (signature.matches(url, form, given)) {
                return form;
            }
        }
        LOG.warn("rejected {} with a bad or missing X-Twilio-Signature from {}", ctx.path(), ctx.ip());
        throw new ApiError(403, "bad_signature", "The X-Twilio-Signature header does not match this request.");
    }
}
