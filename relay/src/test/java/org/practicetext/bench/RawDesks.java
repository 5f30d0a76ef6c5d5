// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Desks that cost almost nothing per poll, for {@link ParkedPollsBenchmark}: one socket a desk,
 * HTTP/1.1 written by hand and kept alive, all of them served by one NIO selector thread (no
 * thread, no {@code HttpClient} exchange and no decoded {@code String} per parked poll). Each desk
 * long-polls its practice's feed and, as soon as it is answered, polls again from the page's
 * {@code next}, as the desktop does. The first poll reads the practice's feed from the start;
 * the first one that parks waits a random 1 to {@code waitSeconds} s, so the waits end spread
 * out as those of desks that started at different moments would.
 *
 * <p>An answer with events to a practice that a webhook was {@link #sent sent} to is a wake-up,
 * timed from that send; an answer without events is a poll that ended by its wait; any other
 * status, or a connection the relay closed, is a poll cut (the desk reconnects and polls again).
 */
final class RawDesks implements AutoCloseable {
    private static final int CONNECTING_AT_ONCE = 200;
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress relay;
    private final int waitSeconds;
    private final Selector selector;
    private final ArrayDeque<Desk> waitingToConnect = new ArrayDeque<>();
    private final AtomicLongArray sentAt;
    private final ByteBuffer reading = ByteBuffer.allocateDirect(64 * 1024);
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger endedByWait = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final Thread loop;
    private volatile boolean running = true;
    private int connecting;
    private double[] wakeMillis = new double[1 << 16];
    private int wakes;

    /** Desk {@code d} of {@code tokens} polls practice {@code practiceOf[d]} with the sign-in {@code tokens.get(d)}. */
    RawDesks(int port, int practices, List<String> tokens, int[] practiceOf, int waitSeconds) throws IOException {
        this.relay = new InetSocketAddress("127.0.0.1", port);
        this.waitSeconds = waitSeconds;
        this.sentAt = new AtomicLongArray(practices);
        this.selector = Selector.open();
        for (int d = 0; d < tokens.size(); d++) {
            waitingToConnect.add(new Desk(practiceOf[d], tokens.get(d)));
        }
        loop = Thread.ofPlatform().name("raw-desks").start(this::run);
    }

    /** A webhook for {@code practice} is being sent now: the next answers with events are timed from here. */
    void sent(int practice) {
        sentAt.set(practice, System.nanoTime());
    }

    int answers() {
        return answers.get();
    }

    int endedByWait() {
        return endedByWait.get();
    }

    int cut() {
        return cut.get();
    }

    /** The wake-ups so far, in milliseconds, sorted. */
    synchronized double[] wakeMillis() {
        double[] copy = Arrays.copyOf(wakeMillis, wakes);
        Arrays.sort(copy);
        return copy;
    }

    private synchronized void woke(double millis) {
        if (wakes == wakeMillis.length) {
            wakeMillis = Arrays.copyOf(wakeMillis, wakes * 2);
        }
        wakeMillis[wakes++] = millis;
    }

    private void run() {
        try {
            while (running) {
                connectSome();
                selector.select(100);
                for (var keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Desk desk = (Desk) key.attachment();
                    try {
                        if (!desk.connected) {
                            desk.channel.finishConnect();
                            desk.connected = true;
                            connecting--;
                            key.interestOps(SelectionKey.OP_READ);
                            desk.poll();
                        } else if (key.isReadable()) {
                            desk.read();
                        }
                    } catch (IOException e) {
                        if (!desk.connected) {
                            connecting--;
                        }
                        desk.lost(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void connectSome() throws IOException {
        while (connecting < CONNECTING_AT_ONCE && !waitingToConnect.isEmpty()) {
            Desk desk = waitingToConnect.poll();
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            desk.channel = channel;
            connecting++;
            desk.connected = false;
            if (channel.connect(relay)) {
                connecting--;
                desk.connected = true;
                channel.register(selector, SelectionKey.OP_READ, desk);
                desk.poll();
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, desk);
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    private final class Desk {
        private final int practice;
        private final String token;
        private long cursor;
        private SocketChannel channel;
        private ByteArrayOutputStream pending;
        private boolean connected;
        private boolean parkedBefore;

        Desk(int practice, String token) {
            this.practice = practice;
            this.token = token;
        }

        void poll() throws IOException {
            // A desk's first park waits 1 to waitSeconds s, as desks started at different moments
            // would: otherwise every wait of the run ends in the same second.
            int wait = parkedBefore ? waitSeconds : 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(waitSeconds);
            parkedBefore = cursor > 0;
            ByteBuffer request = StandardCharsets.US_ASCII.encode("GET /api/v1/events?after=" + cursor + "&wait=" + wait
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            while (request.hasRemaining()) {
                channel.write(request); // a few hundred bytes into an idle socket's buffer: written at once
            }
        }

        void read() throws IOException {
            reading.clear();
            int n = channel.read(reading);
            if (n < 0) {
                throw new IOException("closed by the relay");
            }
            reading.flip();
            if (pending == null) {
                pending = new ByteArrayOutputStream(Math.max(n, 512));
            }
            byte[] chunk = new byte[n];
            reading.get(chunk);
            pending.writeBytes(chunk);
            byte[] bytes = pending.toByteArray();
            int used = answer(bytes);
            if (used < 0) {
                return; // not all of it yet
            }
            pending = null;
            if (used < bytes.length) {
                throw new IOException("more than one answer to one request");
            }
            poll();
        }

        /** Handles the answer at the start of {@code bytes}; the bytes it took, or -1 if it is not complete yet. */
        private int answer(byte[] bytes) {
            long now = System.nanoTime();
            int headEnd = indexOf(bytes, HEAD_END, 0);
            if (headEnd < 0) {
                return -1;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
            String lower = head.toLowerCase(java.util.Locale.ROOT);
            int bodyStart = headEnd + 4;
            byte[] body;
            int end;
            int length = lower.indexOf("\r\ncontent-length:");
            if (length >= 0) {
                int lineEnd = lower.indexOf("\r\n", length + 2);
                int size = Integer.parseInt(head.substring(length + 17, lineEnd < 0 ? head.length() : lineEnd).strip());
                if (bytes.length < bodyStart + size) {
                    return -1;
                }
                body = Arrays.copyOfRange(bytes, bodyStart, bodyStart + size);
                end = bodyStart + size;
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                end = dechunk(bytes, bodyStart, out);
                if (end < 0) {
                    return -1;
                }
                body = out.toByteArray();
            }
            int status = Integer.parseInt(head.substring(9, 12));
            answers.incrementAndGet();
            if (status != 200) {
                cut.incrementAndGet();
                return end;
            }
            String page = new String(body, StandardCharsets.ISO_8859_1);
            int next = page.indexOf("\"next\":");
            int digits = next + 7;
            while (digits < page.length() && Character.isDigit(page.charAt(digits))) {
                digits++;
            }
            cursor = Long.parseLong(page.substring(next + 7, digits));
            if (page.contains("\"events\":[]")) {
                endedByWait.incrementAndGet();
            } else if (sentAt.get(practice) != 0) {
                woke((now - sentAt.get(practice)) / 1e6);
            }
            return end;
        }

        /** A connection lost mid-poll: counted as cut, and the desk connects again. */
        void lost(SelectionKey key) {
            cut.incrementAndGet();
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
            pending = null;
            waitingToConnect.add(this);
        }
    }

    private static int dechunk(byte[] bytes, int from, ByteArrayOutputStream out) {
        int at = from;
        while (true) {
            int lineEnd = indexOf(bytes, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                return -1;
            }
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                return bytes.length >= lineEnd + 4 ? lineEnd + 4 : -1;
            }
            if (bytes.length < lineEnd + 2 + size + 2) {
                return -1;
            }
            out.write(bytes, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        outer:
        for (int i = from; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
