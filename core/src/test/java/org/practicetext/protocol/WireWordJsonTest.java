// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicetext.core.ContactKind;
import org.practicetext.core.ConversationStatus;
import org.practicetext.core.DeliveryStatus;
import org.practicetext.core.Direction;
import org.practicetext.core.LineType;
import org.practicetext.core.Permission;
import org.practicetext.core.Role;
import org.practicetext.core.SenderKind;
import org.practicetext.core.SmsEncoding;
import org.practicetext.core.WireWord;

/** The protocol's JSON carries every wire-word enum as its word, both ways. */
class WireWordJsonTest {
    private final ObjectMapper json = Json.mapper();

    record Holder(Direction direction, ConversationStatus status, ContactKind kind, LineType lineType, SenderKind sender, SmsEncoding encoding) {
    }

    @Test
    void everyConstantIsWrittenAsItsWordAndReadBack() throws Exception {
        for (Class<? extends Enum<?>> type : List.of(Direction.class, ConversationStatus.class, ContactKind.class, LineType.class,
                SenderKind.class, SmsEncoding.class, DeliveryStatus.class, Role.class, Permission.class, HealthView.Status.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String written = json.writeValueAsString(constant);
                assertThat(written).isEqualTo("\"" + ((WireWord) constant).wire() + "\"");
                assertThat(json.readValue(written, type)).isSameAs(constant);
            }
        }
    }

    @Test
    void aRecordCarriesItsWordsNotTheConstantNames() throws Exception {
        Holder holder = new Holder(Direction.OUT, ConversationStatus.CLOSED, ContactKind.PATIENT, LineType.LANDLINE, SenderKind.CAMPAIGN, SmsEncoding.UCS2);

        String written = json.writeValueAsString(holder);

        assertThat(written).isEqualTo("{\"direction\":\"out\",\"status\":\"closed\",\"kind\":\"patient\",\"lineType\":\"landline\",\"sender\":\"campaign\",\"encoding\":\"ucs2\"}");
        assertThat(json.readValue(written, Holder.class)).isEqualTo(holder);
    }

    @Test
    void aWordFromANewerRelayReadsAsTheFallback() throws Exception {
        Holder read = json.readValue("{\"direction\":\"note\",\"status\":\"snoozed\",\"kind\":\"vendor\",\"lineType\":\"satellite\",\"sender\":\"robot\","
                + "\"encoding\":\"utf16\"}", Holder.class);

        assertThat(read).isEqualTo(new Holder(Direction.IN, ConversationStatus.OPEN, ContactKind.LEAD, LineType.UNKNOWN, SenderKind.USER, SmsEncoding.UCS2));
    }

    @Test
    void anUnknownWordOfAnEnumWithoutFallbackIsAClearError() {
        assertThatThrownBy(() -> json.readValue("\"owner\"", Role.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("expected one of admin, staff, viewer");
    }

    @Test
    void aWordMustBeAString() {
        assertThatThrownBy(() -> json.readValue("{\"direction\":1}", Holder.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void missingWordsStayMissing() throws Exception {
        assertThat(json.readValue("{}", Holder.class)).isEqualTo(new Holder(null, null, null, null, null, null));
        assertThat(json.readValue("{\"direction\":null}", Holder.class).direction()).isNull();
    }
}
