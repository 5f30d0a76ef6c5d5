// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the relay will send, told to the person before they press Send: the types it takes (by the
 * file's extension, the way a person knows a file; the relay checks the bytes again), at most
 * {@link #LARGEST} bytes a file and {@link #MOST} files a message. Photos of {@link #MMS_TYPES} go
 * in the MMS; every other file goes behind the message's secure link.
 */
final class SendableFiles {
    static final long LARGEST = 20L * 1024 * 1024;
    static final int MOST = 10;
    static final String PASTED_NAME = "pasted-image.png";
    /** What the relay names for a refused type, in the person's words. */
    static final String WHAT_IT_SENDS = "PracticeText sends photos (JPEG, PNG, GIF, HEIC, WebP) and documents (PDF, Word, Excel, RTF, CSV, text, contact cards).";
    private static final Set<String> MMS_TYPES = Set.of("image/jpeg", "image/png", "image/gif");
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("vcf", "text/vcard"), Map.entry("rtf", "application/rtf"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private SendableFiles() {
    }

    /** The type the relay is told for a file of this name; empty when the relay would not send it. */
    static Optional<String> typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** The file chooser's filter: every extension the relay sends ("*.pdf"). */
    static List<String> patterns() {
        return BY_EXTENSION.keySet().stream().sorted().map(e -> "*." + e).toList();
    }

    /** Whether a file of this type goes in the MMS (a picture the patient sees in the text) rather than behind the secure link. */
    static boolean inMms(String contentType) {
        return MMS_TYPES.contains(contentType);
    }
}
