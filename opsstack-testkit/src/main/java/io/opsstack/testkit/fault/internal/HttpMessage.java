package io.opsstack.testkit.fault.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.x request or response: start line, headers in order, and the body bytes exactly as
 * framed on the wire ({@code Content-Length}, chunked, or — for responses only — until the server
 * closes). Knowing where each message ends is what lets the proxy inject a fault into one request
 * of a kept-alive, pooled connection.
 */
final class HttpMessage {
    private static final int MAX_HEADERS = 200;

    private final String startLine;
    private final List<String[]> headers;
    private final byte[] body;
    private final boolean closeDelimited;

    private HttpMessage(String startLine, List<String[]> headers, byte[] body, boolean closeDelimited) {
        this.startLine = startLine;
        this.headers = headers;
        this.body = body;
        this.closeDelimited = closeDelimited;
    }

    /** A message made up by the proxy: {@code content} framed by {@code Content-Length}. */
    static HttpMessage of(String startLine, List<String[]> headers, byte[] content) {
        return new HttpMessage(startLine, new ArrayList<>(headers), new byte[0], false).withContent(content);
    }

    /** The next request on a connection, or null when the client closed it between requests. */
    static HttpMessage readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        String startLine = HttpWire.readLine(in, ignored);
        while (startLine != null && startLine.isEmpty()) {
            startLine = HttpWire.readLine(in, ignored); // tolerated leading empty lines (RFC 9112 §2.2)
        }
        if (startLine == null) {
            return null;
        }
        if (startLine.split(" ").length != 3) {
            throw new IOException("malformed request line '" + startLine + "'");
        }
        List<String[]> headers = readHeaders(in);
        HttpMessage head = new HttpMessage(startLine, headers, new byte[0], false);
        if (head.chunked()) {
            return head.withRawBody(HttpWire.readChunked(in), false);
        }
        long length = head.contentLength();
        return length > 0 ? head.withRawBody(HttpWire.readExactly(in, length), false) : head;
    }

    /** The response to a request sent with {@code requestMethod}; interim 1xx answers are skipped. */
    static HttpMessage readResponse(InputStream in, String requestMethod) throws IOException {
        while (true) {
            String startLine = HttpWire.readLine(in, new ByteArrayOutputStream());
            if (startLine == null) {
                throw new java.io.EOFException("the server closed the connection without an answer");
            }
            HttpMessage head = new HttpMessage(startLine, readHeaders(in), new byte[0], false);
            int status = head.status();
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            if ("HEAD".equals(requestMethod) || status == 204 || status == 304 || status == 101) {
                return head;
            }
            if (head.chunked()) {
                return head.withRawBody(HttpWire.readChunked(in), false);
            }
            long length = head.contentLength();
            if (length >= 0) {
                return head.withRawBody(HttpWire.readExactly(in, length), false);
            }
            return head.withRawBody(HttpWire.readToEnd(in), true);
        }
    }

    private static List<String[]> readHeaders(InputStream in) throws IOException {
        List<String[]> headers = new ArrayList<>();
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        String line;
        while ((line = HttpWire.readLine(in, ignored)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line '" + line + "'");
            }
            if (headers.size() >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " headers");
            }
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        if (line == null) {
            throw new java.io.EOFException("stream ended inside the header section");
        }
        return headers;
    }

    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    /** The request target's path, without the query. */
    String path() {
        String target = startLine.split(" ")[1];
        int query = target.indexOf('?');
        return query >= 0 ? target.substring(0, query) : target;
    }

    /** The request target's raw query, empty when there is none. */
    String query() {
        String target = startLine.split(" ")[1];
        int query = target.indexOf('?');
        return query >= 0 ? target.substring(query + 1) : "";
    }

    int status() {
        String[] parts = startLine.split(" ", 3);
        try {
            return Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The value of the last header with this name, or null. */
    String header(String name) {
        String value = null;
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                value = header[1];
            }
        }
        return value;
    }

    /** Whether the connection stays open after this message (HTTP/1.1 default, HTTP/1.0 only with keep-alive). */
    boolean keepsConnectionOpen() {
        if (closeDelimited) {
            return false;
        }
        String connection = header("Connection");
        String tokens = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if (startLine.startsWith("HTTP/1.0") || startLine.endsWith("HTTP/1.0")) {
            return tokens.contains("keep-alive");
        }
        return !tokens.contains("close");
    }

    /** The body's data with chunk framing removed. */
    byte[] content() throws IOException {
        return chunked() ? HttpWire.dechunk(body) : body;
    }

    boolean hasBody() {
        return body.length > 0;
    }

    /** This message with {@code content} as its whole body, framed by {@code Content-Length}. */
    HttpMessage withContent(byte[] content) {
        List<String[]> kept = new ArrayList<>();
        for (String[] header : headers) {
            if (!header[0].equalsIgnoreCase("Content-Length") && !header[0].equalsIgnoreCase("Transfer-Encoding")) {
                kept.add(header);
            }
        }
        kept.add(new String[] {"Content-Length", Integer.toString(content.length)});
        return new HttpMessage(startLine, kept, content, closeDelimited);
    }

    /** The message as it goes on the wire. */
    byte[] bytes() {
        StringBuilder head = new StringBuilder(startLine).append("\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private HttpMessage withRawBody(byte[] raw, boolean delimitedByClose) {
        return new HttpMessage(startLine, headers, raw, delimitedByClose);
    }

    private boolean chunked() {
        String encoding = header("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).trim().endsWith("chunked");
    }

    /** The declared length, or -1 when there is none. */
    private long contentLength() throws IOException {
        String value = header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0) {
                throw new NumberFormatException(value);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length '" + value + "'", e);
        }
    }
}
