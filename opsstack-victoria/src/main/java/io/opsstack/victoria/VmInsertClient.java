package io.opsstack.victoria;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.victoria.internal.Transports;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.internal.VmJson;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.SeriesSamples;
import io.opsstack.victoria.model.Tenant;

/**
 * Writes samples to vminsert (cluster layout), to a single-node server, or to vmagent's ingestion
 * endpoints (single-node layout): Prometheus text, JSON lines and CSV. Imports are never retried,
 * since a repeated import duplicates samples.
 *
 * <p>Prometheus remote write is not offered: it needs snappy-compressed protobuf, which would add
 * two libraries for a path vmagent and Prometheus already cover.
 *
 * <p>Thread-safe.
 */
public final class VmInsertClient extends VmComponentClient {
    private static final String TEXT = "text/plain; charset=UTF-8";

    private final UrlLayout layout;

    VmInsertClient(VmCalls calls, UrlLayout layout, boolean ownsTransport) {
        super(ComponentType.VMINSERT, calls, ownsTransport);
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** A client owning a new transport to the given endpoints. */
    public static VmInsertClient create(HttpClientOptions options, UrlLayout layout) {
        return new VmInsertClient(new VmCalls(Transports.create(options, ComponentType.VMINSERT), AdminAuthKeys.none()),
                layout, true);
    }

    /** A view for another tenant sharing this client's transport; closing it does nothing. */
    public VmInsertClient forTenant(Tenant tenant) {
        return new VmInsertClient(calls(), layout.withTenant(tenant), false);
    }

    public UrlLayout layout() {
        return layout;
    }

    /** {@code api/v1/import/prometheus}: Prometheus text exposition lines (timestamps in ms optional). */
    public void importPrometheus(String text) {
        importPrometheus(text, Map.of());
    }

    /** As {@link #importPrometheus(String)}, adding {@code extra_label} pairs to every series. */
    public void importPrometheus(String text, Map<String, String> extraLabels) {
        HttpRequest.Builder request = HttpRequest.post(layout.insertPath("api/v1/import/prometheus"))
                .body(requireBody(text).getBytes(StandardCharsets.UTF_8), TEXT);
        addExtraLabels(request, extraLabels);
        calls().send(request.idempotent(false).build());
    }

    /** {@code api/v1/import}: the JSON-line format that export writes. */
    public void importJsonLines(List<SeriesSamples> series) {
        if (series.isEmpty()) {
            throw new OpsValidationException("nothing to import: no series given");
        }
        importJsonLines(VmJson.toLines(series));
    }

    /** {@code api/v1/import} with JSON lines given as text. */
    public void importJsonLines(String lines) {
        calls().send(HttpRequest.post(layout.insertPath("api/v1/import"))
                .body(requireBody(lines).getBytes(StandardCharsets.UTF_8), "application/json").idempotent(false).build());
    }

    /**
     * {@code api/v1/import/csv} with a column {@code format} such as
     * {@code 2:metric:ask,3:metric:bid,1:label:ticker,4:time:unix_ms}.
     */
    public void importCsv(String csv, String format) {
        InstantQuery.requireText(format, "CSV format");
        calls().send(HttpRequest.post(layout.insertPath("api/v1/import/csv")).query("format", format)
                .body(requireBody(csv).getBytes(StandardCharsets.UTF_8), "text/csv").idempotent(false).build());
    }

    private static void addExtraLabels(HttpRequest.Builder request, Map<String, String> extraLabels) {
        extraLabels.forEach((name, value) -> request.query("extra_label", InstantQuery.requireText(name, "label name") + "=" + value));
    }

    private static String requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw new OpsValidationException("nothing to import: the body is empty");
        }
        return body;
    }
}
