// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.Optional;

/**
 * What the relay will send, told to the person before they press Send: the types it takes (by the
 * file's extension, the way a person knows a file; the relay checks the bytes again), at most
 * {@link #LARGEST} bytes a file and {@link #MOST} files a message. Photos of {@link #MMS_TYPES} go
 * in the MMS; every other file goes behind the message's secure link.
 */
final class SendableFiles {
    static final long LARGEST = org.practicetext.core.SendableFiles.LARGEST;
    static final int MOST = org.practicetext.core.SendableFiles.MOST;
    static final String PASTED_NAME = "pasted-image.png";
    /** The one line that says what can be sent. */
    static final String WHAT_IT_SENDS = org.practicetext.core.SendableFiles.WHAT_IT_SENDS;

    private SendableFiles() {
    }

    /** The type the relay is told for a file of this name; empty when the relay would not send it. */
    static Optional<String> typeOf(String fileName) {
        return org.practicetext.core.SendableFiles.typeOf(fileName);
    }

    /** The file chooser's filter: every extension the relay sends ("*.pdf"). */
    static List<String> patterns() {
        return org.practicetext.core.SendableFiles.patterns();
    }

    /** Whether a file of this type goes in the MMS (a picture the patient sees in the text) rather than behind the secure link. */
    static boolean inMms(String contentType) {
        return org.practicetext.core.SendableFiles.inMms(contentType);
    }
}
