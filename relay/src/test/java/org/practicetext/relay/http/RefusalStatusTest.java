// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.refusal.Refusal.Reason;

/**
 * The one table from a service's refusal to an HTTP answer. It is the contract the services'
 * {@code ApiError}s answered with before they refused in domain terms, so every reason is pinned
 * here to its status and code; the end-to-end answers are checked by the route tests and the fuzz suite.
 */
class RefusalStatusTest {

    @Test
    void everyReasonIsAnsweredWithTheStatusAndCodeOfTheContract() {
        Map<Reason, String> expected = new EnumMap<>(Reason.class);
        expected.put(Reason.INVALID, "400 bad_request");
        expected.put(Reason.NOT_FOUND, "404 not_found");
        expected.put(Reason.CONFLICT, "409 conflict");
        expected.put(Reason.USE_PG_DUMP, "409 use_pg_dump");
        expected.put(Reason.OPTED_OUT, "409 opted_out");
        expected.put(Reason.BLOCKED, "409 blocked");
        expected.put(Reason.NO_NUMBER, "409 no_number");
        expected.put(Reason.INVALID_PHONE, "422 invalid_phone");
        expected.put(Reason.BAD_CREDENTIALS, "401 bad_credentials");
        expected.put(Reason.SIGN_IN_REQUIRED, "401 unauthorized");
        expected.put(Reason.INVALID_TOKEN, "401 invalid_token");
        expected.put(Reason.TOKEN_REVOKED, "401 token_revoked");
        expected.put(Reason.TOKEN_EXPIRED, "401 token_expired");
        expected.put(Reason.LAST_ADMIN, "409 last_admin");
        expected.put(Reason.WEAK_PASSWORD, "400 weak_password");
        expected.put(Reason.WRONG_PASSWORD, "403 wrong_password");
        expected.put(Reason.PASSWORD_CHANGE_REQUIRED, "403 password_change_required");
        expected.put(Reason.UNSUPPORTED_TYPE, "415 unsupported_media_type");
        expected.put(Reason.UPLOAD_GONE, "404 upload_gone");
        expected.put(Reason.LOCKED, "429 locked");
        expected.put(Reason.NOT_ALLOWED, "403 forbidden");
        expected.put(Reason.FEATURE_OFF, "403 feature_off");
        expected.put(Reason.REVIEW_RECENTLY_SENT, "409 review_recently_sent");
        expected.put(Reason.OPT_IN_BY_PATIENT_ONLY, "409 opt_in_by_patient_only");
        expected.put(Reason.PAYMENT_PROVIDER, "503 payment_provider_unavailable");

        Map<Reason, String> actual = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            actual.put(reason, ErrorHandling.statusOf(reason) + " " + reason.code());
        }
        assertEquals(expected, actual);
    }

    @Test
    void notFoundSaysWhatWasNotFoundAsApiErrorDid() {
        assertEquals(ApiError.notFound("The contact 7").getMessage(), Refusal.notFound("The contact 7").getMessage());
    }
}
