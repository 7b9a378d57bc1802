package io.opsstack.victoria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.testkit.victoria.VictoriaLab;
import io.opsstack.victoria.model.ComponentFlags;
import io.opsstack.victoria.model.PartialStatus;
import io.opsstack.victoria.model.QueryResult;
import io.opsstack.victoria.model.QuerySeries;
import io.opsstack.victoria.model.ResultType;
import io.opsstack.victoria.model.SeriesSamples;
import io.opsstack.victoria.model.TsdbStatus;

/** The typed clients against a real single-node VictoriaMetrics 1.79.5 (shared surfaces with the cluster). */
class SingleNodeClientsTest {
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(3));
    private static VictoriaLab lab;
    private static VmInsertClient insert;
    private static VmSelectClient select;
    private static VmStorageClient storage;

    @BeforeAll
    static void start() {
        lab = VictoriaLab.builder().name("clients").vmagent(false).vmauth(false).build().start();
        HttpClientOptions options = HttpClientOptions.builder().endpoints(lab.serverUrl()).build();
        insert = VmInsertClient.create(options, UrlLayouts.singleNode());
        select = VmSelectClient.create(options, UrlLayouts.singleNode());
        storage = VmStorageClient.create(options);
        StringBuilder text = new StringBuilder();
        for (int minute = 0; minute < 3; minute++) {
            long ts = BASE.plus(Duration.ofMinutes(minute)).toEpochMilli();
            text.append("http_requests_total{job=\"api\",instance=\"a\"} ").append(10 + minute).append(' ').append(ts).append('\n');
            text.append("http_requests_total{job=\"api\",instance=\"b\"} ").append(20 + minute).append(' ').append(ts).append('\n');
        }
        insert.importPrometheus(text.toString(), Map.of("env", "lab"));
        insert.importJsonLines(List.of(new SeriesSamples(Map.of("__name__", "queue_depth", "queue", "q1"),
                List.of(1.0, 2.0, 3.0), List.of(BASE.toEpochMilli(), BASE.plusSeconds(60).toEpochMilli(),
                BASE.plusSeconds(120).toEpochMilli()))));
        storage.forceFlush();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {insert, select, storage, lab}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void instantQueryReturnsATypedVectorWithoutIsPartial() {
        QueryResult result = select.query(InstantQuery.builder().query("http_requests_total{instance=\"b\"}")
                .time(BASE.plusSeconds(150)).build());
        assertEquals(ResultType.VECTOR, result.resultType());
        assertEquals(PartialStatus.NOT_REPORTED, result.partial(), "single-node responses have no isPartial field");
        QuerySeries series = result.vector().get(0);
        assertEquals("lab", series.metric().get("env"));
        assertEquals(22.0, series.lastValue(), "last sample at or before the evaluation time");
        assertEquals(BASE.plusSeconds(150).toEpochMilli(), series.points().get(0).timestampMillis());
        QueryResult number = select.query("42");
        assertEquals(42.0, number.vector().get(0).lastValue(), "VictoriaMetrics answers a bare number with a one-element vector");
        assertTrue(number.vector().get(0).metric().isEmpty());
        assertThrows(OpsValidationException.class, number::scalar);
        assertThrows(OpsValidationException.class, result::matrix);
    }

    @Test
    void rangeQueryReturnsAMatrix() {
        QueryResult result = select.queryRange(RangeQuery.of("queue_depth", BASE, BASE.plusSeconds(120), Duration.ofMinutes(1)));
        List<QuerySeries> matrix = result.matrix();
        assertEquals(1, matrix.size());
        assertEquals(List.of(1.0, 2.0, 3.0), matrix.get(0).points().stream().map(point -> point.value()).toList());
    }

    @Test
    void seriesLabelsValuesExportAndTsdbStatus() {
        List<Map<String, String>> series = select.series(SeriesMatch.of("http_requests_total"));
        assertEquals(2, series.size());
        assertTrue(select.labels().containsAll(List.of("__name__", "job", "instance", "env", "queue")), select.labels().toString());
        assertEquals(List.of("a", "b"), select.labelValues("instance"));
        List<SeriesSamples> exported = select.export("queue_depth");
        assertEquals(1, exported.size());
        assertEquals(List.of(1.0, 2.0, 3.0), exported.get(0).values());
        assertEquals(BASE.toEpochMilli(), exported.get(0).timestamps().get(0));
        TsdbStatus status = select.tsdbStatus(5, null);
        assertTrue(status.totalSeries() >= 3, status.toString());
        assertEquals(2, status.seriesCount("http_requests_total"));
        assertThrows(OpsValidationException.class, () -> select.labelValues("bad label"));
    }

    @Test
    void badQueryIsAServiceErrorWithTheServersType() {
        OpsServiceException e = assertThrows(OpsServiceException.class, () -> select.query("sum(("));
        assertEquals(422, e.statusCode());
        assertFalse(e.isRetryable());
    }

    @Test
    void deleteSeriesRemovesOnlyTheMatch() {
        insert.importPrometheus("doomed{k=\"1\"} 5 " + BASE.toEpochMilli() + "\nkept{k=\"1\"} 6 " + BASE.toEpochMilli() + "\n");
        storage.forceFlush();
        assertEquals(1, select.series(SeriesMatch.of("doomed")).size());
        select.deleteSeries("doomed");
        select.resetRollupResultCache();
        assertTrue(select.series(SeriesMatch.of("doomed")).isEmpty());
        assertEquals(1, select.series(SeriesMatch.of("kept")).size());
        assertThrows(OpsValidationException.class, () -> select.deleteSeries(SeriesMatch.builder().build()));
    }

    @Test
    void snapshotsMergeAndFlush() {
        String snapshot = storage.createSnapshot();
        assertTrue(storage.listSnapshots().contains(snapshot));
        storage.deleteSnapshot(snapshot);
        assertFalse(storage.listSnapshots().contains(snapshot));
        storage.createSnapshot();
        storage.createSnapshot();
        storage.deleteAllSnapshots();
        assertTrue(storage.listSnapshots().isEmpty());
        storage.deleteSnapshot("20200101000000-0000");
        assertThrows(OpsValidationException.class, () -> storage.deleteSnapshot("../data"));
        storage.forceMerge(YearMonth.now(ZoneOffset.UTC).toString().replace('-', '_'));
        storage.forceMerge();
        assertThrows(OpsValidationException.class, () -> storage.forceMerge("2024-01"));
    }

    @Test
    void healthFlagsAndMetricsAreParsed() {
        assertTrue(storage.health().ok());
        ComponentFlags flags = storage.flags();
        assertEquals(lab.serverDataDirectory().toString(), flags.value("storageDataPath").orElseThrow());
        assertEquals("100y", flags.value("retentionPeriod").orElseThrow());
        MetricsPage page = storage.metrics();
        assertEquals(0.0, page.value("vm_storage_is_read_only", "path", lab.serverDataDirectory().toString()).orElseThrow());
        assertTrue(page.value("vm_free_disk_space_bytes").orElseThrow() > 0);
        assertFalse(page.samples("vm_app_version").isEmpty());
    }
}
