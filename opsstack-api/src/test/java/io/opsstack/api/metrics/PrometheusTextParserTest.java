package io.opsstack.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.opsstack.api.error.OpsValidationException;

class PrometheusTextParserTest {
    private final PrometheusTextParser parser = PrometheusTextParser.create();

    @ParameterizedTest
    @CsvSource({
            "1, 1.0", "-0.5, -0.5", ".5, 0.5", "5., 5.0", "1e3, 1000.0", "1.5E-3, 0.0015", "+2, 2.0",
            "007, 7.0", "Inf, Infinity", "+Inf, Infinity", "-Inf, -Infinity", "inf, Infinity",
            "+infinity, Infinity", "-Infinity, -Infinity", "NaN, NaN", "nan, NaN"})
    void goFloatValues(String token, double expected) {
        assertEquals(expected, SampleLineParser.parseValue(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p3", "0x10", "1_000", "1d", "1f", "+NaN", "--1", "1e", "e5", ".", "one", "1,5"})
    void valuesTheGoParserRejects(String token) {
        assertThrows(MalformedLineException.class, () -> SampleLineParser.parseValue(token));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "foo{a=\"1\"b=\"2\"} 1 | expected ',' or '}' after a label but found 'b'",
            "foo{a=\"1\",,} 1 | expected a label name but found ','",
            "foo{a=\"1\",a=\"2\"} 1 | duplicate label 'a'",
            "foo{a=\"x\\q\"} 1 | invalid escape sequence '\\q'",
            "foo{a=\"open} 1 | unterminated quoted string",
            "foo{a.b=\"1\"} 1 | expected '=' after label name 'a' but found '.'",
            "foo 1 2 3 | unexpected text after the timestamp but found '3'",
            "foo 1 1.5 | timestamp must be integer milliseconds: '1.5'",
            "foo 1 99999999999999999999 | timestamp must be integer milliseconds: '99999999999999999999'",
            "foo.bar 1 | invalid character in metric name but found '.'",
            "foo | missing value",
            "foo{} | missing value",
            "{a=\"1\"} 1 | missing metric name",
            "{} 1 | missing metric name",
            "foo{\"bar\"} 1 | a quoted metric name must come first inside '{' and only when no name precedes it",
            "{\"a\", \"b\"} 1 | a quoted metric name must come first inside '{' and only when no name precedes it",
            "{\"\"} 1 | metric name must not be empty",
            "9lives 1 | expected a metric name but found '9'",
            "foo{a=\"1\"}1 | expected a space after the labels but found '1'",
            "# TYPE foo bogus | unknown metric type 'bogus'",
            "# TYPE foo | TYPE line must be '# TYPE name type'",
            "# HELP | HELP line without a metric name"})
    void malformedLinesAreReportedWithTheirReason(String line, String reason) {
        MetricsPage page = parser.parse("ok 1\n" + line + "\nalso_ok 2\n");

        assertEquals(List.of(new ParseWarning(2, reason, line)), page.warnings());
        assertEquals(2, page.families().stream().mapToInt(f -> f.samples().size()).sum());
    }

    @Test
    void quotedUtf8NamesInSamplesHelpAndType() {
        MetricsPage page = parser.parse("""
                # HELP "my.dotted.metric" Requests by \\"outcome\\".
                # TYPE "my.dotted.metric" counter
                {"my.dotted.metric", "error.message"="Not Found", "ünïcödé"="✓"} 3
                {  "my.dotted.metric"  ,  } 4
                """);

        assertEquals(List.of(), page.warnings());
        MetricFamily family = page.family("my.dotted.metric").orElseThrow();
        assertEquals(MetricType.COUNTER, family.type());
        assertEquals("Requests by \\\"outcome\\\".", family.help(), "HELP keeps escapes other than \\\\ and \\n");
        assertEquals(Map.of("error.message", "Not Found", "ünïcödé", "✓"), family.samples().get(0).labels());
        assertEquals(7.0, page.sum("my.dotted.metric"));
    }

    @Test
    void labelOrderIsKeptAndTrailingCommaAllowed() {
        Sample sample = parser.parse("m{z=\"1\",a=\"2\",m=\"3\",} 1 -5\n").samples("m").get(0);

        assertEquals(List.of("z", "a", "m"), List.copyOf(sample.labels().keySet()));
        assertEquals(-5L, sample.timestampMillis());
    }

    @Test
    void metadataIsAttachedAndDuplicatesAreWarned() {
        MetricsPage page = parser.parse("""
                # HELP up First.
                # HELP up Second.
                # TYPE up gauge
                # TYPE up counter
                up 1
                # TYPE declared_only gauge
                late 1
                # TYPE late gauge
                """);

        assertEquals(List.of("second HELP line for 'up'", "second TYPE line for 'up'",
                "TYPE line for 'late' after its samples"), page.warnings().stream().map(ParseWarning::reason).toList());
        MetricFamily up = page.family("up").orElseThrow();
        assertEquals("First.", up.help());
        assertEquals(MetricType.GAUGE, up.type());
        assertEquals(MetricType.UNTYPED, page.family("late").orElseThrow().type());
        MetricFamily declaredOnly = page.family("declared_only").orElseThrow();
        assertEquals(MetricType.GAUGE, declaredOnly.type());
        assertTrue(declaredOnly.samples().isEmpty(), "a declared family without samples is kept");
    }

    @Test
    void blankLinesCarriageReturnsAndLeadingBlanksAreTolerated() {
        MetricsPage page = parser.parse("\r\n  \n\t a 1\r\nb 2 # {trace_id=\"x\"} 1\r\n\n");

        assertEquals(List.of(), page.warnings());
        assertEquals(1.0, page.value("a").getAsDouble());
        assertEquals(2.0, page.value("b").getAsDouble());
    }

    @Test
    void overLongLinesAreSkippedWithAWarning() {
        PrometheusTextParser small = PrometheusTextParser.builder().maxLineLength(40).build();
        String longLine = "long{label=\"" + "x".repeat(1000) + "\"} 1";

        MetricsPage page = small.parse("before 1\n" + longLine + "\nafter 2\n");

        assertEquals(1, page.warnings().size());
        ParseWarning warning = page.warnings().get(0);
        assertEquals(2, warning.lineNumber());
        assertEquals("line longer than 40 characters skipped", warning.reason());
        assertEquals(40, warning.excerpt().length());
        assertEquals(List.of("before", "after"), page.families().stream().map(MetricFamily::name).toList());
    }

    @Test
    void warningsBeyondTheLimitAreCounted() {
        PrometheusTextParser limited = PrometheusTextParser.fromMap(Map.of("maxWarnings", "2"));

        MetricsPage page = limited.parse("bad\nbad\nbad\nbad\nbad\ngood 1\n");

        assertEquals(3, page.warnings().size());
        assertEquals(new ParseWarning(5, "3 further warnings omitted", ""), page.warnings().get(2));
    }

    @Test
    void optionsFromMapAndBuilder() {
        PrometheusTextParser fromMap = PrometheusTextParser.fromMap(Map.of("strict", true, "maxLineLength", 128));

        assertTrue(fromMap.strict());
        assertEquals(128, fromMap.maxLineLength());
        assertEquals(PrometheusTextParser.DEFAULT_MAX_WARNINGS, fromMap.maxWarnings());
        assertEquals(fromMap.toString(), fromMap.toBuilder().build().toString());
        assertThrows(OpsValidationException.class, () -> PrometheusTextParser.fromMap(Map.of("strictness", true)));
        assertThrows(OpsValidationException.class, () -> PrometheusTextParser.fromMap(Map.of("maxLineLength", "x")));
        assertThrows(OpsValidationException.class, () -> PrometheusTextParser.builder().maxLineLength(0));
    }

    @Test
    void lookupsValidateLabelPairs() {
        MetricsPage page = parser.parse("a{x=\"1\"} 1\n");

        assertThrows(OpsValidationException.class, () -> page.value("a", "x"));
        assertTrue(page.value("a", "x", "2").isEmpty());
        assertTrue(page.value("missing").isEmpty());
        assertEquals(0.0, page.sum("missing"));
    }

    @Test
    void pageToMapAndSerialization() throws Exception {
        MetricsPage page = parser.parse("# HELP a Help.\n# TYPE a gauge\na{x=\"1\"} 1.5 123\nbad\n");

        assertEquals(Map.of(
                "families", List.of(Map.of("name", "a", "type", "GAUGE", "help", "Help.", "samples",
                        List.of(Map.of("name", "a", "labels", Map.of("x", "1"), "value", 1.5,
                                "timestampMillis", 123L)))),
                "warnings", List.of(Map.of("lineNumber", 4L, "reason", "missing value", "excerpt", "bad"))),
                page.toMap());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(page);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(page, in.readObject());
        }
    }
}
