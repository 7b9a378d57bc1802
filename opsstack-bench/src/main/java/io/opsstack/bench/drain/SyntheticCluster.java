package io.opsstack.bench.drain;

import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.allocation.SnapshotNode;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic cluster state: {@code nodes} data nodes in three tiers and three zones, {@code shards}
 * shard copies (primaries with one replica on another node), seeded so every run plans the same drain.
 */
final class SyntheticCluster {
    private static final long GB = 1L << 30;

    private SyntheticCluster() {
    }

    static ClusterSnapshot of(int nodes, int shardCopies, long seed) {
        Random random = new Random(seed);
        String[] tiers = {"hot", "warm", "cold"};
        List<SnapshotNode> nodeList = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            nodeList.add(new SnapshotNode(name(i), "id-" + i, true, i < 3, Map.of("temp", tiers[i % 3],
                    "zone", "zone-" + (char) ('a' + (i / 3) % 3)), 2000 * GB, (800 + random.nextInt(800)) * GB));
        }
        List<ShardRow> shards = new ArrayList<>(shardCopies);
        Map<String, Map<String, String>> indexSettings = new java.util.HashMap<>();
        int index = 0;
        while (shards.size() < shardCopies) {
            String indexName = "logs-" + index;
            int tier = index % 3;
            indexSettings.put(indexName, Map.of("index.routing.allocation.require.temp", tiers[tier]));
            for (int shard = 0; shard < 5 && shards.size() < shardCopies; shard++) {
                int primaryNode = tier + 3 * random.nextInt(nodes / 3);
                int replicaNode = (primaryNode + 3 * (1 + random.nextInt(nodes / 3 - 1))) % (nodes - nodes % 3);
                long bytes = (1 + random.nextInt(50)) * (GB / 10);
                shards.add(row(indexName, shard, true, primaryNode, bytes));
                shards.add(row(indexName, shard, false, replicaNode, bytes));
            }
            index++;
        }
        ClusterSettings settings = new ClusterSettings(Map.of("cluster.routing.allocation.awareness.attributes", "zone",
                "cluster.routing.allocation.exclude._name", "retired-1"), Map.of(),
                Map.of("cluster.routing.allocation.disk.watermark.low", "85%"));
        return new ClusterSnapshot(nodeList, shards, settings, indexSettings);
    }

    static String name(int node) {
        return String.format("opensearch-data-%04d", node);
    }

    private static ShardRow row(String index, int shard, boolean primary, int node, long bytes) {
        return new ShardRow(index, shard, primary, ShardState.STARTED, 1000L, bytes, "10.0.0." + (node % 250),
                "id-" + node, name(node), null, null);
    }
}
