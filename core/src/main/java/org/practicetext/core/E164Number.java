// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** A phone number in E.164 form ("+15551234567"); the only form the relay stores. */
public record E164Number(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\+[1-9]\\d{1,14}");

    public E164Number {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + value);
        }
    }

    /** True when the text already has E.164 shape (no parsing, no region). */
    public static boolean isE164(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
