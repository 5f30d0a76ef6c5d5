// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;
import org.practicetext.protocol.Endpoint.Method;

/**
 * Every route of the relay, in one place: the relay registers its routes from these constants
 * and the desktop calls only through them. docs/API.md describes each one; the paths are a
 * contract and do not change.
 */
public final class Endpoints {
    public static final Endpoint HEALTH = new Endpoint(Method.GET, "/health");
    /**
     * The relay's protocol versions and the newest desktop release ({@link VersionInfo}); no sign-in
     * needed, and served to every desk, however old, so the sign-in screen can ask first.
     */
    public static final Endpoint VERSION = new Endpoint(Method.GET, "/api/v1/version");

    public static final Endpoint TWILIO_SMS = new Endpoint(Method.POST, "/twilio/sms");
    public static final Endpoint TWILIO_STATUS = new Endpoint(Method.POST, "/twilio/status");

    public static final Endpoint SIGN_IN = new Endpoint(Method.POST, "/api/v1/session");
    public static final Endpoint SESSION = new Endpoint(Method.GET, "/api/v1/session");
    public static final Endpoint SIGN_OUT = new Endpoint(Method.DELETE, "/api/v1/session");

    /** The change feed; its query parameters are {@link #AFTER}, {@link #WAIT} and {@link #LIMIT}. */
    public static final Endpoint EVENTS = new Endpoint(Method.GET, "/api/v1/events");
    public static final String AFTER = "after";
    public static final String WAIT = "wait";
    public static final String LIMIT = "limit";

    public static final Endpoint SEND_MESSAGE = new Endpoint(Method.POST, "/api/v1/messages");
    /** Body: {@link RetryRequest}. A failed outbound message becomes a new attempt (the same message, queued again). */
    public static final Endpoint MESSAGE_RETRY = new Endpoint(Method.POST, "/api/v1/messages/{id}/retry");
    public static final Endpoint CAMPAIGN_MESSAGE = new Endpoint(Method.POST, "/api/v1/campaign-messages");
    /** Served only while the relay runs with the simulated carrier. */
    public static final Endpoint SIMULATE_INBOUND = new Endpoint(Method.POST, "/api/v1/simulator/inbound");

    public static final Endpoint CONVERSATION_CLOSE = new Endpoint(Method.POST, "/api/v1/conversations/{id}/close");
    public static final Endpoint CONVERSATION_REOPEN = new Endpoint(Method.POST, "/api/v1/conversations/{id}/reopen");
    public static final Endpoint CONVERSATION_READ = new Endpoint(Method.POST, "/api/v1/conversations/{id}/read");
    public static final Endpoint CONVERSATION_UNREAD = new Endpoint(Method.POST, "/api/v1/conversations/{id}/unread");
    /** Body: {@link AssignRequest}. */
    public static final Endpoint CONVERSATION_ASSIGN = new Endpoint(Method.POST, "/api/v1/conversations/{id}/assign");
    public static final Endpoint CONVERSATION_UNASSIGN = new Endpoint(Method.POST, "/api/v1/conversations/{id}/unassign");
    /** Body: {@link MoveRequest}. */
    public static final Endpoint CONVERSATION_MOVE = new Endpoint(Method.POST, "/api/v1/conversations/{id}/move");

    public static final Endpoint CONTACT_CREATE = new Endpoint(Method.POST, "/api/v1/contacts");
    public static final Endpoint CONTACT_UPDATE = new Endpoint(Method.PATCH, "/api/v1/contacts/{id}");
    public static final Endpoint CONTACT_CONVERT = new Endpoint(Method.POST, "/api/v1/contacts/{id}/convert");
    /** Optional body: {@link ConsentNote} (why; kept in the consent record). contacts.block. */
    public static final Endpoint CONTACT_BLOCK = new Endpoint(Method.POST, "/api/v1/contacts/{id}/block");
    /** Optional body: {@link ConsentNote}. contacts.block. */
    public static final Endpoint CONTACT_UNBLOCK = new Endpoint(Method.POST, "/api/v1/contacts/{id}/unblock");
    /**
     * A team member records that the patient asked not to be texted (in person, on the phone); optional
     * body {@link ConsentNote}. sms.send: anyone who may text may stop texts. Withholds every waiting message.
     */
    public static final Endpoint CONTACT_OPT_OUT = new Endpoint(Method.POST, "/api/v1/contacts/{id}/opt-out");
    /**
     * Undoes an opt-out that staff recorded (contacts.block; body {@link ConsentNote}, reason required).
     * An opt-out by keyword or by the carrier ends only when the patient texts START: 409
     * {@code opt_in_by_patient_only}.
     */
    public static final Endpoint CONTACT_OPT_IN = new Endpoint(Method.POST, "/api/v1/contacts/{id}/opt-in");
    /** A {@code text/csv} body; answers an {@link ImportReport}. */
    public static final Endpoint CONTACT_IMPORT = new Endpoint(Method.POST, "/api/v1/contacts/import");

