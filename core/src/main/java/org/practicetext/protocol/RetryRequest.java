// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * Body of {@link Endpoints#MESSAGE_RETRY}: the client id of this one attempt. The same client id
 * sent again answers the attempt it started; a new one is refused while an attempt is under way.
 */
public record RetryRequest(String clientId) {
}
