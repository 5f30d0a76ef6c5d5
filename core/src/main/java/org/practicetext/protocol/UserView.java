// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * A team member as others see them. {@code role} is a {@link org.practicetext.core.Role} word and
 * {@code permissions} are {@link org.practicetext.core.Permission} keys such as "sms.send"; both
 * stay text so that a role or permission a newer relay adds reaches an older desktop intact (it
 * shows the role as it is and ignores a permission it does not know).
 */
public record UserView(long id, String username, String name, String role, List<String> permissions, boolean active) {
}
