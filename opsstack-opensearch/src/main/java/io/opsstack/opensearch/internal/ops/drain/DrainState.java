package io.opsstack.opensearch.internal.ops.drain;

import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.List;

/**
 * One reading of a drain's progress. Drained means: no copy occupies the node (a copy relocating to
 * or from it counts against it), no shard is unassigned anywhere, and nothing relocates or
 * initializes. A copy that merely exists elsewhere is not enough (cloud-on-k8s#2627).
 *
 * @param remaining the copies still occupying the node
 */
public record DrainState(List<ShardRow> remaining, long bytesOnNode, int unassigned, int activity) {

    public DrainState {
        remaining = List.copyOf(remaining);
    }

    public static DrainState of(String node, List<ShardRow> shards, ClusterHealth health) {
        List<ShardRow> remaining = shards.stream().filter(row -> row.occupies(node)).toList();
        long bytes = remaining.stream().mapToLong(row -> row.storeBytes() == null ? 0 : row.storeBytes()).sum();
        int unassigned = (int) shards.stream().filter(row -> row.state() == ShardState.UNASSIGNED).count();
        int activity = health.relocatingShards() + health.initializingShards() + health.numberOfInFlightFetch();
        return new DrainState(remaining, bytes, Math.max(unassigned, health.unassignedShards()), activity);
    }

    public boolean drained() {
        return remaining.isEmpty() && unassigned == 0 && activity == 0;
    }

    public String describe() {
        return remaining.size() + " shard copies (" + bytesOnNode + " bytes) still on the node, " + unassigned
                + " unassigned in the cluster, " + activity + " relocating/initializing";
    }
}
