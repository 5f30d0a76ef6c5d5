// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * Body of a staff action on a request: {@code clientId} (required to resend: the new message's
 * idempotency key), {@code note} (why it was cancelled, how it was paid outside PracticeText; at
 * most 200 characters).
 */
public record RequestAction(String clientId, String note) {
}
