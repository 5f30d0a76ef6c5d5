// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/** A team member as others see them; {@code permissions} are dotted keys such as "sms.send". */
public record UserView(long id, String username, String name, String role, List<String> permissions, boolean active) {
}
