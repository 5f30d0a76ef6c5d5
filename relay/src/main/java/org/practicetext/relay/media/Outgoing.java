// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.practicetext.core.MediaDelivery;
import org.practicetext.core.SendableFiles;
import org.practicetext.protocol.UploadView;
import org.practicetext.relay.refusal.Refusal;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Uploads;

/**
 * Files the practice sends (ADR 0023): an upload is checked (its bytes must be the type it names,
 * and a type a patient's phone can open), a photo larger than the carriers like is scaled down,
 * and it is kept for a day for a message to take.
 *
 * <p>How a file reaches the patient: JPEG, PNG and GIF go in the MMS while the message's files
 * stay within {@link #MMS_TOTAL} bytes and {@link #MMS_FILES} files; documents (carriers drop PDFs
 * over MMS, and MMS outside North America become links anyway) and whatever is past the limits go
 * behind the message's secure link.
 */
public final class Outgoing {
    /** The largest upload. */
    public static final long LARGEST = SendableFiles.LARGEST;
    /** Twilio: an MMS carries at most 5 MB in all. */
    public static final long MMS_TOTAL = 5_000_000L;
    public static final int MMS_FILES = SendableFiles.MOST;
    /** A JPEG or PNG photo larger than this, in bytes or on its longer side, is scaled down before it is sent. */
    static final long SCALE_OVER_BYTES = 1_000_000L;
    static final int LONGEST_SIDE = 2048;
    /** How long an upload waits for a message to take it. */
    public static final Duration KEPT = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;
    private final Uploads uploads = new Uploads();

    public Outgoing(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether a file of this type and size goes in the MMS when it is the only one. */
    public static MediaDelivery deliveryAlone(String contentType, long size) {
        return SendableFiles.inMms(contentType) && size <= MMS_TOTAL ? MediaDelivery.MMS : MediaDelivery.LINK;
    }

    /** Keeps a file a desk of {@code practiceId} will send, and says how it will go. */
    public UploadView upload(long practiceId, String name, String declaredType, byte[] content) {
        if (content.length == 0) {
            throw Refusal.invalid("The file is empty.");
        }
        String claimed = MediaTypes.normal(declaredType);
        String type = MediaTypes.confirmed(claimed, content)
                .orElseThrow(() -> Refusal.invalid("The file is not a " + claimed + " (its contents are "
                        + MediaTypes.sniff(content).orElse("of no type PracticeText knows") + "); send it with its true type."));
        if (!SendableFiles.sends(type)) {
            throw new Refusal(Refusal.Reason.UNSUPPORTED_TYPE, SendableFiles.WHAT_IT_SENDS + " This file is " + type + ".");
        }
        String fileName = fileName(name, type);
        byte[] kept = content;
        Optional<Previews.Preview> facts = type.startsWith("image/") ? Previews.of(content) : Optional.empty();
        if ((type.equals("image/jpeg") || type.equals("image/png")) && facts.isPresent()
                && (content.length > SCALE_OVER_BYTES || Math.max(facts.get().width(), facts.get().height()) > LONGEST_SIDE)) {
            Optional<byte[]> smaller = scaledJpeg(content);
            boolean tooWide = Math.max(facts.get().width(), facts.get().height()) > LONGEST_SIDE;
            if (smaller.isPresent() && (smaller.get().length < content.length || tooWide)) {
                kept = smaller.get();
                type = "image/jpeg";
                fileName = stem(fileName) + ".jpg";
                facts = Previews.of(kept);
            }
        }
        Instant now = clock.instant();
        String id = "up_" + token(24);
        byte[] bytes = kept;
        String finalType = type;
        String finalName = fileName;
        Optional<Previews.Preview> info = facts;
        db.inTransaction(tx -> {
            uploads.purge(tx, practiceId, now.minus(KEPT));
            uploads.insert(tx, new Uploads.Upload(id, practiceId, finalName, finalType, bytes.length, info.map(Previews.Preview::width).orElse(null),
                    info.map(Previews.Preview::height).orElse(null), sha256(bytes), bytes, info.map(Previews.Preview::jpeg).orElse(null), now));
            return null;
        });
        return new UploadView(id, finalName, finalType, bytes.length, info.map(Previews.Preview::width).orElse(null),
                info.map(Previews.Preview::height).orElse(null), deliveryAlone(finalType, bytes.length));
    }

    /** An unguessable token: {@code bytes} random bytes, base64url without padding. */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The name the patient sees: the desk's, without any folder, control or quote characters and at
     * most 100 characters, with the extension of its true type; "attachment.pdf" when none is left.
     */
    static String fileName(String name, String type) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|*?:]", "").strip();
        String extension = MediaTypes.fileName(type, "x", 0);
        extension = extension.substring(extension.lastIndexOf('.'));
        String stem = stem(base);
        if (stem.isBlank() || stem.startsWith(".")) {
            stem = type.startsWith("image/") ? "photo" : "attachment";
        }
        if (stem.length() > 90) {
            stem = stem.substring(0, 90);
        }
        return stem + extension;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A JPEG at most {@link #LONGEST_SIDE} pixels on its longer side. */
    private static Optional<byte[]> scaledJpeg(byte[] content) {
        return Previews.read(content, LONGEST_SIDE, 0.85f).map(Previews.Preview::jpeg);
    }

    /** The hex SHA-256 of a file, as uploads keep it. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
