package io.opsstack.opensearch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.internal.ops.tier.ClusterView;
import io.opsstack.opensearch.internal.ops.tier.DiskWatermark;
import io.opsstack.opensearch.internal.ops.tier.TierRunPlan;
import io.opsstack.opensearch.internal.ops.tier.TierRunPlan.Kind;
import io.opsstack.opensearch.internal.ops.tier.TierRunPlanner;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tier runner's planning core on in-memory cluster state. */
class TierRunPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final long GB = 1L << 30;

    private static final TierPolicy POLICY = TierPolicy.builder("logs")
            .age(IndexAge.fromName("logs-yyyy.MM.dd"))
            .phase(PolicyPhase.of("hot", Duration.ZERO, TierActions.require("temp", "hot")))
            .phase(PolicyPhase.of("warm", Duration.ofDays(1), TierActions.require("temp", "warm"), TierActions.forceMerge(1)))
            .phase(PolicyPhase.of("cold", Duration.ofDays(2), TierActions.replicas(0), TierActions.require("temp", "cold"),
                    TierActions.readOnly(), TierActions.close()))
            .phase(PolicyPhase.of("delete", Duration.ofDays(3), TierActions.delete()))
            .build();

    @Test
    void plansEachIndexForThePhaseItsNameDateCallsFor() {
        List<ClusterView.IndexState> indices = List.of(
                index("logs-2026.11.22", true, "hot", "0"), index("logs-2026.11.21", true, "hot", "0"),
                index("logs-2026.11.20", true, null, "1"), index("logs-2026.11.19", true, "hot", "0"),
                index("logs-current", true, "hot", "0"));
        List<ShardRow> shards = new ArrayList<>();
        shards.add(copy("logs-2026.11.22", true, "node-hot"));
        shards.add(copy("logs-2026.11.21", true, "node-hot"));
        shards.add(copy("logs-2026.11.20", true, "node-hot"));
        shards.add(copy("logs-2026.11.20", false, "node-warm"));
        shards.add(copy("logs-2026.11.19", true, "node-hot"));

        TierRunPlan plan = new TierRunPlanner(POLICY, view(indices, shards, 0.2), NOW).plan();

        assertEquals(List.of("hot", "warm", "cold", "delete"), plan.indices().stream()
                .sorted((a, b) -> b.index().compareTo(a.index())).map(TierRunPlan.IndexPlan::phase).toList());
        assertEquals(List.of(), kinds(plan, "logs-2026.11.22"));
        assertEquals(List.of(Kind.SETTINGS, Kind.AWAIT, Kind.FORCE_MERGE), kinds(plan, "logs-2026.11.21"));
        assertEquals(List.of(Kind.SETTINGS, Kind.AWAIT, Kind.CLOSE), kinds(plan, "logs-2026.11.20"));
        assertEquals(List.of(Kind.DELETE), kinds(plan, "logs-2026.11.19"));
        TierRunPlan.IndexStep cold = step(plan, "logs-2026.11.20", Kind.SETTINGS);
        assertEquals(Map.of("index.number_of_replicas", "0", "index.routing.allocation.require.temp", "cold",
                "index.blocks.write", "true"), cold.after());
        assertEquals(Map.of("index.number_of_replicas", "1"), cold.before());
        assertEquals("replicas 0, allocation require temp=cold, read-only", cold.summary());
        assertEquals(10 * GB, cold.bytesToMove(), "the primary's bytes times the copies left (1)");
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("skipped logs-current")), plan.warnings().toString());
        assertTrue(plan.problems().isEmpty(), plan.problems().toString());
    }

    @Test
    void plannedStateIsNotPlannedAgain() {
        ClusterView.IndexState warm = new ClusterView.IndexState("logs-2026.11.21", null, true, Map.of(
                "index.number_of_shards", "1", "index.number_of_replicas", "0",
                "index.routing.allocation.require.temp", "warm"), 10 * GB);
        ClusterView.IndexState cold = new ClusterView.IndexState("logs-2026.11.20", null, false, Map.of(
                "index.number_of_shards", "1", "index.number_of_replicas", "0", "index.blocks.write", "true",
                "index.routing.allocation.require.temp", "cold"), 10 * GB);
        TierRunPlan plan = new TierRunPlanner(POLICY, view(List.of(warm, cold), List.of(copy("logs-2026.11.21", true, "node-warm")),
                0.2), NOW).plan();
        assertTrue(plan.indices().stream().allMatch(i -> i.steps().isEmpty()), plan.toString());
    }

    @Test
    void reportsUnknownTierValuesAndTiersWithoutDiskRoom() {
        TierPolicy frozen = TierPolicy.builder("logs").age(POLICY.age())
                .phase(PolicyPhase.of("hot", Duration.ZERO))
                .phase(PolicyPhase.of("frozen", Duration.ofDays(1), TierActions.require("temp", "frozen")))
                .build();
        List<PolicyProblem> unknown = new TierRunPlanner(frozen, view(List.of(), List.of(), 0.2), NOW).attributeProblems();
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).message().contains("temp=frozen") && unknown.get(0).message().contains("[cold, hot, warm]"),
                unknown.get(0).message());

        TierRunPlan full = new TierRunPlanner(POLICY, view(List.of(index("logs-2026.11.21", true, "hot", "0")),
                List.of(copy("logs-2026.11.21", true, "node-hot")), 0.849), NOW).plan();
        assertEquals(1, full.problems().size(), full.problems().toString());
        assertEquals("disk-room-below-low-watermark", full.problems().get(0).check());
        assertTrue(full.problems().get(0).message().contains("temp=warm"), full.problems().get(0).message());
    }

    private static ClusterView view(List<ClusterView.IndexState> indices, List<ShardRow> shards, double used) {
        long total = 100 * GB;
        List<ClusterView.DataNode> nodes = List.of(
                new ClusterView.DataNode("node-hot", Map.of("temp", "hot"), total, (long) (total * used)),
                new ClusterView.DataNode("node-warm", Map.of("temp", "warm"), total, (long) (total * used)),
                new ClusterView.DataNode("node-cold", Map.of("temp", "cold"), total, (long) (total * used)));
        return new ClusterView(nodes, indices, shards, new DiskWatermark(true, "85%"));
    }

    private static ClusterView.IndexState index(String name, boolean open, String tier, String replicas) {
        Map<String, String> settings = new HashMap<>(Map.of("index.number_of_shards", "1",
                "index.number_of_replicas", replicas));
        if (tier != null) {
            settings.put("index.routing.allocation.require.temp", tier);
        }
        return new ClusterView.IndexState(name, null, open, settings, 10 * GB);
    }

    private static ShardRow copy(String index, boolean primary, String node) {
        return new ShardRow(index, 0, primary, ShardState.STARTED, 100L, 10 * GB, "127.0.0.1", "id-" + node, node, null, null);
    }

    private static List<Kind> kinds(TierRunPlan plan, String index) {
        return plan.indices().stream().filter(i -> i.index().equals(index)).findFirst().orElseThrow()
                .steps().stream().map(TierRunPlan.IndexStep::kind).toList();
    }

    private static TierRunPlan.IndexStep step(TierRunPlan plan, String index, Kind kind) {
        return plan.indices().stream().filter(i -> i.index().equals(index)).findFirst().orElseThrow()
                .steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }
}
