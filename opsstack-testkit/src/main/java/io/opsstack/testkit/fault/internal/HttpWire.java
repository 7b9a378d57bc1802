package io.opsstack.testkit.fault.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the pieces of HTTP/1.x framing off a stream: lines, fixed-length bodies, chunked bodies. */
final class HttpWire {
    private static final int MAX_LINE = 16 * 1024;

    private HttpWire() {
    }

    /**
     * One line without its CR LF (a bare LF is accepted), or null at end of stream before any byte.
     */
    static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            raw.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new EOFException("stream ended inside an HTTP line");
    }

    static byte[] readExactly(InputStream in, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("HTTP body of " + length + " bytes is too large for the fault proxy");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("stream ended after " + body.length + " of " + length + " body bytes");
        }
        return body;
    }

    /** A chunked body exactly as sent: chunk sizes, data, the last chunk and the trailer section. */
    static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            long size = chunkSize(required(readLine(in, raw)));
            if (size == 0) {
                String trailer;
                do {
                    trailer = required(readLine(in, raw));
                } while (!trailer.isEmpty());
                return raw.toByteArray();
            }
            raw.write(readExactly(in, size));
            if (!required(readLine(in, raw)).isEmpty()) {
                throw new IOException("chunk data not followed by CR LF");
            }
        }
    }

    /** The data of a chunked body read by {@link #readChunked}. */
    static byte[] dechunk(byte[] chunked) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        long size;
        while ((size = chunkSize(required(readLine(in, ignored)))) > 0) {
            data.write(readExactly(in, size));
            readLine(in, ignored);
        }
        return data.toByteArray();
    }

    /** Everything until the peer closes the stream (a response without length framing). */
    static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static long chunkSize(String line) throws IOException {
        int extension = line.indexOf(';');
        String hex = (extension >= 0 ? line.substring(0, extension) : line).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException(hex);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size line '" + line + "'", e);
        }
    }

    private static String required(String line) throws EOFException {
        if (line == null) {
            throw new EOFException("stream ended inside a chunked body");
        }
        return line;
    }
}
