package io.opsstack.opensearch.internal.ops;

import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the shard copies of one index are relative to a tier. A copy counts as placed only when it
 * is STARTED on a node whose attribute matches the tier: a relocating copy, an unassigned one or a
 * started one elsewhere is not (cluster-wide {@code relocating_shards == 0} is not a completion test,
 * it also holds before a move starts or when no node matches).
 */
public record TierPlacement(String index, int copies, int placed, List<String> misplaced) {

    public TierPlacement {
        misplaced = List.copyOf(misplaced);
    }

    /** @param tierOfNode node name → the node's attribute value (absent for nodes without it) */
    static TierPlacement of(String index, List<ShardRow> rows, Map<String, String> tierOfNode, String tier) {
        List<ShardRow> own = rows.stream().filter(row -> row.index().equals(index)).toList();
        List<String> misplaced = own.stream()
                .filter(row -> !(row.state() == ShardState.STARTED && Objects.equals(tierOfNode.get(row.node()), tier)))
                .map(TierPlacement::describe)
                .toList();
        return new TierPlacement(index, own.size(), own.size() - misplaced.size(), misplaced);
    }

    /**
     * Placement of copies already selected for one index: a copy is placed when it is STARTED on one of
     * {@code allowedNodes} (node names).
     */
    public static TierPlacement ofCopies(String index, List<ShardRow> ownCopies, Set<String> allowedNodes) {
        List<String> misplaced = ownCopies.stream()
                .filter(row -> !(row.state() == ShardState.STARTED && allowedNodes.contains(row.node())))
                .map(TierPlacement::describe)
                .toList();
        return new TierPlacement(index, ownCopies.size(), ownCopies.size() - misplaced.size(), misplaced);
    }

    public boolean complete() {
        return copies > 0 && placed == copies;
    }

    private static String describe(ShardRow row) {
        String copy = row.index() + "[" + row.shard() + "]" + (row.primary() ? "p" : "r");
        String where = row.node() == null ? "unassigned" : "on " + row.node();
        if (row.relocatingTo() != null) {
            where += " -> " + row.relocatingTo().node();
        }
        return copy + " " + row.state() + " " + where;
    }
}
