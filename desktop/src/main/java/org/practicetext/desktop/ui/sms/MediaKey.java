// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

/** One attachment: its message and its place in the message's media, from 0, as the relay's media endpoints name it. */
record MediaKey(long messageId, int position) {
}
