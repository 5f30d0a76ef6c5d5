// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Body of {@code POST /api/v1/inboxes} and {@code PATCH /api/v1/inboxes/{id}}: the inbox's (new) name. */
public record NameRequest(String name) {
}
