// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

import org.practicetext.protocol.Sender;

/** Who asks for a message to go out: a practice's team member or one of its campaigns. */
public record Originator(long practiceId, String region, Sender sender) {
}
