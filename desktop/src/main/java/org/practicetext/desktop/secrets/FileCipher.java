// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.secrets;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files encrypted with AES-256-GCM in chunks, so a large attachment streams in and out without
 * being held in memory. Layout: the header {@code "PTENC"}, a version byte (1) and an 8-byte
 * random prefix; then chunks of {@value #CHUNK} plain bytes, each sealed with the nonce
 * {@code prefix ‖ chunk number} and the header plus a last-chunk flag as associated data. The last
 * chunk is always shorter than a full one (empty when the size is a multiple), so a file cut
 * short, reordered or spliced fails to open instead of reading as a shorter one.
 *
 * <p>{@link #NONE} writes and reads plain bytes (a cache opened without a key: tests and
 * benchmarks of the plain cache). Either reads a plain file (one without the header) as it is, so
 * files from before the encryption are still read until they are converted ({@link #encryptInPlace}).
 */
public final class FileCipher {
    public static final int CHUNK = 64 * 1024;
    static final byte[] MAGIC = "PTENC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int PREFIX = 8;
    private static final int HEADER = MAGIC.length + 1 + PREFIX;
    private static final int TAG = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** No encryption: plain files. */
    public static final FileCipher NONE = new FileCipher(null);

    private final byte[] key;

    FileCipher(byte[] key) {
        this.key = key == null ? null : key.clone();
    }

    public boolean encrypts() {
        return key != null;
    }

    /** Whether {@code file} starts with this format's header. */
    public static boolean isEncrypted(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** The number of plain bytes {@code file} holds (its size when it is plain). */
    public static long plainSize(Path file) throws IOException {
        long size = Files.size(file);
        if (!isEncrypted(file)) {
            return size;
        }
        long sealed = size - HEADER;
        long full = sealed / (CHUNK + TAG);
        long rest = sealed % (CHUNK + TAG);
        if (rest < TAG) {
            throw new IOException("the encrypted file is cut short");
        }
        return full * CHUNK + rest - TAG;
    }

    /** A stream that encrypts what is written into {@code out} (closing it closes {@code out}). */
    public OutputStream encrypting(OutputStream out) throws IOException {
        if (key == null) {
            return out;
        }
        byte[] header = new byte[HEADER];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = VERSION;
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        System.arraycopy(prefix, 0, header, MAGIC.length + 1, PREFIX);
        out.write(header);
        return new Sealing(out, header);
    }

    /** The plain bytes of {@code file}: decrypted when it has the header, as they are when it does not (a file from before). */
    public InputStream open(Path file) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), CHUNK + TAG);
        in.mark(HEADER);
        byte[] header = in.readNBytes(HEADER);
        if (header.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            in.reset();
            return in;
        }
        if (key == null) {
            in.close();
            throw new IOException("this file is encrypted and no key was given");
        }
        if (header.length < HEADER || header[MAGIC.length] != VERSION) {
            in.close();
            throw new IOException("not a file this app can read (unknown version)");
        }
        return new Opening(in, header);
    }

    /** Writes {@code in}'s bytes into {@code target} encrypted (it exists, empty and owner-only: written into, not replaced). */
    public void write(InputStream in, Path target) throws IOException {
        try (OutputStream out = encrypting(Files.newOutputStream(target))) {
            in.transferTo(out);
        }
    }

    /** Encrypts a plain {@code file} where it is: into {@code temp} (owner-only, empty), then moved over it. No-op when it is encrypted already or there is no key. */
    public void encryptInPlace(Path file, Path temp) throws IOException {
        if (key == null || isEncrypted(file)) {
            Files.deleteIfExists(temp);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            write(in, temp);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Cipher cipher(int mode, byte[] header, long chunk, boolean last) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(header, MAGIC.length + 1, PREFIX).putInt((int) chunk).array();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is missing from this runtime", e);
        }
    }

    private final class Sealing extends FilterOutputStream {
        private final byte[] header;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK);
        private long chunk;
        private boolean closed;

        Sealing(OutputStream out, byte[] header) {
            super(out);
            this.header = header;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int take = Math.min(len, CHUNK - pending.size());
                pending.write(b, off, take);
                off += take;
                len -= take;
                if (pending.size() == CHUNK && len > 0) {
                    seal(false);
                }
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, header, chunk++, last).doFinal(pending.toByteArray()));
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot encrypt", e);
            }
            pending.reset();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (pending.size() == CHUNK) {
                    seal(false);
                }
                seal(true);
            } finally {
                out.close();
            }
        }
    }

    private final class Opening extends InputStream {
        private final InputStream in;
        private final byte[] header;
        private byte[] plain = new byte[0];
        private int at;
        private long chunk;
        private boolean done;

        Opening(InputStream in, byte[] header) {
            this.in = in;
            this.header = header;
        }

        private boolean fill() throws IOException {
            while (at == plain.length) {
                if (done) {
                    return false;
                }
                byte[] sealed = in.readNBytes(CHUNK + TAG);
                boolean last = sealed.length < CHUNK + TAG;
                if (sealed.length < TAG) {
                    throw new EOFException("the encrypted file is cut short");
                }
                try {
                    plain = cipher(Cipher.DECRYPT_MODE, header, chunk++, last).doFinal(sealed);
                } catch (AEADBadTagException e) {
                    throw new IOException("the encrypted file does not open with this key, or it was changed", e);
                } catch (GeneralSecurityException e) {
                    throw new IOException("Cannot decrypt", e);
                }
                at = 0;
                done = last;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? plain[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, plain.length - at);
            System.arraycopy(plain, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
