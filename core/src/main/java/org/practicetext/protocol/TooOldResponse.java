// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * The 426 answer to a desk older than the relay serves: the usual error shape
 * ({@code {"error":{"code":"client_too_old","message"}}}) and the relay's {@link VersionInfo},
 * so the desk can say which version to install and from where.
 */
public record TooOldResponse(ErrorResponse.Detail error, VersionInfo versions) {
}
