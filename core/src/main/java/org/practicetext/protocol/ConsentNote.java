// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * Optional body of a staff consent action (block, unblock, opt-out, opt-in): why, in the staff
 * member's words (at most 200 characters), kept in the consent record.
 */
public record ConsentNote(String reason) {
}
