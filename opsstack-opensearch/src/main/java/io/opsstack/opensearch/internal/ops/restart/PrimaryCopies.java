package io.opsstack.opensearch.internal.ops.restart;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;

/** Which primaries on a group of nodes lack an in-sync copy elsewhere (ECK's {@code require_started_replica}). */
public final class PrimaryCopies {

    private PrimaryCopies() {
    }

    /**
     * Primaries held on {@code group} whose shard has no STARTED copy outside it; a RELOCATING copy outside
     * counts as in sync (cloud-on-k8s#9187). Sorted {@code index[shard]} keys.
     */
    public static List<String> uncovered(List<String> group, List<ShardRow> shards) {
        Set<String> covered = new HashSet<>();
        for (ShardRow row : shards) {
            boolean inSync = row.state() == ShardState.STARTED || row.state() == ShardState.RELOCATING;
            if (inSync && row.node() != null && !group.contains(row.node())) {
                covered.add(key(row));
            }
        }
        Set<String> uncovered = new TreeSet<>();
        for (ShardRow row : shards) {
            if (row.primary() && row.node() != null && group.contains(row.node()) && !covered.contains(key(row))) {
                uncovered.add(key(row));
            }
        }
        return List.copyOf(uncovered);
    }

    private static String key(ShardRow row) {
        return row.index() + "[" + row.shard() + "]";
    }
}
