package io.opsstack.opensearch.internal.allocation;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.allocation.NodeDisk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster state the allocation planners work on, in memory: nodes with disk, shard copies, cluster
 * settings and the allocation settings of each index. Reading it is the only I/O; planning on it is
 * pure, so the planners can be fed synthetic clusters.
 *
 * @param indexSettings index → its {@code index.routing.allocation.*} settings (absent = none)
 */
public record ClusterSnapshot(List<SnapshotNode> nodes, List<ShardRow> shards, ClusterSettings settings,
                              Map<String, Map<String, String>> indexSettings) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        shards = List.copyOf(shards);
        indexSettings = Map.copyOf(indexSettings);
    }

    public static ClusterSnapshot read(OpenSearchOps client) {
        Map<String, NodeDisk> disks = new HashMap<>();
        client.allocation().nodeDisks().forEach(disk -> disks.put(disk.nodeName(), disk));
        List<SnapshotNode> nodes = new ArrayList<>();
        for (NodeInfo node : client.nodes()) {
            NodeDisk disk = disks.get(node.name());
            nodes.add(new SnapshotNode(node.name(), node.id(), node.isData(), node.isClusterManagerEligible(),
                    node.attributes(), disk == null ? 0 : disk.totalBytes(), disk == null ? 0 : disk.availableBytes()));
        }
        return new ClusterSnapshot(nodes, client.shards(), client.clusterSettings(true),
                client.allocation().indexAllocationSettings());
    }

    public SnapshotNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    public Map<String, String> indexSettings(String index) {
        return indexSettings.getOrDefault(index, Map.of());
    }
}
