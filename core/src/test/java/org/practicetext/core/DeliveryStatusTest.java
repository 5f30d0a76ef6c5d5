// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicetext.core.DeliveryStatus.ACCEPTED;
import static org.practicetext.core.DeliveryStatus.CANCELED;
import static org.practicetext.core.DeliveryStatus.DELIVERED;
import static org.practicetext.core.DeliveryStatus.FAILED;
import static org.practicetext.core.DeliveryStatus.QUEUED;
import static org.practicetext.core.DeliveryStatus.READ;
import static org.practicetext.core.DeliveryStatus.RECEIVED;
import static org.practicetext.core.DeliveryStatus.RECEIVING;
import static org.practicetext.core.DeliveryStatus.SCHEDULED;
import static org.practicetext.core.DeliveryStatus.SENDING;
import static org.practicetext.core.DeliveryStatus.SENT;
import static org.practicetext.core.DeliveryStatus.UNDELIVERED;

import java.util.EnumSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryStatusTest {
    @Nested
    class MovingForward {
        @Test
        void queuedMayBecomeSent() {
            assertThat(QUEUED.canMoveTo(SENT)).isTrue();
        }

        @Test
        void queuedMayBecomeSending() {
            assertThat(QUEUED.canMoveTo(SENDING)).isTrue();
        }

        @Test
        void acceptedMayJumpStraightToDelivered() {
            assertThat(ACCEPTED.canMoveTo(DELIVERED)).isTrue();
        }

        @Test
        void sentMayBecomeDelivered() {
            assertThat(SENT.canMoveTo(DELIVERED)).isTrue();
        }

        @Test
        void sentMayBecomeUndelivered() {
            assertThat(SENT.canMoveTo(UNDELIVERED)).isTrue();
        }

        @Test
        void sendingMayBecomeFailed() {
            assertThat(SENDING.canMoveTo(FAILED)).isTrue();
        }

        @Test
        void deliveredMayBecomeRead() {
            assertThat(DELIVERED.canMoveTo(READ)).isTrue();
        }

        @Test
        void aReadReceiptArrivingBeforeDeliveredIsTaken() {
            assertThat(SENT.canMoveTo(READ)).isTrue();
        }

        @Test
        void aScheduledMessageMayBeCanceled() {
            assertThat(SCHEDULED.canMoveTo(CANCELED)).isTrue();
        }
    }

    @Nested
    class NeverBackward {
        @Test
        void sentDoesNotFallBackToQueued() {
            assertThat(SENT.canMoveTo(QUEUED)).isFalse();
        }

        @Test
        void sentDoesNotFallBackToSending() {
            assertThat(SENT.canMoveTo(SENDING)).isFalse();
        }

        @Test
        void queuedDoesNotFallBackToAccepted() {
            assertThat(QUEUED.canMoveTo(ACCEPTED)).isFalse();
        }

        @Test
        void deliveredDoesNotFallBackToSent() {
            assertThat(DELIVERED.canMoveTo(SENT)).isFalse();
        }

        @Test
        void readDoesNotFallBackToDelivered() {
            assertThat(READ.canMoveTo(DELIVERED)).isFalse();
        }

        @ParameterizedTest
        @EnumSource(DeliveryStatus.class)
        void aStatusDoesNotMoveToItself(DeliveryStatus status) {
            assertThat(status.canMoveTo(status)).isFalse();
        }

        @ParameterizedTest
        @EnumSource(DeliveryStatus.class)
        void aStatusDoesNotMoveToNothing(DeliveryStatus status) {
            assertThat(status.canMoveTo(null)).isFalse();
        }
    }

    @Nested
    class FirstFinalStatusWins {
        @Test
        void failedDoesNotBecomeDelivered() {
            assertThat(FAILED.canMoveTo(DELIVERED)).isFalse();
        }

        @Test
        void deliveredDoesNotBecomeFailed() {
            assertThat(DELIVERED.canMoveTo(FAILED)).isFalse();
        }

        @Test
        void undeliveredDoesNotBecomeDelivered() {
            assertThat(UNDELIVERED.canMoveTo(DELIVERED)).isFalse();
        }

        @Test
        void failedDoesNotBecomeRead() {
            assertThat(FAILED.canMoveTo(READ)).isFalse();
        }

        @Test
        void undeliveredDoesNotBecomeRead() {
            assertThat(UNDELIVERED.canMoveTo(READ)).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = DeliveryStatus.class, names = {"DELIVERED", "UNDELIVERED", "FAILED", "PARTIALLY_DELIVERED", "CANCELED", "READ", "RECEIVED"})
        void finalStatusesAreTerminal(DeliveryStatus status) {
            assertThat(status.isTerminal()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = DeliveryStatus.class, names = {"ACCEPTED", "SCHEDULED", "QUEUED", "SENDING", "SENT", "RECEIVING"})
        void inFlightStatusesAreNotTerminal(DeliveryStatus status) {
            assertThat(status.isTerminal()).isFalse();
        }

        @Test
        void onlyFailedUndeliveredAndCanceledAreFailures() {
            assertThat(EnumSet.allOf(DeliveryStatus.class).stream().filter(DeliveryStatus::isFailure))
                    .containsExactlyInAnyOrder(FAILED, UNDELIVERED, CANCELED);
        }
    }

    @Nested
    class InboundAndOutboundDoNotMix {
        @Test
        void receivingMayBecomeReceived() {
            assertThat(RECEIVING.canMoveTo(RECEIVED)).isTrue();
        }

        @Test
        void queuedDoesNotBecomeReceived() {
            assertThat(QUEUED.canMoveTo(RECEIVED)).isFalse();
        }

        @Test
        void receivedDoesNotBecomeDelivered() {
            assertThat(RECEIVED.canMoveTo(DELIVERED)).isFalse();
        }

        @Test
        void receivingDoesNotBecomeSent() {
            assertThat(RECEIVING.canMoveTo(SENT)).isFalse();
        }

        @Test
        void receivedDoesNotBecomeRead() {
            assertThat(RECEIVED.canMoveTo(READ)).isFalse();
        }
    }

    @Nested
    class Wire {
        @ParameterizedTest
        @EnumSource(DeliveryStatus.class)
        void wireIsTheLowerCaseName(DeliveryStatus status) {
            assertThat(status.wire()).isEqualTo(status.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Test
        void partiallyDeliveredUsesTwiliosUnderscoreSpelling() {
            assertThat(DeliveryStatus.PARTIALLY_DELIVERED.wire()).isEqualTo("partially_delivered");
        }

        @ParameterizedTest
        @EnumSource(DeliveryStatus.class)
        void fromWireReadsBackEveryWireWord(DeliveryStatus status) {
            assertThat(DeliveryStatus.fromWire(status.wire())).contains(status);
        }

        @Test
        void fromWireIgnoresCaseAndSurroundingSpace() {
            assertThat(DeliveryStatus.fromWire(" Delivered ")).contains(DELIVERED);
        }

        @Test
        void fromWireOfAnUnknownWordIsEmpty() {
            assertThat(DeliveryStatus.fromWire("teleported")).isEmpty();
        }

        @Test
        void fromWireOfAnEmptyWordIsEmpty() {
            assertThat(DeliveryStatus.fromWire("")).isEmpty();
        }

        @Test
        void fromWireOfNullIsEmpty() {
            assertThat(DeliveryStatus.fromWire(null)).isEmpty();
        }
    }
}
