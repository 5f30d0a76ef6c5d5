// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** One of the practice's Twilio numbers and the inbox its new conversations land in. */
public record NumberView(long id, String phone, long inboxId, String inboxName) {
}
