package io.opsstack.api.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses a sample line: {@code name{labels} value [timestamp_ms] [# exemplar]}. */
final class SampleLineParser {
    static final String SPACE_BEFORE_BRACE = "space between metric name and '{' (accepted: known Patroni 3.0.2 output)";

    /**
     * Go's decimal float syntax. Hex floats and '_' digit separators are rejected, as the reference
     * Go parser (prometheus/common expfmt) rejects them before calling strconv.ParseFloat.
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    /** A parsed sample; {@code leniency} names the tolerated malformation, or is null. */
    record ParsedSample(Sample sample, String leniency) {
    }

    private SampleLineParser() {
    }

    static ParsedSample parse(String line) {
        LineScanner scanner = new LineScanner(line);
        scanner.skipBlanks();
        String name = scanner.atMetricNameStart() ? scanner.readMetricName() : null;
        boolean blankAfterName = scanner.skipBlanks() > 0;
        Map<String, String> labels = new LinkedHashMap<>();
        String leniency = null;
        if (scanner.peek() == '{') {
            if (name != null && blankAfterName) {
                leniency = SPACE_BEFORE_BRACE;
            }
            name = readLabels(scanner, name, labels);
            if (scanner.skipBlanks() == 0 && !scanner.atEnd()) {
                throw new MalformedLineException("expected a space after the labels" + scanner.found());
            }
        } else if (name == null) {
            throw new MalformedLineException("expected a metric name" + scanner.found());
        } else if (!blankAfterName && !scanner.atEnd()) {
            throw new MalformedLineException("invalid character in metric name" + scanner.found());
        }
        if (name == null) {
            throw new MalformedLineException("missing metric name");
        }
        if (scanner.atEnd()) {
            throw new MalformedLineException("missing value");
        }
        double value = parseValue(scanner.readToken());
        scanner.skipBlanks();
        Long timestamp = null;
        if (!scanner.atEnd() && scanner.peek() != '#') {
            timestamp = parseTimestamp(scanner.readToken());
            scanner.skipBlanks();
        }
        // What remains may only be an OpenMetrics exemplar (" # {labels} value [ts]"), which is skipped.
        if (!scanner.atEnd() && scanner.peek() != '#') {
            throw new MalformedLineException("unexpected text after the timestamp" + scanner.found());
        }
        return new ParsedSample(new Sample(name, labels, value, timestamp), leniency);
    }

    /** Reads {@code {...}} into {@code labels}; returns the metric name, which may be quoted inside the braces. */
    private static String readLabels(LineScanner scanner, String name, Map<String, String> labels) {
        scanner.expect('{', "to open the labels");
        boolean first = true;
        while (true) {
            scanner.skipBlanks();
            if (scanner.peek() == '}') {
                scanner.advance();
                return name;
            }
            String labelName;
            if (scanner.peek() == '"') {
                String quoted = scanner.readQuoted();
                scanner.skipBlanks();
                if (scanner.peek() != '=') {
                    // {"my.dotted.metric", ...}: a quoted string without '=' is the metric name.
                    if (!first || name != null) {
                        throw new MalformedLineException("a quoted metric name must come first inside '{' "
                                + "and only when no name precedes it");
                    }
                    name = LineScanner.requireNonEmptyName(quoted);
                    first = false;
                    expectSeparator(scanner);
                    continue;
                }
                labelName = quoted;
            } else {
                labelName = scanner.readLabelName();
                scanner.skipBlanks();
            }
            scanner.expect('=', "after label name '" + labelName + "'");
            scanner.skipBlanks();
            String labelValue = scanner.readQuoted();
            if (labels.putIfAbsent(labelName, labelValue) != null) {
                throw new MalformedLineException("duplicate label '" + labelName + "'");
            }
            first = false;
            scanner.skipBlanks();
            expectSeparator(scanner);
        }
    }

    /** After a label: ',' (consumed; a trailing one is allowed) or '}' (left for the caller). */
    private static void expectSeparator(LineScanner scanner) {
        if (scanner.peek() == ',') {
            scanner.advance();
        } else if (scanner.peek() != '}') {
            throw new MalformedLineException("expected ',' or '}' after a label" + scanner.found());
        }
    }

    /** A Go float: decimal or exponent forms, NaN, Inf/Infinity with optional sign (case-insensitive). */
    static double parseValue(String token) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!DECIMAL.matcher(token).matches()) {
                    throw new MalformedLineException("invalid value '" + token + "'");
                }
                return Double.parseDouble(token);
        }
    }

    private static long parseTimestamp(String token) {
        if (INTEGER.matcher(token).matches()) {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException outOfRange) {
                // falls through to the message below
            }
        }
        throw new MalformedLineException("timestamp must be integer milliseconds: '" + token + "'");
    }
}
