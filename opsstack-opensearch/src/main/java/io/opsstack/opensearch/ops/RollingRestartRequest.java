package io.opsstack.opensearch.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;

/**
 * A rolling restart (or, with {@code targetVersion}, a rolling upgrade) of cluster nodes.
 *
 * @param nodes                 node names to restart; empty = every node of the cluster
 * @param targetVersion         version every restarted node must rejoin with (an upgrade); null = the version it had
 * @param snapshotRepository    for upgrades: repository for the snapshot taken first; null = no snapshot (the plan warns)
 * @param maxUnavailable        nodes that may be down at once, counting nodes already missing (default 1)
 * @param tierAttribute         node attribute naming the data tier (default {@code temp}); orders nodes and keeps a node per tier up
 * @param zoneAttribute         node attribute naming the zone; with {@code parallelZones} the nodes of a zone may restart together
 * @param parallelZones         restart a zone's nodes together where allocation awareness proves it safe
 * @param pollInterval          how often the cluster is polled while waiting (default 250 ms)
 * @param nodeTimeout           bound for a node to stop, leave, start and rejoin (default 5 min)
 * @param recoveryTimeout       bound for the cluster to become green (or settled) after a node rejoined (default 30 min)
 * @param delayedAllocation     while a node is down, {@code index.unassigned.node_left.delayed_timeout} of every open
 *                              index is raised to this (prior values restored once it is back), so replicas are not
 *                              rebuilt elsewhere when a restart outlasts the default minute; null = leave it alone
 * @param recoveryConcurrency   {@code cluster.routing.allocation.node_concurrent_recoveries} while a restarted node's
 *                              copies recover (default 12, the server's is 2; a higher prior value is kept), restored
 *                              when the operation ends, also when it fails; 0 = leave it alone. After the flush those copies replay few or no
 *                              operations and copy no files, so they may recover in one round instead of several;
 *                              a copy that does need files stays bound by the node-wide
 *                              {@code indices.recovery.max_bytes_per_sec}
 */
