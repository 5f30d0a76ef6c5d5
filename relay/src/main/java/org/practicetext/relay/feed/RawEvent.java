// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.feed;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** A stored feed event; {@code data} is already JSON and is written out as is. */
public record RawEvent(long seq, String type, @JsonRawValue String data) {
}
