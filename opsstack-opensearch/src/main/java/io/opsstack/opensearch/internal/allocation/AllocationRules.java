package io.opsstack.opensearch.internal.allocation;

import io.opsstack.opensearch.model.ClusterSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of OpenSearch's allocation deciders a planner can evaluate locally: allocation filters
 * ({@code require}/{@code include}/{@code exclude} on {@code _name}, {@code _id} and custom
 * attributes; address filters are left to the server), shards per node, the low disk watermark and
 * allocation awareness. Each check returns null when it allows the placement, else the reason.
 */
public final class AllocationRules {
    private static final String CLUSTER_PREFIX = "cluster.routing.allocation.";
    private static final String INDEX_PREFIX = "index.routing.allocation.";

    private final ClusterSettings settings;
    private final int clusterShardsPerNode;
    private final double lowWatermarkRatio;
    private final long lowWatermarkFreeBytes;
    private final List<String> awarenessAttributes;
    private final Map<String, String> clusterFilters = new HashMap<>();

    public AllocationRules(ClusterSettings settings) {
        this.settings = settings;
        this.clusterShardsPerNode = settings.totalShardsPerNode().orElse(-1);
        boolean diskChecks = settings.diskThresholdEnabled().orElse(true);
        String low = settings.diskWatermarkLow().orElse("85%");
        this.lowWatermarkRatio = diskChecks ? ratio(low) : Double.NaN;
        this.lowWatermarkFreeBytes = diskChecks && Double.isNaN(lowWatermarkRatio) ? RecoveryThrottles.bytes(low) : -1;
        this.awarenessAttributes = settings.awarenessAttributes().value();
        clusterFilters.putAll(settings.persistent());
        clusterFilters.putAll(settings.transientSettings());
    }

    /** Cluster-level filters: null when {@code node} may hold shards at all. */
    public String clusterFilter(SnapshotNode node) {
        return filter(clusterFilters, CLUSTER_PREFIX, node, "cluster");
    }

    /** Index-level filters of one index. */
    public String indexFilter(Map<String, String> indexSettings, SnapshotNode node) {
        return filter(indexSettings, INDEX_PREFIX, node, "index");
    }

    /** {@code total_shards_per_node}, cluster-wide and per index. */
    public String shardsPerNode(int shardsOnNode, int indexShardsOnNode, Map<String, String> indexSettings) {
        if (clusterShardsPerNode >= 0 && shardsOnNode + 1 > clusterShardsPerNode) {
            return "cluster total_shards_per_node " + clusterShardsPerNode + " reached (" + shardsOnNode + ")";
        }
        String perIndex = indexSettings.get(INDEX_PREFIX + "total_shards_per_node");
        if (perIndex != null && Integer.parseInt(perIndex) >= 0 && indexShardsOnNode + 1 > Integer.parseInt(perIndex)) {
            return "index total_shards_per_node " + perIndex + " reached (" + indexShardsOnNode + ")";
        }
        return null;
    }

    /** Whether {@code bytes} more keep the node below the low watermark. */
    public String diskHeadroom(SnapshotNode node, long usedBytes, long bytes) {
        if (node.diskTotalBytes() <= 0) {
            return null;
        }
        if (!Double.isNaN(lowWatermarkRatio)) {
            double after = (double) (usedBytes + bytes) / node.diskTotalBytes();
            return after < lowWatermarkRatio ? null : String.format("disk would be %.1f%% used, low watermark %.1f%%",
                    after * 100, lowWatermarkRatio * 100);
        }
        if (lowWatermarkFreeBytes >= 0) {
            long free = node.diskTotalBytes() - usedBytes - bytes;
            return free > lowWatermarkFreeBytes ? null
                    : "free disk would be " + free + " bytes, low watermark needs " + lowWatermarkFreeBytes;
        }
        return null;
    }

    /**
     * Allocation awareness: a node may not take a copy when its zone already has its share of the
     * shard's copies ({@code ceil(copies / zones)}).
     *
     * @param copyZones per awareness attribute, the zone of every other copy of the shard
     * @param zoneCounts per awareness attribute, the number of zones (forced values or distinct node values)
     */
    public String awareness(SnapshotNode node, int copies, Map<String, List<String>> copyZones,
                            Map<String, Integer> zoneCounts) {
        for (String attribute : awarenessAttributes) {
            String zone = node.attributes().get(attribute);
            int zones = zoneCounts.getOrDefault(attribute, 1);
            if (zone == null || zones <= 1) {
                continue;
            }
            int maxPerZone = (copies + zones - 1) / zones;
            long inZone = copyZones.getOrDefault(attribute, List.of()).stream().filter(zone::equals).count();
            if (inZone + 1 > maxPerZone) {
                return "awareness " + attribute + "=" + zone + " already holds " + inZone + " of " + copies + " copies";
            }
        }
        return null;
    }

    public List<String> awarenessAttributes() {
        return awarenessAttributes;
    }

    public List<String> forcedValues(String attribute) {
        return settings.awarenessForceValues(attribute).value();
    }

    private static String filter(Map<String, String> flat, String prefix, SnapshotNode node, String level) {
        boolean anyInclude = false;
        boolean included = false;
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String kind = rest.substring(0, dot);
            String attribute = rest.substring(dot + 1);
            if (!kind.equals("require") && !kind.equals("include") && !kind.equals("exclude")
                    || attribute.endsWith("ip") || attribute.equals("_host")) {
                continue;
            }
            List<String> values = ClusterSettings.splitList(e.getValue());
            if (values.isEmpty()) {
                continue;
            }
            boolean matches = matchesAny(node.filterValue(attribute), values);
            switch (kind) {
                case "require" -> {
                    if (!matches) {
                        return level + " filter " + kind + "." + attribute + "=" + values;
                    }
                }
                case "exclude" -> {
                    if (matches) {
                        return level + " filter " + kind + "." + attribute + "=" + values;
                    }
                }
                default -> {
                    anyInclude = true;
                    included |= matches;
                }
            }
        }
        return anyInclude && !included ? level + " include filter matches no attribute of the node" : null;
    }

    private static boolean matchesAny(String value, List<String> patterns) {
        if (value == null) {
            return false;
        }
        for (String pattern : patterns) {
            if (pattern.equals(value) || (pattern.contains("*") && value.matches(globToRegex(pattern)))) {
                return true;
            }
        }
        return false;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return regex.toString();
    }

    private static double ratio(String watermark) {
        String w = watermark.trim();
        try {
            if (w.endsWith("%")) {
                return Double.parseDouble(w.substring(0, w.length() - 1)) / 100.0;
            }
            double value = Double.parseDouble(w);
            return value <= 1.0 ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
