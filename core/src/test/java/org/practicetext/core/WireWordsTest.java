// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireWordsTest {

    @Test
    void everyWordReadsBackAsItsConstant() {
        assertThat(roundTrips(Direction.class)).isTrue();
        assertThat(roundTrips(ConversationStatus.class)).isTrue();
        assertThat(roundTrips(ContactKind.class)).isTrue();
        assertThat(roundTrips(LineType.class)).isTrue();
        assertThat(roundTrips(SenderKind.class)).isTrue();
        assertThat(roundTrips(SmsEncoding.class)).isTrue();
        assertThat(roundTrips(DeliveryStatus.class)).isTrue();
        assertThat(roundTrips(Role.class)).isTrue();
        assertThat(roundTrips(Permission.class)).isTrue();
    }

    @Test
    void theWordsAreTheOnesTheApiDocUses() {
        assertThat(Arrays.stream(Direction.values()).map(WireWord::wire)).containsExactly("in", "out");
        assertThat(Arrays.stream(ConversationStatus.values()).map(WireWord::wire)).containsExactly("open", "closed");
        assertThat(Arrays.stream(ContactKind.values()).map(WireWord::wire)).containsExactly("patient", "lead");
        assertThat(Arrays.stream(LineType.values()).map(WireWord::wire)).containsExactly("mobile", "landline", "voip", "unknown");
        assertThat(Arrays.stream(SenderKind.values()).map(WireWord::wire)).containsExactly("user", "campaign", "contact");
        assertThat(Arrays.stream(SmsEncoding.values()).map(WireWord::wire)).containsExactly("gsm7", "ucs2");
        assertThat(DeliveryStatus.PARTIALLY_DELIVERED.wire()).isEqualTo("partially_delivered");
    }

    @Test
    void anUnknownWordIsRefusedNamingTheWordsThereAre() {
        assertThatThrownBy(() -> WireWords.fromWire(LineType.class, "satellite"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"satellite\" is not a LineType; expected one of mobile, landline, voip, unknown.");
        assertThatThrownBy(() -> WireWords.fromWire(Direction.class, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of in, out");
    }

    @Test
    void wordsAreExactApartFromSurroundingSpace() {
        assertThat(WireWords.find(Direction.class, " out ")).contains(Direction.OUT);
        assertThat(WireWords.find(Direction.class, "OUT")).isEmpty();
        assertThat(WireWords.find(Direction.class, null)).isEmpty();
    }

    @Test
    void anUnknownWordReadsAsTheFallbackWhereTheEnumHasOne() {
        assertThat(WireWords.fromWireOrFallback(LineType.class, "satellite")).isEqualTo(LineType.UNKNOWN);
        assertThat(WireWords.fromWireOrFallback(Direction.class, "note")).isEqualTo(Direction.IN);
        assertThat(WireWords.fromWireOrFallback(ConversationStatus.class, "snoozed")).isEqualTo(ConversationStatus.OPEN);
        assertThat(WireWords.fromWireOrFallback(ContactKind.class, "vendor")).isEqualTo(ContactKind.LEAD);
        assertThat(WireWords.fromWireOrFallback(SenderKind.class, "robot")).isEqualTo(SenderKind.USER);
        assertThat(WireWords.fromWireOrFallback(SmsEncoding.class, "utf16")).isEqualTo(SmsEncoding.UCS2);
        assertThat(WireWords.fromWireOrFallback(LineType.class, "landline")).isEqualTo(LineType.LANDLINE);
    }

    @Test
    void anEnumWithoutAFallbackRefusesAnUnknownWordEvenWhenTolerant() {
        assertThat(WireWords.fallback(Role.class)).isEmpty();
        assertThatThrownBy(() -> WireWords.fromWireOrFallback(Role.class, "owner")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of admin, staff, viewer");
    }

    @Test
    void twilioStatusesAndTypedRolesAreReadInAnyCase() {
        assertThat(DeliveryStatus.fromWire(" Delivered ")).contains(DeliveryStatus.DELIVERED);
        assertThat(Role.fromWire("Staff")).contains(Role.STAFF);
        assertThat(Permission.fromKey("SMS.VIEW")).isEmpty();
    }

    private static <E extends Enum<E> & WireWord> boolean roundTrips(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).allMatch(e -> WireWords.fromWire(type, e.wire()) == e);
    }
}
