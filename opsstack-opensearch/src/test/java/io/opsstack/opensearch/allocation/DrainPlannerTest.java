package io.opsstack.opensearch.allocation;

import static io.opsstack.opensearch.allocation.SyntheticClusters.GB;
import static io.opsstack.opensearch.allocation.SyntheticClusters.node;
import static io.opsstack.opensearch.allocation.SyntheticClusters.rows;
import static io.opsstack.opensearch.allocation.SyntheticClusters.snapshot;
import static io.opsstack.opensearch.allocation.SyntheticClusters.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.ops.drain.DrainFeasibility;
import io.opsstack.opensearch.internal.ops.drain.DrainPlanner;
import io.opsstack.opensearch.model.RelocationTarget;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrainPlannerTest {

    @Test
    void spreadsCopiesOverTheOtherNodesAndAvoidsSameShard() {
        ClusterSnapshot snapshot = snapshot(
                List.of(node("a", "hot", "z1", 100, 90), node("b", "hot", "z2", 100, 90), node("c", "hot", "z3", 100, 90)),
                rows(started("logs", 0, true, "a", GB), started("logs", 0, false, "b", GB),
                        started("logs", 1, true, "a", GB), started("metrics", 0, true, "a", GB)),
                Map.of(), Map.of());
        DrainFeasibility feasibility = DrainPlanner.assess(snapshot, "a");
        assertTrue(feasibility.feasible(), feasibility.summary());
        assertEquals(3, feasibility.copies());
        assertEquals("c", feasibility.targets().get("logs[0]p"), "b already holds the replica of logs[0]");
        assertEquals(3 * GB, feasibility.bytes());
    }

    @Test
    void aCopyAlreadyRelocatingAwayKeepsItsTargetInsteadOfBeingBlockedBySameShard() {
        // a resumed drain: the exclusion was written before the crash, so b already receives a's copy of logs[0]
        ShardRow relocating = new ShardRow("logs", 0, true, ShardState.RELOCATING, 10L, GB, "127.0.0.1", "id-a", "a",
                new RelocationTarget("127.0.0.1", "id-b", "b"), null);
        ShardRow arriving = new ShardRow("logs", 0, true, ShardState.INITIALIZING, null, null, "127.0.0.1", "id-b", "b",
                null, null);
        ClusterSnapshot snapshot = snapshot(
                List.of(node("a", "hot", "z1", 100, 90), node("b", "hot", "z2", 100, 90)),
                rows(relocating, arriving, started("logs", 0, false, "c", GB)),
                Map.of(), Map.of());
        DrainFeasibility feasibility = DrainPlanner.assess(snapshot, "a");
        assertTrue(feasibility.feasible(), feasibility.summary());
        assertEquals("b (relocating)", feasibility.targets().get("logs[0]p"));
    }

    @Test
    void reportsEveryBlockedCopyWithTheReasonOfEachCandidate() {
        ClusterSnapshot snapshot = snapshot(
                List.of(node("a", "hot", "z1", 100, 90), node("b", "warm", "z2", 100, 90), node("c", "hot", "z3", 100, 4)),
                rows(started("pinned", 0, true, "a", GB), started("logs", 0, true, "a", 10 * GB)),
                Map.of("cluster.routing.allocation.disk.watermark.low", "85%"),
                Map.of("pinned", Map.of("index.routing.allocation.require.temp", "hot"),
                        "logs", Map.of("index.routing.allocation.require.temp", "hot")));
        DrainFeasibility feasibility = DrainPlanner.assess(snapshot, "a");
        assertFalse(feasibility.feasible());
        String summary = feasibility.summary();
        assertTrue(summary.contains("logs[0]p cannot move"), summary);
        assertTrue(summary.contains("b: index filter require.temp=[hot]"), summary);
        assertTrue(summary.contains("c: disk would be"), summary);
    }

    @Test
    void honoursShardsPerNodeAndExistingExclusions() {
        ClusterSnapshot snapshot = snapshot(
                List.of(node("a", "hot", "z1", 100, 90), node("b", "hot", "z2", 100, 90), node("c", "hot", "z3", 100, 90)),
                rows(started("x", 0, true, "a", GB), started("x", 1, true, "b", GB)),
                Map.of("cluster.routing.allocation.exclude._name", "c,"),
                Map.of("x", Map.of("index.routing.allocation.total_shards_per_node", "1")));
        DrainFeasibility feasibility = DrainPlanner.assess(snapshot, "a");
        assertFalse(feasibility.feasible());
        assertTrue(feasibility.blocked().get("x[0]p").contains("index total_shards_per_node 1 reached"),
                feasibility.summary());
    }

    @Test
    void forcedAwarenessKeepsCopiesInDifferentZones() {
        ClusterSnapshot snapshot = snapshot(
                List.of(node("a", "hot", "z1", 100, 90), node("b", "hot", "z2", 100, 90), node("c", "hot", "z2", 100, 90)),
                rows(started("x", 0, true, "a", GB), started("x", 0, false, "b", GB)),
                Map.of("cluster.routing.allocation.awareness.attributes", "zone",
                        "cluster.routing.allocation.awareness.force.zone.values", "z1,z2"),
                Map.of());
        DrainFeasibility feasibility = DrainPlanner.assess(snapshot, "a");
        assertFalse(feasibility.feasible());
        assertTrue(feasibility.blocked().get("x[0]p").contains("awareness zone=z2"), feasibility.summary());
    }

    @Test
    void autoExpandedReplicasAreDroppedNotMoved() {
        ClusterSnapshot snapshot = snapshot(
                List.of(node("a", "hot", "z1", 100, 90), node("b", "hot", "z2", 100, 90)),
                rows(started(".leases", 0, true, "b", 100), started(".leases", 0, false, "a", 100)),
                Map.of(), Map.of(".leases", Map.of("index.auto_expand_replicas", "0-all")));
        assertTrue(DrainPlanner.assess(snapshot, "a").feasible());
    }
}
