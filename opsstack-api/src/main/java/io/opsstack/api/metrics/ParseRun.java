package io.opsstack.api.metrics;

import java.io.IOException;
import java.io.Reader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.secret.Redaction;

/** The state of one parse: reads lines, dispatches comments and samples, reports malformed lines. */
final class ParseRun {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusTextParser.class);
    private static final int EXCERPT_CHARS = 200;

    private final boolean strict;
    private final int maxLineLength;
    private final SampleVisitor visitor;
    private final FamilyResolver families = new FamilyResolver();

    ParseRun(boolean strict, int maxLineLength, SampleVisitor visitor) {
        this.strict = strict;
        this.maxLineLength = maxLineLength;
        this.visitor = visitor;
    }

    void run(Reader reader) {
        LineReader lines = new LineReader(reader, maxLineLength);
        String line;
        while ((line = readLine(lines)) != null) {
            long lineNumber = lines.lineNumber();
            if (lines.truncated()) {
                warn(lineNumber, "line longer than " + maxLineLength + " characters skipped", line);
                continue;
            }
            try {
                parseLine(lineNumber, line);
            } catch (MalformedLineException malformed) {
                warn(lineNumber, malformed.getMessage(), line);
            }
        }
    }

    private void parseLine(long lineNumber, String line) {
        LineScanner scanner = new LineScanner(line);
        scanner.skipBlanks();
        if (scanner.atEnd()) {
            return;
        }
        if (scanner.peek() == '#') {
            scanner.advance();
            parseComment(scanner);
            return;
        }
        SampleLineParser.ParsedSample parsed = SampleLineParser.parse(line);
        if (parsed.leniency() != null) {
            warn(lineNumber, parsed.leniency(), line);
        }
        MetricDescriptor family = families.resolve(parsed.sample());
        if (family != null) {
            visitor.onSample(family, parsed.sample());
        }
    }

    /** {@code # HELP}, {@code # TYPE}; {@code # UNIT}, {@code # EOF} and any other comment are skipped. */
    private void parseComment(LineScanner scanner) {
        scanner.skipBlanks();
        String keyword = scanner.readToken();
        if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
            return;
        }
        if (scanner.skipBlanks() == 0) {
            throw new MalformedLineException(keyword + " line without a metric name");
        }
        String name = scanner.readMetricNameOrQuoted();
        if (scanner.skipBlanks() == 0 && !scanner.atEnd()) {
            throw new MalformedLineException("invalid character in metric name" + scanner.found());
        }
        if (keyword.equals("HELP")) {
            visitor.onMetadata(families.declareHelp(name, unescapeHelp(scanner.readRest())));
            return;
        }
        String type = scanner.readToken();
        scanner.skipBlanks();
        if (type.isEmpty() || !scanner.atEnd()) {
            throw new MalformedLineException("TYPE line must be '# TYPE name type'");
        }
        visitor.onMetadata(families.declareType(name, type));
    }

    /** HELP text escapes only {@code \\} and {@code \n}; any other backslash is kept as written. */
    private static String unescapeHelp(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '\\' || next == 'n') {
                    out.append(next == 'n' ? '\n' : '\\');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private void warn(long lineNumber, String reason, String line) {
        ParseWarning warning = new ParseWarning(lineNumber, reason, Redaction.excerpt(line, EXCERPT_CHARS));
        if (strict) {
            throw new MetricsParseException(warning);
        }
        LOG.debug("metrics line {}: {}", lineNumber, reason);
        visitor.onWarning(warning);
    }

    private static String readLine(LineReader lines) {
        try {
            return lines.next();
        } catch (IOException e) {
            throw new MetricsParseException("reading the metrics page failed after line " + lines.lineNumber(), e);
        }
    }
}
