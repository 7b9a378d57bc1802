package io.opsstack.opensearch.allocation;

import static io.opsstack.opensearch.allocation.SyntheticClusters.GB;
import static io.opsstack.opensearch.allocation.SyntheticClusters.node;
import static io.opsstack.opensearch.allocation.SyntheticClusters.rows;
import static io.opsstack.opensearch.allocation.SyntheticClusters.snapshot;
import static io.opsstack.opensearch.allocation.SyntheticClusters.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.ops.relocate.MovePlanner;
import io.opsstack.opensearch.internal.ops.relocate.ShardMove;
import io.opsstack.opensearch.model.ShardRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MovePlannerTest {

    @Test
    void rebalancesATierToWithinOneCopyAndLeavesOtherTiersAlone() {
        List<ShardRow> shards = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            shards.add(started("logs", i, true, "hot-1", GB));
        }
        shards.add(started("old", 0, true, "warm-1", GB));
        ClusterSnapshot snapshot = snapshot(List.of(node("hot-1", "hot", "z1", 100, 90),
                node("hot-2", "hot", "z2", 100, 90), node("hot-3", "hot", "z3", 100, 90),
                node("warm-1", "warm", "z1", 100, 90)), shards, Map.of(), Map.of());
        List<ShardMove> moves = MovePlanner.rebalanceTier(snapshot, "temp", "hot").moves();
        assertEquals(4, moves.size(), moves.toString());
        Map<String, Integer> after = new HashMap<>(Map.of("hot-1", 6));
        for (ShardMove move : moves) {
            assertEquals("hot-1", move.from());
            after.merge(move.from(), -1, Integer::sum);
            after.merge(move.to(), 1, Integer::sum);
        }
        assertEquals(Map.of("hot-1", 2, "hot-2", 2, "hot-3", 2), after);
    }

    @Test
    void relocationBalancesTargetsAndReportsCopiesWithoutAHome() {
        ClusterSnapshot snapshot = snapshot(List.of(node("a", "hot", "z1", 100, 90), node("b", "hot", "z2", 100, 50),
                        node("c", "hot", "z3", 100, 90)),
                rows(started("x", 0, true, "a", GB), started("x", 1, true, "a", GB), started("y", 0, true, "a", GB),
                        started("y", 0, false, "b", GB), started("y", 0, false, "c", GB)),
                Map.of(), Map.of());
        MovePlanner.Moves moves = MovePlanner.offNode(snapshot, "a", Set.of(), null);
        assertEquals(2, moves.moves().size());
        assertEquals(Set.of("b", "c"), Set.of(moves.moves().get(0).to(), moves.moves().get(1).to()));
        assertEquals(1, moves.unplaceable().size());
        assertTrue(moves.unplaceable().get(0).startsWith("y[0]"), moves.unplaceable().toString());
    }
}
