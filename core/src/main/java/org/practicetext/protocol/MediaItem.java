// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** One attachment of a message: where it is and what it is. */
public record MediaItem(String url, String contentType) {
}
