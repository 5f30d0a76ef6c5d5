// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Body of {@code POST /api/v1/account/password}: the caller's current password and the new one. */
public record PasswordChange(String currentPassword, String newPassword) {
}
