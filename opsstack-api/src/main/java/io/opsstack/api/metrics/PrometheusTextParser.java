package io.opsstack.api.metrics;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * Parser for the Prometheus text exposition format (version 0.0.4) as served on {@code /metrics}
 * by VictoriaMetrics components and Patroni, including the quoted UTF-8 name syntax
 * ({@code {"my.dotted.metric", "error.message"="Not Found"}}) and the OpenMetrics text extras
 * ({@code # EOF}, {@code # UNIT} and exemplars are skipped, {@code _created} series dropped).
 *
 * <pre>{@code
 * MetricsPage page = PrometheusTextParser.create().parse(text);
 * double rows = page.sum("vm_rows");
 * }</pre>
 *
 * <p>Lenient by default: a malformed line becomes a {@link ParseWarning} and parsing continues; the
 * known Patroni 3.0.2 form with a space before <code>'&#123;'</code> is accepted and also reported. In strict
 * mode the first malformed line, including that one, throws {@link MetricsParseException}. Lines
 * longer than {@link #maxLineLength()} are skipped without being held in memory.
 *
 * <p>Timestamps must be integer milliseconds (OpenMetrics second timestamps are reported as
 * malformed). Immutable and thread-safe.
 */
public final class PrometheusTextParser {
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
    public static final int DEFAULT_MAX_WARNINGS = 1000;

    private final boolean strict;
    private final int maxLineLength;
    private final int maxWarnings;

    private PrometheusTextParser(Builder builder) {
        this.strict = builder.strict;
        this.maxLineLength = builder.maxLineLength;
        this.maxWarnings = builder.maxWarnings;
    }

    /** A lenient parser with default limits. */
    public static PrometheusTextParser create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A parser from script options: {@code strict} (boolean), {@code maxLineLength},
     * {@code maxWarnings} (numbers); values may also be strings.
     */
    public static PrometheusTextParser fromMap(Map<String, ?> options) {
        Builder builder = builder();
        options.forEach((key, value) -> {
            String text = String.valueOf(value);
            switch (key) {
                case "strict" -> builder.strict(Boolean.parseBoolean(text));
                case "maxLineLength" -> builder.maxLineLength(parseInt(key, text));
                case "maxWarnings" -> builder.maxWarnings(parseInt(key, text));
                default -> throw new OpsValidationException("unknown parser option '" + key
                        + "' (known: strict, maxLineLength, maxWarnings)");
            }
        });
        return builder.build();
    }

    public Builder toBuilder() {
        return builder().strict(strict).maxLineLength(maxLineLength).maxWarnings(maxWarnings);
    }

    public MetricsPage parse(String text) {
        return parse(new StringReader(text));
    }

    /** Reads UTF-8; does not close the stream. */
    public MetricsPage parse(InputStream in) {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Reads to the end; does not close the reader. */
    public MetricsPage parse(Reader reader) {
        PageCollector collector = new PageCollector(maxWarnings);
        parse(reader, collector);
        return collector.toPage();
    }

    /** Streams UTF-8 lines to {@code visitor} without keeping samples; does not close the stream. */
    public void parse(InputStream in, SampleVisitor visitor) {
        parse(new InputStreamReader(in, StandardCharsets.UTF_8), visitor);
    }

    /**
     * Streams the lines to {@code visitor} without keeping samples; does not close the reader.
     *
     * @throws MetricsParseException if reading fails, or in strict mode on the first malformed line
     */
    public void parse(Reader reader, SampleVisitor visitor) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(visitor, "visitor");
        new ParseRun(strict, maxLineLength, visitor).run(reader);
    }

    public boolean strict() {
        return strict;
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    /** How many warnings a {@link MetricsPage} keeps; further ones are counted in one last warning. */
    public int maxWarnings() {
        return maxWarnings;
    }

    @Override
    public String toString() {
        return "PrometheusTextParser[strict=" + strict + ", maxLineLength=" + maxLineLength
                + ", maxWarnings=" + maxWarnings + "]";
    }

    private static int parseInt(String key, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("parser option '" + key + "' must be an integer: " + text);
        }
    }

    /** Options for {@link PrometheusTextParser}; not thread-safe. */
    public static final class Builder {
        private boolean strict;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
        private int maxWarnings = DEFAULT_MAX_WARNINGS;

        private Builder() {
        }

        /** Fail on the first malformed line instead of reporting it. Default: false. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Longer lines are skipped with a warning. Default: 64 KiB. */
        public Builder maxLineLength(int maxLineLength) {
            if (maxLineLength < 1) {
                throw new OpsValidationException("maxLineLength must be positive: " + maxLineLength);
            }
            this.maxLineLength = maxLineLength;
            return this;
        }

        /** Warnings a collected page keeps. Default: 1000. */
        public Builder maxWarnings(int maxWarnings) {
            if (maxWarnings < 0) {
                throw new OpsValidationException("maxWarnings must not be negative: " + maxWarnings);
            }
            this.maxWarnings = maxWarnings;
            return this;
        }

        public PrometheusTextParser build() {
            return new PrometheusTextParser(this);
        }
    }
}
