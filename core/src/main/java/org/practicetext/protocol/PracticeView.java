// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** The practice a session belongs to: its slug, name, phone region and time zone. */
public record PracticeView(long id, String slug, String name, String region, String timeZone) {
}