public record RollingRestartRequest(List<String> nodes, String targetVersion, String snapshotRepository,
                                    int maxUnavailable, String tierAttribute, String zoneAttribute,
                                    boolean parallelZones, Duration pollInterval, Duration nodeTimeout,
                                    Duration recoveryTimeout, Duration delayedAllocation,
                                    int recoveryConcurrency) implements Serializable {
    public static final String DEFAULT_TIER_ATTRIBUTE = "temp";
    public static final String DEFAULT_ZONE_ATTRIBUTE = "zone";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_RECOVERY_CONCURRENCY = 12;
    /** Upper bound of {@code recoveryConcurrency}: more parallel recoveries only add load. */
    public static final int MAX_RECOVERY_CONCURRENCY = 16;

    public RollingRestartRequest {
        nodes = RequestChecks.names(nodes, "nodes");
        if (nodes.stream().distinct().count() != nodes.size()) {
            throw new OpsValidationException("nodes must not repeat a name: " + nodes);
        }
        if (targetVersion != null && !targetVersion.matches("\\d+\\.\\d+\\.\\d+([-.].*)?")) {
            throw new OpsValidationException("targetVersion must look like 2.19.4, was '" + targetVersion + "'");
        }
        if (snapshotRepository != null) {
            RequestChecks.name(snapshotRepository, "snapshotRepository");
        }
        if (maxUnavailable < 1) {
            throw new OpsValidationException("maxUnavailable must be at least 1, was " + maxUnavailable);
        }
        if (tierAttribute == null || tierAttribute.isBlank() || zoneAttribute == null || zoneAttribute.isBlank()) {
            throw new OpsValidationException("tierAttribute and zoneAttribute must not be blank");
        }
        RequestChecks.positive(pollInterval, "pollInterval");
        RequestChecks.positive(nodeTimeout, "nodeTimeout");
        RequestChecks.positive(recoveryTimeout, "recoveryTimeout");
        if (delayedAllocation != null) {
            RequestChecks.positive(delayedAllocation, "delayedAllocation");
        }
        if (recoveryConcurrency < 0 || recoveryConcurrency > MAX_RECOVERY_CONCURRENCY) {
            throw new OpsValidationException("recoveryConcurrency must be 0 (leave alone) to " + MAX_RECOVERY_CONCURRENCY
                    + ", was " + recoveryConcurrency);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isUpgrade() {
        return targetVersion != null;
    }

    /**
     * Keys: {@code nodes}, {@code target_version}, {@code snapshot_repository}, {@code max_unavailable},
     * {@code tier_attribute}, {@code zone_attribute}, {@code parallel_zones}, {@code poll_interval_millis},
     * {@code node_timeout_seconds}, {@code recovery_timeout_seconds}, {@code delayed_allocation_seconds},
     * {@code recovery_concurrency}.
     */
    public static RollingRestartRequest fromMap(Map<String, ?> map) {
        Builder b = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return; // the toMap form writes null for "not set"
            }
            String text = String.valueOf(value);
            switch (key) {
                case "nodes" -> b.nodes(RequestChecks.list(value));
                case "target_version" -> b.targetVersion(text);
                case "snapshot_repository" -> b.snapshotRepository(text);
                case "max_unavailable" -> b.maxUnavailable(OptionMaps.integer(map, key));
                case "tier_attribute" -> b.tierAttribute(text);
                case "zone_attribute" -> b.zoneAttribute(text);
                case "parallel_zones" -> b.parallelZones(OptionMaps.bool(map, key));
                case "poll_interval_millis" -> b.pollInterval(RequestChecks.millis(map, key, null));
                case "node_timeout_seconds" -> b.nodeTimeout(RequestChecks.seconds(map, key, null));
                case "recovery_timeout_seconds" -> b.recoveryTimeout(RequestChecks.seconds(map, key, null));
                case "delayed_allocation_seconds" -> b.delayedAllocation(RequestChecks.seconds(map, key, null));
                case "recovery_concurrency" -> b.recoveryConcurrency(OptionMaps.integer(map, key));
                default -> throw new OpsValidationException("unknown rolling restart option '" + key + "'; known: nodes, "
                        + "target_version, snapshot_repository, max_unavailable, tier_attribute, zone_attribute, "
                        + "parallel_zones, poll_interval_millis, node_timeout_seconds, recovery_timeout_seconds, "
                        + "delayed_allocation_seconds, recovery_concurrency");
            }
        });
        return b.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nodes", new ArrayList<>(nodes));
        map.put("target_version", targetVersion);
        map.put("snapshot_repository", snapshotRepository);
        map.put("max_unavailable", maxUnavailable);
        map.put("tier_attribute", tierAttribute);
        map.put("zone_attribute", zoneAttribute);
        map.put("parallel_zones", parallelZones);
        map.put("poll_interval_millis", pollInterval.toMillis());
        map.put("node_timeout_seconds", nodeTimeout.toSeconds());
        map.put("recovery_timeout_seconds", recoveryTimeout.toSeconds());
        map.put("delayed_allocation_seconds", delayedAllocation == null ? null : delayedAllocation.toSeconds());
        map.put("recovery_concurrency", recoveryConcurrency);
        return map;
    }

    public static final class Builder {
        private final List<String> nodes = new ArrayList<>();
        private String targetVersion;
        private String snapshotRepository;
        private int maxUnavailable = 1;
        private String tierAttribute = DEFAULT_TIER_ATTRIBUTE;
        private String zoneAttribute = DEFAULT_ZONE_ATTRIBUTE;
        private boolean parallelZones;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration nodeTimeout = DEFAULT_NODE_TIMEOUT;
        private Duration recoveryTimeout = DEFAULT_RECOVERY_TIMEOUT;
        private Duration delayedAllocation;
        private int recoveryConcurrency = DEFAULT_RECOVERY_CONCURRENCY;

        private Builder() {
        }

        public Builder node(String node) {
            nodes.add(node);
            return this;
        }

        public Builder nodes(List<String> names) {
            nodes.addAll(names);
            return this;
        }

        public Builder targetVersion(String targetVersion) {
            this.targetVersion = targetVersion;
            return this;
        }

        public Builder snapshotRepository(String snapshotRepository) {
            this.snapshotRepository = snapshotRepository;
            return this;
        }

        public Builder maxUnavailable(int maxUnavailable) {
            this.maxUnavailable = maxUnavailable;
            return this;
        }

        public Builder tierAttribute(String tierAttribute) {
            this.tierAttribute = tierAttribute;
            return this;
        }

        public Builder zoneAttribute(String zoneAttribute) {
            this.zoneAttribute = zoneAttribute;
            return this;
        }

        public Builder parallelZones(boolean parallelZones) {
            this.parallelZones = parallelZones;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder nodeTimeout(Duration nodeTimeout) {
            this.nodeTimeout = nodeTimeout;
            return this;
        }

        public Builder recoveryTimeout(Duration recoveryTimeout) {
            this.recoveryTimeout = recoveryTimeout;
            return this;
        }

        public Builder delayedAllocation(Duration delayedAllocation) {
            this.delayedAllocation = delayedAllocation;
            return this;
        }

        public Builder recoveryConcurrency(int recoveryConcurrency) {
            this.recoveryConcurrency = recoveryConcurrency;
            return this;
        }

        public RollingRestartRequest build() {
            return new RollingRestartRequest(nodes, targetVersion, snapshotRepository, maxUnavailable, tierAttribute,
                    zoneAttribute, parallelZones, pollInterval, nodeTimeout, recoveryTimeout, delayedAllocation,
                    recoveryConcurrency);
        }
    }
}
