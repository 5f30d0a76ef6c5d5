// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** The answer of {@link Endpoints#REQUEST_RESEND}: the new request and the message that carries its link. */
public record RequestSent(RequestView request, MessageView message) {
}
