package io.opsstack.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Pages written from the documented formats: Patroni 3.0.2, node_exporter style, OpenMetrics. */
class HandWrittenPagesTest {
    private final PrometheusTextParser parser = PrometheusTextParser.create();

    @Test
    void patroniSpaceBeforeBraceIsAcceptedAndReported() {
        MetricsPage page = parser.parse(Fixtures.page("patroni-3.0.2.prom"));

        assertEquals(3.0, page.value("patroni_postgres_timeline", "scope", "batman").getAsDouble());
        assertEquals(1, page.warnings().size());
        ParseWarning warning = page.warnings().get(0);
        assertEquals(51, warning.lineNumber());
        assertEquals(SampleLineParser.SPACE_BEFORE_BRACE, warning.reason());
        assertTrue(warning.excerpt().startsWith("patroni_postgres_timeline {scope="), warning.excerpt());

        MetricFamily timeline = page.family("patroni_postgres_timeline").orElseThrow();
        assertEquals(MetricType.COUNTER, timeline.type());
        assertEquals("Postgres timeline of this node (if running), 0 otherwise.", timeline.help());
        assertEquals(30002.0, page.value("patroni_version").getAsDouble());
        assertEquals(1680000000.123456, page.value("patroni_postmaster_start_time").getAsDouble());
        assertEquals(1.0, page.value("patroni_primary", "scope", "batman").getAsDouble());
        assertEquals(20, page.families().size());
    }

    @Test
    void strictModeFailsOnThePatroniLine() {
        PrometheusTextParser strict = PrometheusTextParser.builder().strict(true).build();

        MetricsParseException e = assertThrows(MetricsParseException.class,
                () -> strict.parse(Fixtures.page("patroni-3.0.2.prom")));
        assertEquals(51, e.warning().lineNumber());
        assertTrue(e.getMessage().contains("line 51"), e.getMessage());
    }

