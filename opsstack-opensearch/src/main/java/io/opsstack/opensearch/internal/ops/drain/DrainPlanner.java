package io.opsstack.opensearch.internal.ops.drain;

import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.allocation.ExclusionList;
import io.opsstack.opensearch.internal.allocation.TargetChooser;
import io.opsstack.opensearch.model.ShardRow;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feasibility core of a drain, on an in-memory {@link ClusterSnapshot}: for each copy held by the
 * node (largest first), a target that filters, {@code same_shard}, {@code total_shards_per_node}, the
 * low disk watermark and awareness allow, booked so later copies see the earlier moves; a copy already
 * relocating away keeps its relocation target. Pure: no I/O.
 */
public final class DrainPlanner {

    private DrainPlanner() {
    }

    public static DrainFeasibility assess(ClusterSnapshot snapshot, String node) {
        List<ShardRow> held = snapshot.shards().stream().filter(row -> node.equals(row.node()))
                .sorted(Comparator.comparingLong((ShardRow row) -> row.storeBytes() == null ? 0 : row.storeBytes())
                        .reversed())
                .toList();
        Set<String> excluded = new HashSet<>(ExclusionList.entries(snapshot.settings()));
        excluded.add(node);
        Set<String> indices = new HashSet<>();
        held.forEach(row -> indices.add(row.index()));
        TargetChooser chooser = new TargetChooser(snapshot, indices);
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, String> blocked = new LinkedHashMap<>();
        long bytes = 0;
        for (ShardRow copy : held) {
            bytes += copy.storeBytes() == null ? 0 : copy.storeBytes();
            if (expandsToAllNodes(snapshot.indexSettings(copy.index()))) {
                targets.put(label(copy), "(dropped: auto_expand_replicas)");
                continue;
            }
            if (copy.relocatingTo() != null) {
                // already on its way, e.g. when a drain is resumed after its exclusion was written
                targets.put(label(copy), copy.relocatingTo().node() + " (relocating)");
                continue;
            }
            TargetChooser.Choice choice = chooser.choose(copy, excluded, null);
            if (choice.found()) {
                targets.put(label(copy), choice.target());
            } else {
                blocked.put(label(copy), String.join("; ", choice.rejections()));
            }
        }
        return new DrainFeasibility(node, held.size(), bytes, targets, blocked);
    }

    /**
     * An index with {@code auto_expand_replicas: N-all} has a copy on every eligible node: excluding the
     * node shrinks its replica count (a replica elsewhere takes over a primary), so the copy is dropped,
     * not moved. The drain's completion check still waits for it to be gone.
     */
    private static boolean expandsToAllNodes(Map<String, String> indexSettings) {
        String expand = indexSettings.get("index.auto_expand_replicas");
        return expand != null && expand.endsWith("-all");
    }

    static String label(ShardRow row) {
        return row.index() + "[" + row.shard() + "]" + (row.primary() ? "p" : "r");
    }
}
