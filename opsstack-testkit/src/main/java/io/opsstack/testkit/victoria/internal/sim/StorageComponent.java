package io.opsstack.testkit.victoria.internal.sim;

import java.io.File;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Simulated vmstorage: data in memory, RPC ports for vminsert and vmselect, and the HTTP admin
 * surface of 1.79 ({@code /snapshot/*}, {@code /internal/force_merge}, {@code /internal/force_flush})
 * with the metrics health gates read ({@code vm_vminsert_conns}, {@code vm_vmselect_conns},
 * {@code vm_storage_is_read_only}, free disk). {@code -sim.readOnly} makes it refuse writes the way a
 * node below {@code -storage.minFreeDiskSpaceBytes} does.
 */
final class StorageComponent implements SimComponent {
    private static final long FREE_DISK_LIMIT = 10_000_000L;
    private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final SimFlags flags;
    private final SeriesStore store = new SeriesStore();
    private final List<String> snapshots = new CopyOnWriteArrayList<>();
    private final boolean readOnly;
    private final String dataPath;
    private final RpcListener insertPort;
    private final RpcListener selectPort;
    private final long startMillis = System.currentTimeMillis();

    StorageComponent(SimFlags flags) throws IOException {
        this.flags = flags;
        this.readOnly = Boolean.parseBoolean(flags.get("sim.readOnly", "false"));
        this.dataPath = flags.require("storageDataPath");
        this.insertPort = new RpcListener(flags.require("vminsertAddr"), this::insert);
        this.selectPort = new RpcListener(flags.require("vmselectAddr"), this::select);
    }

    @Override
    public void handle(SimHttp http) throws IOException {
        switch (http.path()) {
            case "/metrics" -> http.text(200, metrics());
            case "/snapshot/create" -> {
                String name = LocalDateTime.now().format(SNAPSHOT_TIME) + "-"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase();
                snapshots.add(name);
                http.json(200, Map.of("status", "ok", "snapshot", name));
            }
            case "/snapshot/list" -> http.json(200, Map.of("status", "ok", "snapshots", List.copyOf(snapshots)));
            case "/snapshot/delete" -> {
                // 1.79 answers ok for an unknown name too
                snapshots.remove(String.valueOf(http.param("snapshot")));
                http.json(200, Map.of("status", "ok"));
            }
            case "/snapshot/delete_all" -> {
                snapshots.clear();
                http.json(200, Map.of("status", "ok"));
            }
            case "/internal/force_merge", "/internal/force_flush" -> http.text(200, "");
            default -> http.text(400, "unsupported path requested: \"" + http.path() + "\"");
        }
    }

    @Override
    public SimFlags flags() {
        return flags;
    }

    private Object insert(JsonNode request) {
        if (request.path("op").asText().equals("ping")) {
            return Map.of("ok", true, "readOnly", readOnly);
        }
        if (readOnly) {
            return Map.of("ok", false, "readOnly", true);
        }
        String tenant = request.path("tenant").asText();
        for (JsonNode row : request.path("rows")) {
            Map<String, String> labels = new LinkedHashMap<>();
            row.path("labels").properties().forEach(field -> labels.put(field.getKey(), field.getValue().asText()));
            store.add(tenant, labels, row.path("ts").asLong(), row.path("value").asDouble());
        }
        return Map.of("ok", true);
    }

    private Object select(JsonNode request) {
        String op = request.path("op").asText();
        if (op.equals("ping")) {
            return Map.of("ok", true);
        }
        List<Selector> selectors = new ArrayList<>();
        request.path("selectors").forEach(text -> selectors.add(Selector.parse(text.asText())));
        String tenant = request.path("tenant").asText();
        if (op.equals("delete")) {
            return Map.of("deleted", store.delete(tenant, selectors));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (SeriesStore.Found found : store.search(tenant, selectors, request.path("start").asLong(), request.path("end").asLong())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("labels", found.labels());
            item.put("timestamps", new ArrayList<>(found.samples().keySet()));
            item.put("values", new ArrayList<>(found.samples().values()));
            series.add(item);
        }
        return Map.of("series", series);
    }

    private String metrics() {
        long free = new File(dataPath).getUsableSpace();
        MetricLines lines = new MetricLines().common("vmstorage", startMillis)
                .add("vm_vminsert_conns", insertPort.openConnections())
                .add("vm_vmselect_conns", selectPort.openConnections())
                .add("vm_storage_is_read_only", readOnly ? 1 : 0, "path", dataPath)
                .add("vm_free_disk_space_bytes", free, "path", dataPath)
                .add("vm_free_disk_space_limit_bytes", FREE_DISK_LIMIT, "path", dataPath)
                .add("vm_rows", store.rows(), "type", "storage/small")
                .add("vm_active_merges", 0, "type", "storage/small")
                .add("vm_active_force_merges", 0)
                .add("vm_new_timeseries_created_total", store.seriesCount());
        return lines.text();
    }
}
