// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** A saved reply of a practice; {@code deleted} templates stay in the feed as tombstones. */
public record TemplateView(long id, String name, String body, boolean deleted) {
}
