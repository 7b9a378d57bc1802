package io.opsstack.testkit.victoria.internal.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Simulated vminsert: reads {@code -storageNode} (default port 8400) and {@code -replicationFactor}
 * once at start, spreads each series over the storage nodes by consistent (rendezvous) hashing of
 * tenant, name and labels, writes {@code RF} copies to distinct healthy nodes and reroutes the share
 * of unreachable or read-only nodes to the next ones, counting it in the rerouting counters.
 *
 * <p>{@code /metrics} per address: {@code vm_rpc_vmstorage_is_reachable} (1 until a dial or call
 * fails, so 1 before the first dial, as in 1.79), {@code vm_tcpdialer_conns} (open connections, 0
 * before the first dial), {@code vm_rpc_vmstorage_is_read_only}, rows sent and rerouted. A background
 * loop dials missing connections and pings idle ones every 500 ms after {@code -sim.firstDialDelay}
 * (default 0), so a stopped node shows as unreachable within about a second; the real vminsert
 * re-probes a read-only node every 30 s.
 */
final class InsertComponent implements SimComponent {
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final SimFlags flags;
    private final List<RpcChannel> channels = new ArrayList<>();
    private final int replicationFactor;
    private final Map<String, AtomicLong> sent = new LinkedHashMap<>();
    private final Map<String, AtomicLong> reroutedFrom = new LinkedHashMap<>();
    private final Map<String, AtomicLong> reroutedTo = new LinkedHashMap<>();
    private final AtomicLong reroutes = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vminsert-prober");
        thread.setDaemon(true);
        return thread;
    });

    InsertComponent(SimFlags flags) {
        this.flags = flags;
        this.replicationFactor = flags.integer("replicationFactor", 1);
        for (String address : flags.list("storageNode")) {
            String withPort = address.contains(":") ? address : address + ":8400";
            channels.add(new RpcChannel(withPort));
            sent.put(withPort, new AtomicLong());
            reroutedFrom.put(withPort, new AtomicLong());
            reroutedTo.put(withPort, new AtomicLong());
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("missing -storageNode");
        }
        long delay = flags.duration("sim.firstDialDelay", Duration.ZERO).toMillis();
        prober.scheduleWithFixedDelay(this::probe, delay, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public SimFlags flags() {
        return flags;
    }

    @Override
    public void handle(SimHttp http) throws IOException {
        if (http.path().equals("/metrics")) {
            http.text(200, metrics());
            return;
        }
        if (!http.path().startsWith("/insert/")) {
            http.text(400, "unsupported path requested: \"" + http.path() + "\"");
            return;
        }
        String tenant;
        String suffix;
        List<ImportParser.Row> rows;
        try {
            tenant = SimHttp.tenant(http.path());
            suffix = SimHttp.apiSuffix(http.path());
            rows = switch (suffix) {
                case "api/v1/import/prometheus" -> ImportParser.prometheus(http.body(), System.currentTimeMillis());
                case "api/v1/import" -> ImportParser.jsonLines(http.body());
                default -> throw new IllegalArgumentException("the simulator does not implement " + suffix);
            };
        } catch (RuntimeException e) {
            http.text(400, e.getMessage());
            return;
        }
        for (String extra : http.params("extra_label")) {
            int equals = extra.indexOf('=');
            rows.forEach(row -> row.labels().put(extra.substring(0, equals), extra.substring(equals + 1)));
        }
        try {
            write(tenant, rows);
            http.noContent();
        } catch (IOException e) {
            http.text(503, e.getMessage());
        }
    }

    private void write(String tenant, List<ImportParser.Row> rows) throws IOException {
        Map<RpcChannel, List<Map<String, Object>>> batches = new LinkedHashMap<>();
        for (ImportParser.Row row : rows) {
            List<RpcChannel> order = order(tenant, row.labels());
            List<RpcChannel> targets = order.stream().filter(this::usable).limit(replicationFactor).toList();
            if (targets.isEmpty()) {
                throw new IOException("cannot send rows: all the vmstorage nodes are unavailable");
            }
            if (!targets.contains(order.get(0))) {
                reroutes.incrementAndGet();
                reroutedFrom.get(order.get(0).address()).incrementAndGet();
                reroutedTo.get(targets.get(0).address()).incrementAndGet();
            }
            Map<String, Object> wire = new LinkedHashMap<>();
            wire.put("labels", row.labels());
            wire.put("ts", row.timestamp());
            wire.put("value", row.value());
            targets.forEach(target -> batches.computeIfAbsent(target, key -> new ArrayList<>()).add(wire));
        }
        List<ImportParser.Row> retry = new ArrayList<>();
        for (Map.Entry<RpcChannel, List<Map<String, Object>>> batch : batches.entrySet()) {
            if (!send(tenant, batch.getKey(), batch.getValue())) {
                batch.getValue().forEach(wire -> retry.add(toRow(wire)));
            }
        }
        if (!retry.isEmpty()) {
            write(tenant, retry);
        }
    }

    private boolean send(String tenant, RpcChannel channel, List<Map<String, Object>> rows) {
        try {
            JsonNode answer = channel.call(Map.of("tenant", tenant, "rows", rows));
            if (answer.path("readOnly").asBoolean(false)) {
                channel.readOnly(true);
                return false;
            }
            sent.get(channel.address()).addAndGet(rows.size());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static ImportParser.Row toRow(Map<String, Object> wire) {
        return new ImportParser.Row((Map<String, String>) wire.get("labels"), (Long) wire.get("ts"), (Double) wire.get("value"));
    }

    private boolean usable(RpcChannel channel) {
        return !channel.broken() && !channel.readOnly();
    }

    /** Storage nodes by descending rendezvous score of the series: the first is its home. */
    private List<RpcChannel> order(String tenant, Map<String, String> labels) {
        String key = tenant + new TreeMap<>(labels);
        return channels.stream().sorted(Comparator.comparingLong((RpcChannel c) -> score(key, c.address())).reversed()).toList();
    }

    private static long score(String key, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((key + "|" + address).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFF);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void probe() {
        for (RpcChannel channel : channels) {
            try {
                JsonNode answer = channel.call(Map.of("op", "ping"));
                channel.readOnly(answer.path("readOnly").asBoolean(false));
            } catch (IOException e) {
                // broken is set; the next round dials again
            }
        }
    }

    private String metrics() {
        MetricLines lines = new MetricLines().common("vminsert", startMillis);
        for (RpcChannel channel : channels) {
            String addr = channel.address();
            lines.add("vm_rpc_vmstorage_is_reachable", channel.broken() ? 0 : 1, "name", "vminsert", "addr", addr)
                    .add("vm_rpc_vmstorage_is_read_only", channel.readOnly() ? 1 : 0, "name", "vminsert", "addr", addr)
                    .add("vm_tcpdialer_conns", channel.connected() ? 1 : 0, "name", "vminsert", "addr", addr)
                    .add("vm_rpc_rows_sent_total", sent.get(addr).get(), "name", "vminsert", "addr", addr)
                    .add("vm_rpc_rows_rerouted_from_here_total", reroutedFrom.get(addr).get(), "name", "vminsert", "addr", addr)
                    .add("vm_rpc_rows_rerouted_to_here_total", reroutedTo.get(addr).get(), "name", "vminsert", "addr", addr)
                    .add("vm_rpc_rows_pending", 0, "name", "vminsert", "addr", addr);
        }
        lines.add("vm_rpc_reroutes_total", reroutes.get(), "name", "vminsert");
        return lines.text();
    }
}
