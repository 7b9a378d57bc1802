package io.opsstack.victoria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.victoria.internal.QueryResponses;
import io.opsstack.victoria.internal.TimeParams;
import io.opsstack.victoria.internal.Transports;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.internal.VmJson;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.QueryResult;
import io.opsstack.victoria.model.SeriesSamples;
import io.opsstack.victoria.model.Tenant;
import io.opsstack.victoria.model.TsdbStatus;

/**
 * Reads from vmselect (cluster layout) or a single-node server: instant and range queries with
 * {@code isPartial} surfaced, series, labels, label values, export, TSDB status; plus series deletion
 * (never retried) and the rollup result cache reset. Reads are retried on transient failures.
 *
 * <p>Thread-safe.
 */
public final class VmSelectClient extends VmComponentClient {
    private final UrlLayout layout;

    VmSelectClient(VmCalls calls, UrlLayout layout, boolean ownsTransport) {
        super(ComponentType.VMSELECT, calls, ownsTransport);
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public static VmSelectClient create(HttpClientOptions options, UrlLayout layout) {
        return create(options, layout, AdminAuthKeys.none());
    }

    /** With the {@code -search.resetCacheAuthKey} in {@code authKeys}. */
    public static VmSelectClient create(HttpClientOptions options, UrlLayout layout, AdminAuthKeys authKeys) {
        return new VmSelectClient(new VmCalls(Transports.create(options, ComponentType.VMSELECT), authKeys), layout, true);
    }

    /** A view for another tenant sharing this client's transport; closing it does nothing. */
    public VmSelectClient forTenant(Tenant tenant) {
        return new VmSelectClient(calls(), layout.withTenant(tenant), false);
    }

    public UrlLayout layout() {
        return layout;
    }

    public QueryResult query(String query) {
        return query(InstantQuery.of(query));
    }

    /** {@code api/v1/query}. */
    public QueryResult query(InstantQuery query) {
        HttpRequest.Builder request = HttpRequest.get(layout.selectPath("api/v1/query")).query("query", query.query());
        query.time().ifPresent(time -> request.query("time", TimeParams.seconds(time)));
        query.timeout().ifPresent(timeout -> request.query("timeout", TimeParams.duration(timeout)));
        addOptions(request, query.denyPartialResponse(), query.noCache());
        return QueryResponses.parse(calls().json(request.build()));
    }

    /** {@code api/v1/query_range}. */
    public QueryResult queryRange(RangeQuery query) {
        HttpRequest.Builder request = HttpRequest.get(layout.selectPath("api/v1/query_range"))
                .query("query", query.query())
                .query("start", TimeParams.seconds(query.start()))
                .query("end", TimeParams.seconds(query.end()))
                .query("step", TimeParams.duration(query.step()));
        query.timeout().ifPresent(timeout -> request.query("timeout", TimeParams.duration(timeout)));
        addOptions(request, query.denyPartialResponse(), query.noCache());
        return QueryResponses.parse(calls().json(request.build()));
    }

    /** {@code api/v1/series}: the label sets of matching series. */
    public List<Map<String, String>> series(SeriesMatch match) {
        requireSelectors(match, "series");
        JsonNode data = calls().json(matchRequest("api/v1/series", match)).path("data");
        List<Map<String, String>> out = new ArrayList<>();
        data.forEach(item -> out.add(Collections.unmodifiableMap(VmJson.labels(item))));
        return List.copyOf(out);
    }

    /** {@code api/v1/labels}: label names, optionally only of matching series. */
    public List<String> labels(SeriesMatch match) {
        return VmJson.strings(calls().json(matchRequest("api/v1/labels", match)).path("data"));
    }

    public List<String> labels() {
        return labels(SeriesMatch.builder().build());
    }

    /** {@code api/v1/label/<name>/values}. */
    public List<String> labelValues(String label, SeriesMatch match) {
        InstantQuery.requireText(label, "label name");
        if (!label.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new OpsValidationException("not a label name: '" + label + "'");
        }
        return VmJson.strings(calls().json(matchRequest("api/v1/label/" + label + "/values", match)).path("data"));
    }

    public List<String> labelValues(String label) {
        return labelValues(label, SeriesMatch.builder().build());
    }

    /** {@code api/v1/export}: raw samples of matching series as JSON lines (never partial). */
    public List<SeriesSamples> export(SeriesMatch match) {
        requireSelectors(match, "export");
        String body = calls().text(matchRequest("api/v1/export", match));
        return VmJson.seriesLines(body, calls().serviceName() + " export");
    }

    public List<SeriesSamples> export(String selector) {
        return export(SeriesMatch.of(selector));
    }

    /** {@code api/v1/status/tsdb} for today, top 10. */
    public TsdbStatus tsdbStatus() {
        return tsdbStatus(10, null);
    }

    /**
     * {@code api/v1/status/tsdb}.
     *
     * @param topN how many top entries per list
     * @param date the day to report (UTC), or null for today
     */
    public TsdbStatus tsdbStatus(int topN, LocalDate date) {
        if (topN < 1) {
            throw new OpsValidationException("topN must be at least 1, was " + topN);
        }
        HttpRequest.Builder request = HttpRequest.get(layout.selectPath("api/v1/status/tsdb")).query("topN", Integer.toString(topN));
        if (date != null) {
            request.query("date", date.toString());
        }
        JsonNode root = calls().json(request.build());
        JsonNode data = root.path("data");
        return new TsdbStatus(data.path("totalSeries").asLong(), data.path("totalLabelValuePairs").asLong(),
                VmJson.nameCounts(data.path("seriesCountByMetricName")), VmJson.nameCounts(data.path("seriesCountByLabelName")),
                VmJson.nameCounts(data.path("seriesCountByLabelValuePair")),
                VmJson.nameCounts(data.path("labelValueCountByLabelName")), QueryResponses.partial(root));
    }

    /**
     * {@code api/v1/admin/tsdb/delete_series} (under {@code /delete/<tenant>/} in a cluster): deletes
     * every matching series. Never retried. At least one selector is required.
     */
    public void deleteSeries(SeriesMatch match) {
        requireSelectors(match, "delete_series");
        HttpRequest.Builder request = HttpRequest.post(layout.deletePath("api/v1/admin/tsdb/delete_series"));
        match.selectors().forEach(selector -> request.query("match[]", selector));
        calls().send(request.idempotent(false).build());
    }

    public void deleteSeries(String selector) {
        deleteSeries(SeriesMatch.of(selector));
    }

    /** {@code /internal/resetRollupResultCache}, after backfilling or deleting data. */
    public void resetRollupResultCache() {
        calls().admin(HttpRequest.get("/internal/resetRollupResultCache"), AdminAuthKeys.Purpose.RESET_CACHE, true);
    }

    private HttpRequest matchRequest(String suffix, SeriesMatch match) {
        HttpRequest.Builder request = HttpRequest.get(layout.selectPath(suffix));
        match.selectors().forEach(selector -> request.query("match[]", selector));
        match.start().ifPresent(start -> request.query("start", TimeParams.seconds(start)));
        match.end().ifPresent(end -> request.query("end", TimeParams.seconds(end)));
        return request.build();
    }

    private static void addOptions(HttpRequest.Builder request, boolean denyPartial, boolean noCache) {
        if (denyPartial) {
            request.query("deny_partial_response", "1");
        }
        if (noCache) {
            request.query("nocache", "1");
        }
    }

    private static void requireSelectors(SeriesMatch match, String call) {
        if (match.selectors().isEmpty()) {
            throw new OpsValidationException(call + " needs at least one series selector (match[])");
        }
    }
}
