// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.net.URI;
import java.util.Locale;
import org.practicetext.core.MediaProblem;
import org.practicetext.core.MediaState;
import org.practicetext.protocol.MediaItem;

/**
 * What a bubble shows for one attachment, decided from its state on the relay and what this desk
 * did with it: a photo's thumbnail (sized from its width and height before the picture is there,
 * so the thread does not jump), a file chip (name, type, size), a link chip, "Downloading photo…"
 * while the relay fetches it, or why it cannot be shown with "Try again".
 */
record AttachmentTile(MediaKey key, Kind kind, String title, String detail, String note, boolean canRetry, double width, double height,
                      MediaItem item) {
    /** The biggest thumbnail: a photo alone in a bubble. */
    static final double MAX_WIDTH = 220;
    static final double MAX_HEIGHT = 280;
    /** A photo among several: square tiles in a grid of two columns. */
    static final double GRID_TILE = 108;
    static final String TRY_AGAIN = "Try again";

    enum Kind { PHOTO, FILE, LINK, PENDING, UNAVAILABLE, DOWNLOAD_FAILED, WAITING, SECURE_LINK }

    static final String SECURE_LINK = "Secure link";
    static final String LINK_EXPIRED = "Link expired";

    /** A file of a message still in this desk's outbox: what it is, and that it waits (or was not sent). */
    static AttachmentTile waiting(MediaKey key, MediaItem item, boolean failed) {
        return new AttachmentTile(key, Kind.WAITING, fileName(item), detail(item), failed ? "Not sent" : "Sending…", false, 0, 0, item);
    }

    /**
     * A file the practice sent behind the message's secure link: "Secure link", with when the
     * patient first opened it ({@code opened}, "Tue 3:12 PM"; null: not yet), or "Link expired".
     */
    static AttachmentTile secureLink(MediaKey key, MediaItem item, String opened, boolean expired) {
        String state = expired ? LINK_EXPIRED : SECURE_LINK;
        String detail = opened == null ? state : state + " · Opened " + opened;
        return new AttachmentTile(key, Kind.SECURE_LINK, fileName(item), detail, "", false, 0, 0, item);
    }

    /** The tile for {@code item}; {@code photos} is how many photos the message has (several share a grid). */
    static AttachmentTile of(MediaKey key, MediaItem item, int photos, boolean previewFailed, boolean retrying) {
        MediaState state = item.state() == null ? MediaState.UNAVAILABLE : item.state();
        String noun = item.isImage() ? "photo" : "file";
        return switch (state) {
            case PENDING -> new AttachmentTile(key, Kind.PENDING, "Downloading " + noun + "…", "", "", false, 0, 0, item);
            case UNAVAILABLE -> {
                MediaProblem problem = item.problem() == null ? MediaProblem.FAILED : item.problem();
                String title = item.isImage() ? "Photo not available" : "File not available";
                yield new AttachmentTile(key, Kind.UNAVAILABLE, title, "", retrying ? "Asking the carrier again…" : problem.explanation(), !retrying,
                        0, 0, item);
            }
            case LINKED -> new AttachmentTile(key, Kind.LINK, linkTitle(item.url()), "Link", "", false, 0, 0, item);
            case READY -> {
                if (item.isImage() && item.preview() && previewFailed) {
                    yield new AttachmentTile(key, Kind.DOWNLOAD_FAILED, "Couldn't download this photo.", "", "Check the connection.", true, 0, 0, item);
                }
                if (item.isImage() && item.preview()) {
                    double[] size = photos > 1 ? new double[] {GRID_TILE, GRID_TILE} : thumbnailSize(item.width(), item.height());
                    yield new AttachmentTile(key, Kind.PHOTO, fileName(item), typeLabel(item.contentType()), "", false, size[0], size[1], item);
                }
                yield new AttachmentTile(key, Kind.FILE, fileName(item), detail(item), "", false, 0, 0, item);
            }
        };
    }

    /** A photo's thumbnail: at most {@link #MAX_WIDTH} wide and {@link #MAX_HEIGHT} high, its own shape; 4:3 when the relay gave no size. */
    static double[] thumbnailSize(Integer width, Integer height) {
        if (width == null || height == null || width <= 0 || height <= 0) {
            return new double[] {MAX_WIDTH, MAX_WIDTH * 3 / 4};
        }
        double w = Math.min(MAX_WIDTH, width);
        double h = w * height / width;
        if (h > MAX_HEIGHT) {
            h = MAX_HEIGHT;
            w = h * width / height;
        }
        return new double[] {Math.round(w), Math.round(h)};
    }

    /** "1.2 MB", "640 KB", "512 bytes" (1,024 to the kilobyte, as file managers on Windows count). */
    static String humanSize(Long bytes) {
        if (bytes == null || bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        double mb = bytes / (1024.0 * 1024);
        return (mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : Long.toString(Math.round(mb))) + " MB";
    }

    /** The type in a receptionist's words: "PDF", "JPEG image", "Contact card", else the subtype in capitals. */
    static String typeLabel(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "File";
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/pdf" -> "PDF";
            case "image/jpeg", "image/jpg" -> "JPEG image";
            case "image/png" -> "PNG image";
            case "image/gif" -> "GIF image";
            case "image/heic", "image/heif" -> "HEIC photo";
            case "text/vcard", "text/x-vcard" -> "Contact card";
            case "text/plain" -> "Text";
            case "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg" -> "Voice message";
            case "video/mp4", "video/3gpp", "video/quicktime" -> "Video";
            default -> {
                int slash = type.indexOf('/');
                yield slash < 0 ? type.toUpperCase(Locale.ROOT) : type.substring(slash + 1).toUpperCase(Locale.ROOT);
            }
        };
    }

    private static String detail(MediaItem item) {
        String size = humanSize(item.size());
        return size.isEmpty() ? typeLabel(item.contentType()) : typeLabel(item.contentType()) + " · " + size;
    }

    private static String fileName(MediaItem item) {
        if (item.fileName() != null && !item.fileName().isBlank()) {
            return item.fileName();
        }
        return item.isImage() ? "Photo" : "Attachment";
    }

    /** A link's host and last path segment ("example.org/forms/intake.pdf" reads as "example.org · intake.pdf"). */
    private static String linkTitle(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getPath() == null ? "" : uri.getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            return uri.getHost() == null ? url : last.isEmpty() ? uri.getHost() : uri.getHost() + " · " + last;
        } catch (IllegalArgumentException | NullPointerException e) {
            return url == null ? "Link" : url;
        }
    }
}
