// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.practicetext.core.WireWord;
import org.practicetext.core.WireWords;

/**
 * Jackson writes every {@link WireWord} enum as its word and reads it back with
 * {@link WireWords#fromWireOrFallback}: a word this version does not know reads as the enum's
 * fallback (so an older desktop keeps working when a newer relay says something new), and is
 * refused, naming the words there are, when the enum has none.
 */
final class WireWordModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    WireWordModule() {
        super("practicetext-wire-words");
        addSerializer(WireWord.class, new WordSerializer());
        setDeserializers(new SimpleDeserializers() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config, BeanDescription description) {
                return WireWord.class.isAssignableFrom(type) ? new WordDeserializer(type) : null;
            }
        });
    }

    private static final class WordSerializer extends StdSerializer<WireWord> {
        private static final long serialVersionUID = 1L;

        WordSerializer() {
            super(WireWord.class);
        }

        @Override
        public void serialize(WireWord value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.wire());
        }
    }

    private static final class WordDeserializer extends StdScalarDeserializer<Object> {
        private static final long serialVersionUID = 1L;

        WordDeserializer(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String word = p.getText();
            try {
                return read(handledType(), word);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(word, handledType(), e.getMessage());
            }
        }

        /** Jackson hands over the enum as {@code Class<?>}; findEnumDeserializer checked that it is a WireWord enum. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object read(Class<?> type, String word) {
            return WireWords.fromWireOrFallback((Class) type, word);
        }
    }
}
