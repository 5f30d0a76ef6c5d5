// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Body of {@code POST /api/v1/conversations/{id}/move}: the inbox the conversation moves to. */
public record MoveRequest(long inboxId) {
}
