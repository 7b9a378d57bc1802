package io.opsstack.opensearch.internal.ops.relocate;

import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.allocation.SnapshotNode;
import io.opsstack.opensearch.internal.allocation.TargetChooser;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Chooses shard moves on an in-memory {@link ClusterSnapshot}; pure, no I/O. */
public final class MovePlanner {

    /** Moves found, and copies for which no target exists (with the reasons). */
    public record Moves(List<ShardMove> moves, List<String> unplaceable) {
        public Moves {
            moves = List.copyOf(moves);
            unplaceable = List.copyOf(unplaceable);
        }
    }

    private MovePlanner() {
    }

    /** Every STARTED copy on {@code from} (of {@code indices}, unless empty) to {@code to} or a balanced target. */
    public static Moves offNode(ClusterSnapshot snapshot, String from, Set<String> indices, String to) {
        TargetChooser chooser = new TargetChooser(snapshot);
        List<ShardMove> moves = new ArrayList<>();
        List<String> unplaceable = new ArrayList<>();
        for (ShardRow row : snapshot.shards()) {
            if (!from.equals(row.node()) || row.state() != ShardState.STARTED
                    || (!indices.isEmpty() && !indices.contains(row.index()))) {
                continue;
            }
            if (to != null) {
                moves.add(move(row, to));
                continue;
            }
            TargetChooser.Choice choice = chooser.choose(row, Set.of(from), null);
            if (choice.found()) {
                moves.add(move(row, choice.target()));
            } else {
                unplaceable.add(row.index() + "[" + row.shard() + "]: " + String.join("; ", choice.rejections()));
            }
        }
        return new Moves(moves, unplaceable);
    }

    /** Moves from the fullest to the emptiest node of a tier until they differ by at most one copy. */
    public static Moves rebalanceTier(ClusterSnapshot snapshot, String attribute, String tier) {
        Set<String> tierNodes = new TreeSet<>();
        for (SnapshotNode node : snapshot.nodes()) {
            if (node.data() && tier.equals(node.attributes().get(attribute))) {
                tierNodes.add(node.name());
            }
        }
        TargetChooser chooser = new TargetChooser(snapshot);
        List<ShardRow> movable = new ArrayList<>(snapshot.shards().stream()
                .filter(row -> row.state() == ShardState.STARTED && tierNodes.contains(row.node())).toList());
        List<ShardMove> moves = new ArrayList<>();
        int maxMoves = movable.size();
        for (int round = 0; round < maxMoves && tierNodes.size() > 1; round++) {
            String fullest = tierNodes.stream().max(Comparator.comparingInt(chooser::shardCount)).orElseThrow();
            String emptiest = tierNodes.stream().min(Comparator.comparingInt(chooser::shardCount)).orElseThrow();
            if (chooser.shardCount(fullest) - chooser.shardCount(emptiest) <= 1) {
                break;
            }
            ShardMove next = null;
            for (ShardRow row : movable) {
                if (row.node().equals(fullest) && chooser.choose(row, Set.of(), Set.of(emptiest)).found()) {
                    next = move(row, emptiest);
                    movable.remove(row);
                    break;
                }
            }
            if (next == null) {
                break;
            }
            moves.add(next);
        }
        return new Moves(moves, List.of());
    }

    private static ShardMove move(ShardRow row, String to) {
        return new ShardMove(row.index(), row.shard(), row.primary(), row.node(), to,
                row.storeBytes() == null ? 0 : row.storeBytes());
    }
}
