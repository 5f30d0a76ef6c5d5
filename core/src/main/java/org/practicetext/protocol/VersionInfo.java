// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * Answer of {@code GET /api/v1/version} (no sign-in needed) and part of the 426 answer: the
 * protocol this relay speaks, the oldest it still serves, and, when its operator set them, the
 * newest desktop version ({@code latestDesktop}, e.g. {@code "1.4.2"}) and where to download it
 * ({@code downloadUrl}); each of those two is null when not set.
 */
public record VersionInfo(int protocol, int oldestProtocol, String latestDesktop, String downloadUrl) {
}
