// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

/** The carrier's answer to an accepted message: its SID and status in Twilio's words ("queued", "accepted"…). */
public record CarrierReceipt(String sid, String status) {
}
