package io.opsstack.api.metrics;

/** A cursor over one line with the token rules of the text exposition format. */
final class LineScanner {
    static final int END = -1;

    private final String line;
    private int position;

    LineScanner(String line) {
        this.line = line;
    }

    int peek() {
        return position < line.length() ? line.charAt(position) : END;
    }

    boolean atEnd() {
        return position >= line.length();
    }

    void advance() {
        position++;
    }

    void expect(char expected, String what) {
        if (peek() != expected) {
            throw new MalformedLineException("expected '" + expected + "' " + what + found());
        }
        position++;
    }

    /** Skips spaces and tabs; returns how many. */
    int skipBlanks() {
        int start = position;
        while (position < line.length() && isBlank(line.charAt(position))) {
            position++;
        }
        return position - start;
    }

    /** The characters up to the next blank or the end of the line. */
    String readToken() {
        int start = position;
        while (position < line.length() && !isBlank(line.charAt(position))) {
            position++;
        }
        return line.substring(start, position);
    }

    /** The rest of the line. */
    String readRest() {
        String rest = line.substring(position);
        position = line.length();
        return rest;
    }

    boolean atMetricNameStart() {
        int c = peek();
        return c != END && isMetricNameStart((char) c);
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; the caller checked {@link #atMetricNameStart()}. */
    String readMetricName() {
        int start = position;
        while (position < line.length()
                && (isMetricNameStart(line.charAt(position)) || isDigit(line.charAt(position)))) {
            position++;
        }
        return line.substring(start, position);
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    String readLabelName() {
        int start = position;
        if (!atEnd() && isLetterOrUnderscore(line.charAt(position))) {
            position++;
            while (position < line.length()
                    && (isLetterOrUnderscore(line.charAt(position)) || isDigit(line.charAt(position)))) {
                position++;
            }
        }
        if (start == position) {
            throw new MalformedLineException("expected a label name" + found());
        }
        return line.substring(start, position);
    }

    /** A metric name, plain or quoted ({@code "my.dotted.metric"}), as {@code # HELP}/{@code # TYPE} lines carry it. */
    String readMetricNameOrQuoted() {
        if (peek() == '"') {
            return requireNonEmptyName(readQuoted());
        }
        if (!atMetricNameStart()) {
            throw new MalformedLineException("expected a metric name" + found());
        }
        return readMetricName();
    }

    /** A double-quoted string with the escapes {@code \\}, {@code \"} and {@code \n}. */
    String readQuoted() {
        expect('"', "to open a quoted string");
        StringBuilder out = new StringBuilder();
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            int escaped = peek();
            position++;
            switch (escaped) {
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case 'n' -> out.append('\n');
                case END -> throw new MalformedLineException("unterminated quoted string");
                default -> throw new MalformedLineException("invalid escape sequence '\\" + (char) escaped + "'");
            }
        }
        throw new MalformedLineException("unterminated quoted string");
    }

    /** What the cursor is looking at, for messages. */
    String found() {
        return atEnd() ? " but the line ended" : " but found '" + line.charAt(position) + "'";
    }

    static String requireNonEmptyName(String name) {
        if (name.isEmpty()) {
            throw new MalformedLineException("metric name must not be empty");
        }
        return name;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isMetricNameStart(char c) {
        return isLetterOrUnderscore(c) || c == ':';
    }

    private static boolean isLetterOrUnderscore(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
