// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import org.practicetext.desktop.sync.OutgoingFile;

/**
 * A file attached in the composer, shown as a chip until the message is sent: a photo that goes in
 * the MMS shows its thumbnail, anything else an icon with its name, type and size.
 */
record AttachedFile(OutgoingFile file) {
    String name() {
        return file.fileName();
    }

    /** "PDF · 1.2 MB". */
    String detail() {
        return AttachmentTile.typeLabel(file.contentType()) + " · " + AttachmentTile.humanSize(file.size());
    }

    /** Goes in the MMS as a picture (JPEG, PNG, GIF); the rest goes behind the secure link. */
    boolean inMms() {
        return SendableFiles.inMms(file.contentType());
    }
}
