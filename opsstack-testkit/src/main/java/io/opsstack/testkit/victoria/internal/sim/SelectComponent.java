package io.opsstack.testkit.victoria.internal.sim;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Simulated vmselect: reads {@code -storageNode} (default port 8401) once at start and answers the
 * 1.79 cluster query paths ({@code /select/<tenant>/prometheus/api/v1/...}, {@code /delete/<tenant>/...})
 * by asking <em>every</em> storage node and merging. When some nodes fail the answer carries
 * {@code "isPartial": true} ({@code deny_partial_response=1} turns that into a 503); export never is
 * partial — it fails instead, as raw-sample endpoints do. Only series selectors and numbers are
 * evaluated (5 minute lookback).
 *
 * <p>{@code /metrics}: {@code vm_tcpdialer_addr_available{name="vmselect",addr}} per storage address,
 * following the last dial/call (a background ping every 500 ms keeps it current), and
 * {@code vm_partial_results_total}; there is no {@code vm_rpc_vmstorage_is_reachable}, as in 1.79.
 */
final class SelectComponent implements SimComponent {
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final long LOOKBACK_MILLIS = Duration.ofMinutes(5).toMillis();

    private final SimFlags flags;
    private final List<RpcChannel> channels = new ArrayList<>();
    private final AtomicLong partialResults = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vmselect-prober");
        thread.setDaemon(true);
        return thread;
    });

    /** What all reachable storage nodes returned. */
    private record Fetch(Map<String, TreeMap<Long, Double>> series, Map<String, Map<String, String>> labels, boolean partial) {
    }

    SelectComponent(SimFlags flags) {
        this.flags = flags;
        for (String address : flags.list("storageNode")) {
            channels.add(new RpcChannel(address.contains(":") ? address : address + ":8401"));
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("missing -storageNode");
        }
        prober.scheduleWithFixedDelay(this::probe, 0, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public SimFlags flags() {
        return flags;
    }

    @Override
    public void handle(SimHttp http) throws IOException {
        String path = http.path();
        if (path.equals("/metrics")) {
            http.text(200, metrics());
        } else if (path.equals("/internal/resetRollupResultCache")) {
            http.text(200, "");
        } else if (path.startsWith("/select/") || path.startsWith("/delete/")) {
            try {
                route(http, SimHttp.tenant(path), SimHttp.apiSuffix(path), path.startsWith("/delete/"));
            } catch (IllegalArgumentException e) {
                http.error(422, e.getMessage());
            } catch (IOException e) {
                http.error(503, e.getMessage());
            }
        } else {
            http.text(400, "unsupported path requested: \"" + path + "\"");
        }
    }

    private void route(SimHttp http, String tenant, String suffix, boolean delete) throws IOException {
        if (delete) {
            if (!suffix.equals("api/v1/admin/tsdb/delete_series")) {
                throw new IllegalArgumentException("unsupported delete path " + suffix);
            }
            for (RpcChannel channel : channels) {
                channel.call(request("delete", tenant, http.params("match[]"), 0, Long.MAX_VALUE));
            }
            http.noContent();
            return;
        }
        long now = System.currentTimeMillis();
        boolean denyPartial = "1".equals(http.param("deny_partial_response"));
        switch (suffix) {
            case "api/v1/query" -> instant(http, tenant, SimTime.parseTimestamp(http.param("time"), now), denyPartial);
            case "api/v1/query_range" -> range(http, tenant, denyPartial);
            case "api/v1/series" -> {
                Fetch fetch = fetch(tenant, http.params("match[]"), window(http), denyPartial, false);
                answer(http, new ArrayList<>(fetch.labels().values()), fetch.partial());
            }
            case "api/v1/labels" -> {
                Fetch fetch = fetch(tenant, allIfEmpty(http.params("match[]")), window(http), denyPartial, false);
                TreeSet<String> names = new TreeSet<>();
                fetch.labels().values().forEach(labels -> names.addAll(labels.keySet()));
                answer(http, new ArrayList<>(names), fetch.partial());
            }
            case "api/v1/export" -> export(http, tenant);
            case "api/v1/status/tsdb" -> tsdb(http, tenant, denyPartial);
            default -> {
                if (suffix.startsWith("api/v1/label/") && suffix.endsWith("/values")) {
                    String label = suffix.substring("api/v1/label/".length(), suffix.length() - "/values".length());
                    Fetch fetch = fetch(tenant, allIfEmpty(http.params("match[]")), window(http), denyPartial, false);
                    TreeSet<String> values = new TreeSet<>();
                    fetch.labels().values().forEach(labels -> {
                        if (labels.containsKey(label)) {
                            values.add(labels.get(label));
                        }
                    });
                    answer(http, new ArrayList<>(values), fetch.partial());
                } else {
                    throw new IllegalArgumentException("the simulator does not implement " + suffix);
                }
            }
        }
    }

    private void instant(SimHttp http, String tenant, long time, boolean denyPartial) throws IOException {
        String query = required(http, "query");
        if (isNumber(query)) {
            // like VictoriaMetrics: a bare number is a one-element vector without labels
            data(http, "vector", List.of(Map.of("metric", Map.of(), "value", List.of(SimTime.seconds(time), query))), false);
            return;
        }
        Fetch fetch = fetch(tenant, List.of(query), new long[] {time - LOOKBACK_MILLIS, time}, denyPartial, false);
        List<Map<String, Object>> result = new ArrayList<>();
        fetch.series().forEach((key, samples) -> {
            Map.Entry<Long, Double> last = samples.floorEntry(time);
            if (last != null && last.getKey() > time - LOOKBACK_MILLIS) {
                result.add(Map.of("metric", fetch.labels().get(key), "value", List.of(SimTime.seconds(time), format(last.getValue()))));
            }
        });
        data(http, "vector", result, fetch.partial());
    }

    private void range(SimHttp http, String tenant, boolean denyPartial) throws IOException {
        String query = required(http, "query");
        long start = SimTime.parseTimestamp(required(http, "start"), 0);
        long end = SimTime.parseTimestamp(http.param("end"), System.currentTimeMillis());
        long step = SimTime.parseDuration(required(http, "step")).toMillis();
        if (step <= 0 || end < start) {
            throw new IllegalArgumentException("invalid start/end/step");
        }
        if (isNumber(query)) {
            throw new IllegalArgumentException("the simulator answers range queries for selectors only");
        }
        Fetch fetch = fetch(tenant, List.of(query), new long[] {start - LOOKBACK_MILLIS, end}, denyPartial, false);
        List<Map<String, Object>> result = new ArrayList<>();
        fetch.series().forEach((key, samples) -> {
            List<List<Object>> values = new ArrayList<>();
            for (long t = start; t <= end; t += step) {
                Map.Entry<Long, Double> last = samples.floorEntry(t);
                if (last != null && last.getKey() > t - LOOKBACK_MILLIS) {
                    values.add(List.of(SimTime.seconds(t), format(last.getValue())));
                }
            }
            if (!values.isEmpty()) {
                result.add(Map.of("metric", fetch.labels().get(key), "values", values));
            }
        });
        data(http, "matrix", result, fetch.partial());
    }

    private void export(SimHttp http, String tenant) throws IOException {
        Fetch fetch = fetch(tenant, http.params("match[]"), window(http), true, true);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, TreeMap<Long, Double>> series : fetch.series().entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("metric", fetch.labels().get(series.getKey()));
            line.put("values", new ArrayList<>(series.getValue().values()));
            line.put("timestamps", new ArrayList<>(series.getValue().keySet()));
            out.append(SimHttp.JSON.writeValueAsString(line)).append('\n');
        }
        http.send(200, "application/stream+json", out.toString());
    }

    private void tsdb(SimHttp http, String tenant, boolean denyPartial) throws IOException {
        long dayStart = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Fetch fetch = fetch(tenant, List.of("{__name__=~\".+\"}"), new long[] {dayStart, Long.MAX_VALUE}, denyPartial, false);
        Map<String, Long> byName = new TreeMap<>();
        Map<String, Long> byLabel = new TreeMap<>();
        Map<String, Long> byPair = new TreeMap<>();
        fetch.labels().values().forEach(labels -> labels.forEach((name, value) -> {
            byLabel.merge(name, 1L, Long::sum);
            byPair.merge(name + "=" + value, 1L, Long::sum);
            if (name.equals("__name__")) {
                byName.merge(value, 1L, Long::sum);
            }
        }));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("totalSeries", fetch.labels().size());
        status.put("totalLabelValuePairs", byPair.values().stream().mapToLong(Long::longValue).sum());
        status.put("seriesCountByMetricName", top(byName));
        status.put("seriesCountByLabelName", top(byLabel));
        status.put("seriesCountByLabelValuePair", top(byPair));
        status.put("labelValueCountByLabelName", List.of());
        answer(http, status, fetch.partial());
    }

    private Fetch fetch(String tenant, List<String> selectors, long[] window, boolean denyPartial, boolean rawSamples)
            throws IOException {
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException("missing match[] arg");
        }
        selectors.forEach(Selector::parse);
        Map<String, TreeMap<Long, Double>> series = new TreeMap<>();
        Map<String, Map<String, String>> labels = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        for (RpcChannel channel : channels) {
            JsonNode answer;
            try {
                answer = channel.call(request("search", tenant, selectors, window[0], window[1]));
            } catch (IOException e) {
                failed.add(channel.address());
                continue;
            }
            for (JsonNode item : answer.path("series")) {
                Map<String, String> itemLabels = new TreeMap<>();
                item.path("labels").properties().forEach(field -> itemLabels.put(field.getKey(), field.getValue().asText()));
                String key = itemLabels.toString();
                labels.put(key, itemLabels);
                TreeMap<Long, Double> samples = series.computeIfAbsent(key, k -> new TreeMap<>());
                for (int i = 0; i < item.path("timestamps").size(); i++) {
                    samples.put(item.path("timestamps").path(i).asLong(), item.path("values").path(i).asDouble());
                }
            }
        }
        if (failed.size() == channels.size()) {
            throw new IOException("cannot fetch data from any vmstorage node: " + failed);
        }
        if (!failed.isEmpty()) {
            if (denyPartial || rawSamples) {
                throw new IOException("cannot fetch query results from vmstorage nodes " + failed);
            }
            partialResults.incrementAndGet();
        }
        return new Fetch(series, labels, !failed.isEmpty());
    }

    private static Map<String, Object> request(String op, String tenant, List<String> selectors, long start, long end) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", op);
        request.put("tenant", tenant);
        request.put("selectors", selectors);
        request.put("start", start);
        request.put("end", end);
        return request;
    }

    private static long[] window(SimHttp http) {
        return new long[] {SimTime.parseTimestamp(http.param("start"), 0), SimTime.parseTimestamp(http.param("end"), Long.MAX_VALUE)};
    }

    private static List<String> allIfEmpty(List<String> selectors) {
        return selectors.isEmpty() ? List.of("{__name__=~\".+\"}") : selectors;
    }

    private static List<Map<String, Object>> top(Map<String, Long> counts) {
        List<Map<String, Object>> entries = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(entry -> entries.add(Map.of("name", entry.getKey(), "value", entry.getValue())));
        return entries;
    }

    private static void data(SimHttp http, String type, Object result, boolean partial) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resultType", type);
        data.put("result", result);
        answer(http, data, partial);
    }

    private static void answer(SimHttp http, Object data, boolean partial) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("isPartial", partial);
        answer.put("data", data);
        http.json(200, answer);
    }

    private static String required(SimHttp http, String name) {
        String value = http.param(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing `" + name + "` arg");
        }
        return value;
    }

    private static boolean isNumber(String query) {
        return query.trim().matches("-?\\d+(\\.\\d+)?");
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void probe() {
        for (RpcChannel channel : channels) {
            try {
                channel.call(Map.of("op", "ping"));
            } catch (IOException e) {
                // broken is set; the next round dials again
            }
        }
    }

    private String metrics() {
        MetricLines lines = new MetricLines().common("vmselect", startMillis);
        for (RpcChannel channel : channels) {
            boolean available = channel.dialed() && !channel.broken();
            lines.add("vm_tcpdialer_addr_available", available ? 1 : 0, "name", "vmselect", "addr", channel.address());
        }
        lines.add("vm_partial_results_total", partialResults.get(), "action", "search", "name", "vmselect");
        return lines.text();
    }
}
