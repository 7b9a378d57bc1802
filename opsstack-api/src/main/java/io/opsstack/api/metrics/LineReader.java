package io.opsstack.api.metrics;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads {@code \n}-terminated lines (a trailing {@code \r} is dropped) while keeping at most
 * {@code maxChars} of a line in memory: the rest of an over-long line is consumed and discarded.
 */
final class LineReader {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean truncated;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line (its first {@code maxChars} chars if longer), or null at the end of input. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        truncated = false;
        boolean readAny = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!readAny) {
                    return null;
                }
                break;
            }
            readAny = true;
            char c = buffer[position++];
            if (c == '\n') {
                break;
            }
            if (line.length() < maxChars) {
                line.append(c);
            } else {
                truncated = true;
            }
        }
        lineNumber++;
        int last = line.length() - 1;
        if (!truncated && last >= 0 && line.charAt(last) == '\r') {
            line.setLength(last);
        }
        return line.toString();
    }

    /** Whether the line last returned was longer than the limit. */
    boolean truncated() {
        return truncated;
    }

    /** 1-based number of the line last returned. */
    long lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
