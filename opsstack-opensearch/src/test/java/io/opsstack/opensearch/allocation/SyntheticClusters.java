package io.opsstack.opensearch.allocation;

import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.allocation.SnapshotNode;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made cluster states for the planner tests. */
final class SyntheticClusters {
    static final long GB = 1L << 30;

    private SyntheticClusters() {
    }

    static SnapshotNode node(String name, String temp, String zone, long totalGb, long availGb) {
        return new SnapshotNode(name, "id-" + name, true, false, Map.of("temp", temp, "zone", zone),
                totalGb * GB, availGb * GB);
    }

    static ShardRow started(String index, int shard, boolean primary, String node, long bytes) {
        return new ShardRow(index, shard, primary, ShardState.STARTED, 10L, bytes, "127.0.0.1", "id-" + node, node,
                null, null);
    }

    static ClusterSnapshot snapshot(List<SnapshotNode> nodes, List<ShardRow> shards, Map<String, String> persistent,
                                    Map<String, Map<String, String>> indexSettings) {
        return new ClusterSnapshot(nodes, shards, new ClusterSettings(persistent, Map.of(), Map.of()), indexSettings);
    }

    static List<ShardRow> rows(ShardRow... rows) {
        return new ArrayList<>(List.of(rows));
    }
}
