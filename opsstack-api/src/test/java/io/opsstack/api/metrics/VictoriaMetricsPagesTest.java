package io.opsstack.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Pages captured from the victoria-metrics and vmagent 1.79.5 binaries of Debian 12. */
class VictoriaMetricsPagesTest {
    private final PrometheusTextParser parser = PrometheusTextParser.create();

    @Test
    void singleNodePageParsesWithoutWarnings() {
        String text = Fixtures.page("victoria-metrics-1.79.5.prom");
        MetricsPage page = parser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(), page.warnings());
        long samples = page.families().stream().mapToLong(f -> f.samples().size()).sum();
        assertEquals(Fixtures.sampleLines(text), samples);
        assertEquals(1795314162.0, page.value("process_start_time_seconds").getAsDouble());
        assertEquals(1.0, page.value("vm_app_version", "version", "", "short_version", "").getAsDouble());
        assertEquals(5272.0, page.value("vm_rows", "type", "storage/small").getAsDouble());
        assertEquals(6214.0 + 0 + 5272, page.sum("vm_rows"));
        assertEquals(MetricType.UNTYPED, page.family("vm_rows").orElseThrow().type());
    }

    @Test
    void vmrangeHistogramIsGroupedUnderItsFamily() {
        MetricsPage page = parser.parse(Fixtures.page("victoria-metrics-1.79.5.prom"));

        MetricFamily family = page.family("vm_http_request_duration_seconds").orElseThrow();
        assertEquals(MetricType.HISTOGRAM, family.type());
        List<Sample> buckets = family.samples("vm_http_request_duration_seconds_bucket");
        assertEquals(8, buckets.size());
        assertEquals(Map.of("path", "/metrics", "vmrange", "1.668e-05...1.896e-05"), buckets.get(0).labels());
        assertEquals(0.005399019999999999,
                family.samples("vm_http_request_duration_seconds_sum").get(0).value());
        assertEquals(8.0, page.value("vm_http_request_duration_seconds_count", "path", "/metrics").getAsDouble());
        assertTrue(page.family("vm_http_request_duration_seconds_sum").isEmpty());
    }

    @Test
    void goSummaryWithoutTypeLinesIsInferred() {
        MetricsPage page = parser.parse(Fixtures.page("victoria-metrics-1.79.5.prom"));

        MetricFamily gc = page.family("go_gc_duration_seconds").orElseThrow();
        assertEquals(MetricType.SUMMARY, gc.type());
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"),
                gc.samples("go_gc_duration_seconds").stream().map(s -> s.labels().get("quantile")).toList());
        assertEquals(16.0, gc.samples("go_gc_duration_seconds_count").get(0).value());
    }

    @Test
    void vmagentPageParsesWithoutWarnings() {
        String text = Fixtures.page("vmagent-1.79.5.prom");
        MetricsPage page = parser.parse(text);

        assertEquals(List.of(), page.warnings());
        assertEquals(Fixtures.sampleLines(text),
                page.families().stream().mapToLong(f -> f.samples().size()).sum());
        assertEquals(9.0, page.value("vmagent_remotewrite_requests_total", "status_code", "2XX").getAsDouble());
        assertEquals(1.0, page.value("vm_promscrape_targets", "type", "static_configs", "status", "up")
                .getAsDouble());
        assertEquals(28, page.samples("vm_promscrape_targets").size());
        assertEquals("true", page.samples("flag", "name", "httpListenAddr").get(0).labels().get("is_set"));
        assertEquals(12.0, page.value("go_gc_duration_seconds_count").getAsDouble());
    }
}
