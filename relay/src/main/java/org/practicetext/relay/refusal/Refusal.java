// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.refusal;

/**
 * A request the relay's rules refuse: a value that is not valid, something that does not exist, a
 * contact that may not be texted… Services throw it; only the HTTP layer decides the status it is
 * answered with ({@code relay.http.ErrorHandling}), so a rule never knows about HTTP.
 *
 * <p>The message is shown to staff as it is, so it must say what to do; the {@link Reason}'s
 * {@link Reason#code() code} is the stable word clients match on.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused; each has the error code clients see. */
    public enum Reason {
        /** A value is missing or not acceptable. */
        INVALID("bad_request"),
        /** The thing named does not exist (or is not the caller's practice's). */
        NOT_FOUND("not_found"),
        /** The change collides with the practice's current state (a name or phone taken, a concurrent write). */
        CONFLICT("conflict"),
        /** A relay on PostgreSQL asked for its own (H2) backup: {@code pg_dump} backs it up. */
        USE_PG_DUMP("use_pg_dump"),
        /** The contact opted out of texts. */
        OPTED_OUT("opted_out"),
        /** The contact is blocked. */
        BLOCKED("blocked"),
        /** The practice has no texting number to send from. */
        NO_NUMBER("no_number"),
        /** A phone number that cannot be a phone number. */
        INVALID_PHONE("invalid_phone"),
        /** Sign-in with a wrong practice, username or password. */
        BAD_CREDENTIALS("bad_credentials"),
        /** No credentials were sent. */
        SIGN_IN_REQUIRED("unauthorized"),
        /** A bearer token that was never issued. */
        INVALID_TOKEN("invalid_token"),
        /** A bearer token that was revoked (signed out, user deactivated). */
        TOKEN_REVOKED("token_revoked"),
        /** A bearer token past its lifetime. */
        TOKEN_EXPIRED("token_expired"),
        /** The change would leave the practice with no active admin to manage its team. */
        LAST_ADMIN("last_admin"),
        /** A new password that breaks {@link org.practicetext.core.PasswordRule}. */
        WEAK_PASSWORD("weak_password"),
        /** The current password given to change it is not right. */
        WRONG_PASSWORD("wrong_password"),
        /** Signed in with a one-time password or invite code: choose a password before anything else. */
        PASSWORD_CHANGE_REQUIRED("password_change_required"),
        /** A file of a type PracticeText does not send (an upload that is not a photo or a document). */
        UNSUPPORTED_TYPE("unsupported_media_type"),
        /** A send names an upload the relay does not have (another practice's, or older than a day): upload it again. */
        UPLOAD_GONE("upload_gone"),
        /** A secure link's answer given too often wrong: it is locked for a while. */
        LOCKED("locked"),
        /** The caller's role does not allow the act (a service found out, after reading what it is about). */
        NOT_ALLOWED("forbidden"),
        /** A composer tool the practice has turned off (or, for payments, a relay with no payment provider). */
        FEATURE_OFF("feature_off"),
        /** The patient had a review request within the practice's repeat limit: the desk warns, then sends with {@code repeatAllowed}. */
        REVIEW_RECENTLY_SENT("review_recently_sent"),
        /**
         * Staff asked to undo an opt-out the patient made (a keyword) or the carrier reported (21610):
         * only the patient's START ends it (ADR 0025).
         */
        OPT_IN_BY_PATIENT_ONLY("opt_in_by_patient_only"),
        /** The payment provider refused or could not be reached (the patient's page says so; nothing is lost). */
        PAYMENT_PROVIDER("payment_provider_unavailable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The error code of the JSON error shape. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public Refusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static Refusal invalid(String message) {
        return new Refusal(Reason.INVALID, message);
    }

    /** {@code what} names the thing ("The contact 7"); the message says it was not found. */
    public static Refusal notFound(String what) {
        return new Refusal(Reason.NOT_FOUND, what + " was not found.");
    }

    public static Refusal conflict(String message) {
        return new Refusal(Reason.CONFLICT, message);
    }
}
