package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Cluster settings as three distinct layers with flattened keys ({@code a.b.c}); list values are
 * joined with commas. The effective value of a key is transient, else persistent, else default.
 *
 * @param persistent persistent settings
 * @param transientSettings transient settings ({@code transient} is a reserved word in Java)
 * @param defaults server defaults; empty unless read with {@code include_defaults}
 */
public record ClusterSettings(
        Map<String, String> persistent,
        Map<String, String> transientSettings,
        Map<String, String> defaults) implements Serializable {

    private static final String ALLOCATION = "cluster.routing.allocation.";

    public ClusterSettings {
        persistent = persistent == null ? Map.of() : Map.copyOf(persistent);
        transientSettings = transientSettings == null ? Map.of() : Map.copyOf(transientSettings);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    /** The effective raw value of {@code key} and its source. */
    public Setting<String> effective(String key) {
        return typed(key, Function.identity());
    }

    public Setting<AllocationEnable> allocationEnable() {
        return typed(ALLOCATION + "enable", AllocationEnable::parse);
    }

    public Setting<RebalanceEnable> rebalanceEnable() {
        return typed("cluster.routing.rebalance.enable", RebalanceEnable::parse);
    }

    /**
     * The parsed value list of an allocation filter, e.g. {@code allocationFilter(EXCLUDE, "_name")};
     * empty tokens (as in {@code "a,,b"} or {@code ","}) are dropped. Unset = empty list.
     */
    public Setting<List<String>> allocationFilter(AllocationFilter kind, String attribute) {
        return list(kind.clusterKey(attribute));
    }

    /** {@code cluster.routing.allocation.exclude.<attribute>}. */
    public Setting<List<String>> exclude(String attribute) {
        return allocationFilter(AllocationFilter.EXCLUDE, attribute);
    }

    /** {@code cluster.routing.allocation.include.<attribute>}. */
    public Setting<List<String>> include(String attribute) {
        return allocationFilter(AllocationFilter.INCLUDE, attribute);
    }

    /** {@code cluster.routing.allocation.require.<attribute>}. */
    public Setting<List<String>> require(String attribute) {
        return allocationFilter(AllocationFilter.REQUIRE, attribute);
    }

    public Setting<List<String>> awarenessAttributes() {
        return list(ALLOCATION + "awareness.attributes");
    }

    /** Forced awareness values of {@code attribute} ({@code awareness.force.<attribute>.values}). */
    public Setting<List<String>> awarenessForceValues(String attribute) {
        return list(ALLOCATION + "awareness.force." + attribute + ".values");
    }

    public Setting<Boolean> diskThresholdEnabled() {
        return typed(ALLOCATION + "disk.threshold_enabled", ClusterSettings::parseBoolean);
    }

    /** E.g. {@code 85%}, {@code 0.85} or {@code 500mb} (free space), as the server reports it. */
    public Setting<String> diskWatermarkLow() {
        return effective(ALLOCATION + "disk.watermark.low");
    }

    public Setting<String> diskWatermarkHigh() {
        return effective(ALLOCATION + "disk.watermark.high");
    }

    public Setting<String> diskWatermarkFloodStage() {
        return effective(ALLOCATION + "disk.watermark.flood_stage");
    }

    public Setting<Integer> nodeConcurrentRecoveries() {
        return integer(ALLOCATION + "node_concurrent_recoveries");
    }

    public Setting<Integer> nodeConcurrentIncomingRecoveries() {
        return integer(ALLOCATION + "node_concurrent_incoming_recoveries");
    }

    public Setting<Integer> nodeConcurrentOutgoingRecoveries() {
        return integer(ALLOCATION + "node_concurrent_outgoing_recoveries");
    }

    public Setting<Integer> nodeInitialPrimariesRecoveries() {
        return integer(ALLOCATION + "node_initial_primaries_recoveries");
    }

    public Setting<Integer> clusterConcurrentRebalance() {
        return integer(ALLOCATION + "cluster_concurrent_rebalance");
    }

    /** {@code cluster.routing.allocation.total_shards_per_node}; {@code -1} means unlimited. */
    public Setting<Integer> totalShardsPerNode() {
        return integer(ALLOCATION + "total_shards_per_node");
    }

    /** E.g. {@code 40mb}, as the server reports it. */
    public Setting<String> recoveryMaxBytesPerSec() {
        return effective("indices.recovery.max_bytes_per_sec");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("persistent", new LinkedHashMap<>(new TreeMap<>(persistent)));
        m.put("transient", new LinkedHashMap<>(new TreeMap<>(transientSettings)));
        m.put("defaults", new LinkedHashMap<>(new TreeMap<>(defaults)));
        return m;
    }

    @Override
    public String toString() {
        return "ClusterSettings[persistent=" + new TreeMap<>(persistent) + ", transient="
                + new TreeMap<>(transientSettings) + ", defaults=" + defaults.size() + " keys]";
    }

    private Setting<Integer> integer(String key) {
        return typed(key, raw -> Integer.valueOf(raw.trim()));
    }

    private Setting<List<String>> list(String key) {
        Setting<List<String>> s = typed(key, ClusterSettings::splitList);
        return s.isSet() ? s : new Setting<>(key, List.of(), null, SettingSource.UNSET);
    }

    private <T> Setting<T> typed(String key, Function<String, T> parser) {
        String raw;
        SettingSource source;
        if (transientSettings.containsKey(key)) {
            raw = transientSettings.get(key);
            source = SettingSource.TRANSIENT;
        } else if (persistent.containsKey(key)) {
            raw = persistent.get(key);
            source = SettingSource.PERSISTENT;
        } else if (defaults.containsKey(key)) {
            raw = defaults.get(key);
            source = SettingSource.DEFAULT;
        } else {
            return new Setting<>(key, null, null, SettingSource.UNSET);
        }
        try {
            return new Setting<>(key, parser.apply(raw), raw, source);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cluster setting " + key + " has an unexpected value '" + raw + "'", e);
        }
    }

    /** Splits a comma list, trimming and dropping empty tokens. */
    public static List<String> splitList(String raw) {
        List<String> out = new ArrayList<>();
        for (String token : raw.split(",")) {
            String t = token.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static Boolean parseBoolean(String raw) {
        String v = raw.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.valueOf(v);
        }
        throw new IllegalArgumentException("not a boolean");
    }
}