    /** Body: {@link NameRequest}. */
    public static final Endpoint INBOX_CREATE = new Endpoint(Method.POST, "/api/v1/inboxes");
    /** Body: {@link NameRequest}. */
    public static final Endpoint INBOX_RENAME = new Endpoint(Method.PATCH, "/api/v1/inboxes/{id}");
    /** Query parameter {@link #MOVE_TO}: the inbox that takes the deleted inbox's conversations. */
    public static final Endpoint INBOX_DELETE = new Endpoint(Method.DELETE, "/api/v1/inboxes/{id}");
    public static final String MOVE_TO = "moveTo";

    public static final Endpoint TEMPLATE_CREATE = new Endpoint(Method.POST, "/api/v1/templates");
    public static final Endpoint TEMPLATE_UPDATE = new Endpoint(Method.PATCH, "/api/v1/templates/{id}");
    public static final Endpoint TEMPLATE_DELETE = new Endpoint(Method.DELETE, "/api/v1/templates/{id}");

    /** The practice's team (settings.manage): answers {@link TeamMemberView}s, deactivated members last. */
    public static final Endpoint TEAM_LIST = new Endpoint(Method.GET, "/api/v1/team");
    /** Body: {@link TeamMemberRequest}; answers 201 with the {@link OneTimeSecret} shown once. */
    public static final Endpoint TEAM_ADD = new Endpoint(Method.POST, "/api/v1/team");
    /** Body: {@link TeamMemberChange}. */
    public static final Endpoint TEAM_CHANGE = new Endpoint(Method.PATCH, "/api/v1/team/{id}");
    /** No body; answers a new {@link OneTimeSecret} and ends the member's sessions. */
    public static final Endpoint TEAM_RESET_PASSWORD = new Endpoint(Method.POST, "/api/v1/team/{id}/password-reset");
    /** No body; ends the member's sessions and unassigns their conversations. */
    public static final Endpoint TEAM_DEACTIVATE = new Endpoint(Method.POST, "/api/v1/team/{id}/deactivate");
    /** Body: {@link PasswordChange}; any signed-in member, for themselves. */
    public static final Endpoint ACCOUNT_PASSWORD = new Endpoint(Method.POST, "/api/v1/account/password");
    /** The practice's Twilio numbers (settings.manage): answers {@link NumberView}s. */
    public static final Endpoint NUMBERS = new Endpoint(Method.GET, "/api/v1/numbers");

    /**
     * An attachment the relay holds ({@code READY}): the file's bytes with its true
     * {@code Content-Type}; {@code {position}} is its place in the message's media, from 0. Needs sms.view.
     */
    public static final Endpoint MEDIA_FILE = new Endpoint(Method.GET, "/api/v1/messages/{id}/media/{position}");
    /** A photo's preview: a JPEG at most 320 pixels on its longer side (when {@code MediaItem.preview}). */
    public static final Endpoint MEDIA_PREVIEW = new Endpoint(Method.GET, "/api/v1/messages/{id}/media/{position}/preview");
    /** No body: an {@code unavailable} attachment is fetched again from the carrier (answers 202; the feed carries the outcome). */
    public static final Endpoint MEDIA_RETRY = new Endpoint(Method.POST, "/api/v1/messages/{id}/media/{position}/retry");

    /**
     * A file the desk will send (sms.send): its bytes as the body, its type as {@code Content-Type},
     * its name in the query parameter {@link #NAME}; at most 20 MiB. Answers 201 with an
     * {@link UploadView} whose id goes in {@code SendMessageRequest.uploads}. A photo larger than the
     * carriers like is scaled down here. An upload not sent within a day is deleted.
     */
    public static final Endpoint UPLOAD = new Endpoint(Method.POST, "/api/v1/uploads");
    public static final String NAME = "name";

    /** The practice's communication settings ({@link PracticeSettingsView}); any signed-in member (sms.view). */
    public static final Endpoint SETTINGS = new Endpoint(Method.GET, "/api/v1/settings");
    /** Body: {@link PracticeSettingsUpdate} (settings.manage); answers the new {@link PracticeSettingsView}. */
    public static final Endpoint SETTINGS_UPDATE = new Endpoint(Method.PATCH, "/api/v1/settings");

