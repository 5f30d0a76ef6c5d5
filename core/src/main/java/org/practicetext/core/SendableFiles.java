// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files PracticeText sends to patients, in one place for the relay (which refuses any other
 * upload with 415) and the desk (which refuses them before sending): photos and documents, by type
 * and by file extension, and the photos that go as a picture in the MMS (the rest go behind the
 * message's secure link; ADR 0023).
 */
public final class SendableFiles {
    /** The largest upload, in bytes. */
    public static final long LARGEST = 20L * 1024 * 1024;
    /** Files per message at most (Twilio's MMS limit). */
    public static final int MOST = 10;
    /** What the relay and the desk say when a file is none of these. */
    public static final String WHAT_IT_SENDS =
            "PracticeText sends photos (JPEG, PNG, GIF, WebP, HEIC) and documents (PDF, Word, Excel, RTF, CSV, plain text, contact cards).";
    private static final Set<String> MMS_TYPES = Set.of("image/jpeg", "image/png", "image/gif");
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("vcf", "text/vcard"), Map.entry("rtf", "application/rtf"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    private static final Set<String> TYPES = Set.copyOf(BY_EXTENSION.values());

    private SendableFiles() {
    }

    /** Whether a file of this type (no parameters, lower case) is sent. */
    public static boolean sends(String contentType) {
        return TYPES.contains(contentType);
    }

    /** Whether a file of this type goes in the MMS (a picture the patient sees in the text) rather than behind the secure link. */
    public static boolean inMms(String contentType) {
        return MMS_TYPES.contains(contentType);
    }

    /** The type of a file of this name; empty when it is not sent. */
    public static Optional<String> typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** A file chooser's filter: every extension sent ("*.pdf"). */
    public static List<String> patterns() {
        return BY_EXTENSION.keySet().stream().sorted().map(e -> "*." + e).toList();
    }
}
