// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client will send: an invalid
 * percent escape in the path, a header line beyond the server's limit, a chunked body of a size
 * the sender chose. Each {@link #exchange} is one request with {@code Connection: close}; a
 * {@link KeptAlive} connection carries several, as a balancer's connection to a node does.
 */
public final class RawHttp {
    /** The status line's code, the headers (names lower-cased) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    /** One HTTP/1.1 connection kept open between requests, as a balancer keeps its connections to a node. */
    public static final class KeptAlive implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        public KeptAlive(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream());
        }

        /** The head and body of the answer to a GET, read by its Content-Length. */
        public String get(String path) throws IOException {
            write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return answer();
        }

        /** Sends {@code bytes} as they are: a request, or a piece of one. */
        public void write(byte[] bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        /** The head and body of the next answer, read by its Content-Length. */
        public String answer() throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after: " + head);
                }
                head.append((char) b);
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return head + new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads the whole answer. */
    // The socket is closed inside its try on purpose: that ends the writer thread before it is joined.
    @SuppressWarnings("try")
    public static Answer exchange(int port, String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            byte[] request = (head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            // Written beside the reading: a server that answers before it has read everything stops
            // reading, and a writer that waited for it would never get to the answer.
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(request);
                    out.write(body);
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server closed the connection after answering; the answer is what counts
                }
            });
            Answer answer = read(socket.getInputStream());
            socket.close();
            writer.join();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer exchange(int port, String head) {
        return exchange(port, head, new byte[0]);
    }

    /** A body in HTTP/1.1 chunked framing: {@code chunks} chunks of {@code chunkSize} bytes of {@code fill}, then the last chunk. */
    public static byte[] chunked(String fill, int chunkSize, int chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = fill.repeat(chunkSize / fill.length() + 1).substring(0, chunkSize).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < chunks; i++) {
            out.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException resetAfterTheAnswer) {
            if (all.size() == 0) {
                throw resetAfterTheAnswer;
            }
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] bytes = all.toByteArray();
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String framing = new String(body, StandardCharsets.ISO_8859_1); // one char per byte, so indexes are byte offsets
        int at = 0;
        while (true) {
            int lineEnd = framing.indexOf("\r\n", at);
            int size = Integer.parseInt(framing.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
