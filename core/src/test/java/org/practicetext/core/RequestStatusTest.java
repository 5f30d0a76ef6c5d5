// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestStatusTest {
    @Test
    void movesOnlyForward() {
        assertThat(RequestStatus.SENT.canMoveTo(RequestStatus.DELIVERED)).isTrue();
        assertThat(RequestStatus.SENT.canMoveTo(RequestStatus.OPENED)).isTrue();
        assertThat(RequestStatus.OPENED.canMoveTo(RequestStatus.DELIVERED)).as("a late delivery callback").isFalse();
        assertThat(RequestStatus.DELIVERED.canMoveTo(RequestStatus.DELIVERED)).isFalse();
        assertThat(RequestStatus.OPENED.canMoveTo(RequestStatus.PAID)).isTrue();
    }

    @Test
    void anExpiredRequestCanStillBePaidButAnOutcomeNeverChanges() {
        assertThat(RequestStatus.EXPIRED.canMoveTo(RequestStatus.PAID)).isTrue();
        assertThat(RequestStatus.EXPIRED.canMoveTo(RequestStatus.OPENED)).isFalse();
        for (RequestStatus outcome : RequestStatus.values()) {
            if (outcome.finished()) {
                for (RequestStatus next : RequestStatus.values()) {
                    assertThat(outcome.canMoveTo(next)).as(outcome + " -> " + next).isFalse();
                }
            }
        }
        assertThat(RequestStatus.PAID.canMoveTo(RequestStatus.CANCELLED)).isFalse();
        assertThat(RequestStatus.CANCELLED.canMoveTo(RequestStatus.PAID)).isFalse();
    }

    @Test
    void openUntilExpiredOrFinished() {
        assertThat(RequestStatus.OPENED.open()).isTrue();
        assertThat(RequestStatus.EXPIRED.open()).isFalse();
        assertThat(RequestStatus.ACCEPTED.open()).isFalse();
        assertThat(RequestStatus.EXPIRED.finished()).isFalse();
    }

    @Test
    void wireWordsAreTwilioStyleLowerCase() {
        assertThat(RequestStatus.fromWire("cancelled")).contains(RequestStatus.CANCELLED);
        assertThat(RequestKind.fromWire("treatment_plan")).contains(RequestKind.TREATMENT_PLAN);
        assertThat(RequestKind.fromWire("PAYMENT")).isEmpty();
    }

    @Test
    void eachKindHasItsOwnPermissionAndOutcomes() {
        assertThat(RequestKind.PAYMENT.permission()).isEqualTo(Permission.TOOLS_PAYMENTS);
        assertThat(RequestKind.TREATMENT_PLAN.permission().key()).isEqualTo("sms.tools.treatment");
        assertThat(RequestKind.PAYMENT.reaches(RequestStatus.PAID)).isTrue();
        assertThat(RequestKind.REVIEW.reaches(RequestStatus.PAID)).isFalse();
        assertThat(RequestKind.TREATMENT_PLAN.reaches(RequestStatus.DECLINED)).isTrue();
        assertThat(RequestKind.FORMS.reaches(RequestStatus.ACCEPTED)).isFalse();
    }
}
