// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is, from its first bytes, and whether that is what the carrier said it is. A
 * patient's "photo" that is really something else is not kept (ADR 0022): the desk would show it
 * as an image, or hand it to the system viewer, on the carrier's word alone.
 */
public final class MediaTypes {
    /** Types this class recognises by their bytes: a file declared as one of them must be one. */
    private static final Set<String> SNIFFABLE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/tiff",
            "image/heic", "image/heif", "application/pdf", "audio/amr", "text/vcard", "video/mp4", "video/3gpp", "video/quicktime");
    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg", "text/x-vcard", "text/vcard",
            "image/x-png", "image/png", "audio/3gpp", "video/3gpp");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"), Map.entry("image/bmp", "bmp"), Map.entry("image/tiff", "tif"),
            Map.entry("image/heic", "heic"), Map.entry("image/heif", "heif"), Map.entry("application/pdf", "pdf"), Map.entry("audio/amr", "amr"),
            Map.entry("text/vcard", "vcf"), Map.entry("video/mp4", "mp4"), Map.entry("video/3gpp", "3gp"), Map.entry("video/quicktime", "mov"),
            Map.entry("text/plain", "txt"), Map.entry("application/zip", "zip"));

    private MediaTypes() {
    }

    /** A content type without parameters, lower case, with common aliases mapped ({@code image/jpg} is {@code image/jpeg}). */
    public static String normal(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(type, type);
    }

    /** The type the bytes show, when they show one. */
    public static Optional<String> sniff(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(b, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (starts(b, 0, 'I', 'I', 0x2A, 0x00) || starts(b, 0, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of("image/tiff");
        }
        if (ascii(b, 0, "BM") && b.length > 26) {
            return Optional.of("image/bmp");
        }
        if (ascii(b, 0, "#!AMR")) {
            return Optional.of("audio/amr");
        }
        if (ascii(b, 0, "BEGIN:VCARD") || ascii(b, 3, "BEGIN:VCARD")) { // with or without a UTF-8 byte order mark
            return Optional.of("text/vcard");
        }
        if (ascii(b, 4, "ftyp") && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            return Optional.of(switch (brand) {
                case "heic", "heix", "heim", "heis" -> "image/heic";
                case "mif1", "msf1", "heif" -> "image/heif";
                case "qt  " -> "video/quicktime";
                default -> brand.startsWith("3g") ? "video/3gpp" : "video/mp4";
            });
        }
        if (starts(b, 0, 'P', 'K', 0x03, 0x04)) {
            return Optional.of("application/zip");
        }
        return Optional.empty();
    }

    /**
     * The type to keep the file as: what its bytes show, when that agrees with what was declared
     * (a declared {@code application/octet-stream} agrees with anything, a zip with the office
     * formats that are zips, and the ISO video formats with each other); the declared type when
     * the bytes show nothing and the declared type is not one whose bytes would show it. Empty
     * when they disagree.
     */
    public static Optional<String> confirmed(String declared, byte[] content) {
        String claimed = normal(declared);
        Optional<String> sniffed = sniff(content);
        if (sniffed.isPresent()) {
            String actual = sniffed.get();
            boolean agrees = actual.equals(claimed) || claimed.equals("application/octet-stream")
                    || (actual.equals("application/zip") && claimed.startsWith("application/vnd."))
                    || (actual.equals("image/heif") && claimed.equals("image/heic")) || (actual.equals("image/heic") && claimed.equals("image/heif"))
                    || (isIsoVideo(actual) && isIsoVideo(claimed));
            if (!agrees) {
                return Optional.empty();
            }
            return Optional.of(actual.equals("application/zip") && claimed.startsWith("application/vnd.") || isIsoVideo(actual) ? claimed : actual);
        }
        return SNIFFABLE.contains(claimed) ? Optional.empty() : Optional.of(claimed);
    }

    private static boolean isIsoVideo(String type) {
        return type.equals("video/mp4") || type.equals("video/3gpp") || type.equals("video/quicktime");
    }

    /** A file name for a kept file: {@code photo-20261203-1.jpg}, {@code attachment-20261203-2.pdf}. */
    static String fileName(String type, String date, int position) {
        String extension = EXTENSIONS.getOrDefault(type, "bin");
        String stem = type.startsWith("image/") ? "photo" : type.startsWith("video/") ? "video" : "attachment";
        return stem + "-" + date + "-" + (position + 1) + "." + extension;
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String text) {
        return starts(b, offset, text.chars().toArray());
    }
}
