// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, one request per connection, so the fuzz can send what a
 * well-behaved client library refuses to: raw bytes in the request target, header values with
 * odd bytes, bodies without a length (chunked, in pieces of random sizes), invalid UTF-8.
 *
 * <p>The body is written on its own thread while the answer is read, so an early answer (a 413
 * from the length, a 403 before the body is read) is seen even when the server stops reading.
 */
final class RawHttp {
    private static final int TIMEOUT_MS = 45_000;
    private static final int MAX_ANSWER = 64 * 1024 * 1024;

    private RawHttp() {
    }

    /** A header as sent: the value may hold any bytes. */
    record Header(String name, byte[] value) {
        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** How the body travels: with a Content-Length, chunked in pieces of these sizes, or not at all. */
    record Transfer(boolean chunked, int[] pieces) {
        static final Transfer LENGTH = new Transfer(false, new int[0]);

        static Transfer chunked(int... pieces) {
            return new Transfer(true, pieces);
        }
    }

    /** The answer; {@code status} is -1 when there was none, and {@code problem} says why. */
    record Answer(int status, Map<String, String> headers, byte[] body, String problem) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Answer exchange(int port, String method, byte[] target, List<Header> headers, byte[] body, Transfer transfer) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(TIMEOUT_MS);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
            head.write(target);
            head.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            line(head, "Host", ("127.0.0.1:" + port).getBytes(StandardCharsets.ISO_8859_1));
            line(head, "Connection", "close".getBytes(StandardCharsets.ISO_8859_1));
            for (Header h : headers) {
                line(head, h.name(), h.value());
            }
            if (body != null) {
                if (transfer.chunked()) {
                    line(head, "Transfer-Encoding", "chunked".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    line(head, "Content-Length", Integer.toString(body.length).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            out.flush();
            CompletableFuture<Void> writing = body == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> writeBody(out, body, transfer), RawHttp::onVirtualThread);
            Answer answer = read(socket.getInputStream());
            writing.exceptionally(e -> null).join();
            return answer;
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), new byte[0], "no answer within " + TIMEOUT_MS / 1000 + " s");
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], "connection failed without an answer: " + e.getClass().getSimpleName());
        }
    }

    private static void onVirtualThread(Runnable work) {
        Thread.ofVirtual().name("fuzz-body-writer").start(work);
    }

    private static void writeBody(OutputStream out, byte[] body, Transfer transfer) {
        try {
            if (!transfer.chunked()) {
                out.write(body);
            } else {
                int at = 0;
                int piece = 0;
                while (at < body.length) {
                    int size = transfer.pieces().length == 0 ? body.length : Math.max(1, transfer.pieces()[piece++ % transfer.pieces().length]);
                    size = Math.min(size, body.length - at);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, at, size);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    at += size;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // The server stopped reading (an early answer); the answer is read on the other side.
        }
    }

    private static void line(ByteArrayOutputStream head, String name, byte[] value) throws IOException {
        head.write(name.getBytes(StandardCharsets.ISO_8859_1));
        head.write(": ".getBytes(StandardCharsets.ISO_8859_1));
        head.write(value);
        head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream raw) throws IOException {
        InputStream in = new java.io.BufferedInputStream(raw);
        while (true) {
            String status = readLine(in);
            if (status == null) {
                return new Answer(-1, Map.of(), new byte[0], "the connection closed without an answer");
            }
            String[] parts = status.split(" ", 3);
            int code;
            try {
                code = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                return new Answer(-1, Map.of(), new byte[0], "unreadable status line");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
                }
            }
            if (code >= 100 && code < 200) {
                continue; // 100 Continue: the final answer follows
            }
            byte[] body;
            try {
                body = body(in, headers);
            } catch (IOException e) {
                return new Answer(code, headers, new byte[0], "the answer's body was cut off: " + e.getClass().getSimpleName());
            }
            return new Answer(code, headers, body, null);
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new IOException("chunked answer cut off");
                }
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                        // trailers are not used
                    }
                    return out.toByteArray();
                }
                out.write(in.readNBytes(size));
                readLine(in);
                if (out.size() > MAX_ANSWER) {
                    throw new IOException("answer too large");
                }
            }
        }
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.split(",")[0].strip()));
        }
        return in.readNBytes(MAX_ANSWER);
    }

    /** A header or status line without its CRLF; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