    /**
     * The practice's requests ({@link RequestView}s, newest first; sms.view): query {@link #CONVERSATION}
     * for one conversation's, {@link #OPEN}{@code =true} for those still waiting for the patient.
     */
    public static final Endpoint REQUESTS = new Endpoint(Method.GET, "/api/v1/requests");
    public static final String CONVERSATION = "conversationId";
    public static final String OPEN = "open";
    public static final Endpoint REQUEST = new Endpoint(Method.GET, "/api/v1/requests/{id}");
    /** Body: {@link RequestAction} (optional note); the kind's tool permission. The link stops working. */
    public static final Endpoint REQUEST_CANCEL = new Endpoint(Method.POST, "/api/v1/requests/{id}/cancel");
    /**
     * Body: {@link RequestAction} with the new message's {@code clientId}; the kind's tool permission.
     * Answers 202 with a {@link RequestSent}: a new request and link, sent in a new message; the old one
     * is cancelled, names its replacement, and its link stops working.
     */
    public static final Endpoint REQUEST_RESEND = new Endpoint(Method.POST, "/api/v1/requests/{id}/resend");
    /** Body: {@link RequestAction} (optional note): a payment made outside PracticeText (sms.tools.payments). */
    public static final Endpoint REQUEST_MARK_PAID = new Endpoint(Method.POST, "/api/v1/requests/{id}/mark-paid");
    /** A forms request completed: by staff (sms.tools.forms) or by the practice's form system with an API key. */
    public static final Endpoint REQUEST_COMPLETE = new Endpoint(Method.POST, "/api/v1/requests/{id}/complete");
    /**
     * The practice's consent records ({@link ConsentRecordView}s, oldest first; sms.view, as in the feed):
     * query {@link #FROM}/{@link #TO} (ISO instants, {@code to} exclusive) and {@link #CONTACT}.
     */
    public static final Endpoint CONSENT_RECORDS = new Endpoint(Method.GET, "/api/v1/consent");
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String CONTACT = "contactId";
    /** The same records as {@code text/csv} (one row per change, {@link #FROM}/{@link #TO}), for audits; settings.manage. */
    public static final Endpoint CONSENT_EXPORT = new Endpoint(Method.GET, "/api/v1/consent/export.csv");
    /** Who is opted out or blocked now, with the record that made it so, as {@code text/csv}; settings.manage. */
    public static final Endpoint OPTED_OUT_EXPORT = new Endpoint(Method.GET, "/api/v1/consent/opted-out.csv");
    /** Stripe's webhook ({@code checkout.session.completed}, {@code checkout.session.expired}), signed with the endpoint secret. */
    public static final Endpoint STRIPE_WEBHOOK = new Endpoint(Method.POST, "/stripe/webhook");

    private static final List<Endpoint> ALL = List.of(HEALTH, VERSION, TWILIO_SMS, TWILIO_STATUS, SIGN_IN, SESSION, SIGN_OUT, EVENTS,
            SEND_MESSAGE, MESSAGE_RETRY, CAMPAIGN_MESSAGE, SIMULATE_INBOUND,
            CONVERSATION_CLOSE, CONVERSATION_REOPEN, CONVERSATION_READ, CONVERSATION_UNREAD, CONVERSATION_ASSIGN,
            CONVERSATION_UNASSIGN, CONVERSATION_MOVE,
            CONTACT_CREATE, CONTACT_UPDATE, CONTACT_CONVERT, CONTACT_BLOCK, CONTACT_UNBLOCK, CONTACT_OPT_OUT, CONTACT_OPT_IN, CONTACT_IMPORT,
            INBOX_CREATE, INBOX_RENAME, INBOX_DELETE, TEMPLATE_CREATE, TEMPLATE_UPDATE, TEMPLATE_DELETE,
            TEAM_LIST, TEAM_ADD, TEAM_CHANGE, TEAM_RESET_PASSWORD, TEAM_DEACTIVATE, ACCOUNT_PASSWORD, NUMBERS,
            MEDIA_FILE, MEDIA_PREVIEW, MEDIA_RETRY, UPLOAD, SETTINGS, SETTINGS_UPDATE, REQUESTS, REQUEST, REQUEST_CANCEL, REQUEST_RESEND,
            REQUEST_MARK_PAID, REQUEST_COMPLETE, CONSENT_RECORDS, CONSENT_EXPORT, OPTED_OUT_EXPORT, STRIPE_WEBHOOK);

    private Endpoints() {
    }

    /** Every endpoint above, in the order docs/API.md lists them. */
    public static List<Endpoint> all() {
        return ALL;
    }
}
