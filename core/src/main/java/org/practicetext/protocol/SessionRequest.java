// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Body of {@code POST /api/v1/session}; {@code practice} is the practice's slug. */
public record SessionRequest(String practice, String username, String password) {
}