    @Test
    void nodeExporterHistogramBucketsInOrderWithInfLast() {
        MetricsPage page = parser.parse(Fixtures.page("node-exporter.prom"));

        MetricFamily histogram = page.family("http_request_duration_seconds").orElseThrow();
        assertEquals(MetricType.HISTOGRAM, histogram.type());
        assertEquals("A histogram of the request duration.", histogram.help());
        List<Sample> buckets = histogram.samples("http_request_duration_seconds_bucket");
        assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "+Inf"),
                buckets.stream().map(b -> b.labels().get("le")).toList());
        assertEquals(20.0, buckets.get(buckets.size() - 1).value());
        assertEquals(11, histogram.samples().size());
        assertEquals(0.754, page.value("http_request_duration_seconds_sum", "handler", "/metrics").getAsDouble());
    }

    @Test
    void nodeExporterSummaryAndValues() {
        MetricsPage page = parser.parse(Fixtures.page("node-exporter.prom"));

        MetricFamily summary = page.family("rpc_duration_seconds").orElseThrow();
        assertEquals(MetricType.SUMMARY, summary.type());
        assertEquals(5, summary.samples().size());
        assertTrue(Double.isNaN(page.value("rpc_duration_seconds", "quantile", "0.99").getAsDouble()));
        assertEquals(1.7560473e+07, page.value("rpc_duration_seconds_sum").getAsDouble());

        assertEquals(1234567.89, page.value("node_cpu_seconds_total", "cpu", "0", "mode", "idle").getAsDouble());
        assertEquals(1234567.89 + 4321.5 + 1.2e6 + 4000, page.sum("node_cpu_seconds_total"));
        assertEquals(1.2e6 + 1234567.89, page.sum("node_cpu_seconds_total", "mode", "idle"));
        assertEquals(Double.POSITIVE_INFINITY, page.value("node_load1").getAsDouble());
        assertEquals(Double.NEGATIVE_INFINITY, page.value("node_temperature_celsius").getAsDouble());
        assertEquals(0.0, page.value("node_textfile_scrape_error").getAsDouble());

        Sample time = page.samples("node_time_seconds").get(0);
        assertEquals(1.7e9, time.value());
        assertEquals(1700000000000L, time.timestampMillis());
        assertEquals(-3982045L, page.samples("something_weird").get(0).timestampMillis());
        assertNull(page.samples("metric_without_timestamp_and_labels").get(0).timestampMillis());
    }

    @Test
    void nodeExporterEscapesAndQuotedNames() {
        MetricsPage page = parser.parse(Fixtures.page("node-exporter.prom"));

        MetricFamily msdos = page.family("msdos_file_access_time_seconds").orElseThrow();
        assertEquals("Escaped help: a backslash \\ and a line break\nthen more.", msdos.help());
        assertEquals(Map.of("path", "C:\\DIR\\FILE.TXT", "error", "Cannot find file:\n\"FILE.TXT\""),
                msdos.samples().get(0).labels());
        assertEquals(1024.0, page.value("node_filesystem_avail_bytes", "device", "C:\\data",
                "mountpoint", "D:\\").getAsDouble());
        assertEquals(3.0, page.value("node.dotted.metric", "error.message", "Not Found").getAsDouble());
    }

    @Test
    void nodeExporterMalformedLineIsReportedAndSkipped() {
        MetricsPage page = parser.parse(Fixtures.page("node-exporter.prom"));

        assertEquals(1, page.warnings().size());
        ParseWarning warning = page.warnings().get(0);
        assertEquals(43, warning.lineNumber());
        assertEquals("invalid value '1_000'", warning.reason());
        assertTrue(page.samples("node_network_up").isEmpty());
        assertTrue(page.value("node.dotted.metric").isPresent(), "parsing continued after the bad line");
    }

    @Test
    void openMetricsExtrasAreSkipped() {
        MetricsPage page = parser.parse(Fixtures.page("openmetrics.prom"));

        assertEquals(List.of(), page.warnings());
        MetricFamily router = page.family("acme_http_router_request_seconds").orElseThrow();
        assertEquals(MetricType.SUMMARY, router.type());
        assertEquals("Latency through all of ACME's HTTP request router.", router.help());
        assertEquals(List.of("acme_http_router_request_seconds_sum", "acme_http_router_request_seconds_count"),
                router.samples().stream().map(Sample::name).toList());

        MetricFamily cpu = page.family("process_cpu_seconds").orElseThrow();
        assertEquals(MetricType.COUNTER, cpu.type());
        assertEquals(List.of("process_cpu_seconds_total"), cpu.samples().stream().map(Sample::name).toList());
        assertTrue(page.samples("process_cpu_seconds_created").isEmpty());

        MetricFamily foo = page.family("foo").orElseThrow();
        assertEquals(MetricType.HISTOGRAM, foo.type());
        assertEquals(List.of(0.0, 8.0, 11.0, 17.0, 17.0),
                foo.samples("foo_bucket").stream().map(Sample::value).toList());
        assertNull(foo.samples("foo_bucket").get(3).timestampMillis(), "exemplar timestamp is not the sample's");
        assertEquals(7, foo.samples().size(), "foo_created dropped");
    }

    @Test
    void openMetricsTypesMapToTheirNearestType() {
        MetricsPage page = parser.parse(Fixtures.page("openmetrics.prom"));

        assertEquals(MetricType.GAUGE, page.family("build").orElseThrow().type());
        assertEquals(1.0, page.value("build_info", "version", "1.2.3").getAsDouble());
        assertEquals(MetricType.GAUGE, page.family("disk_state").orElseThrow().type());
        MetricFamily queue = page.family("queue_depth").orElseThrow();
        assertEquals(MetricType.HISTOGRAM, queue.type());
        assertEquals(4, queue.samples().size());
        assertEquals(MetricType.UNTYPED, page.family("mystery").orElseThrow().type());
        assertEquals(MetricType.GAUGE, page.family("go_goroutines").orElseThrow().type());
    }
}
