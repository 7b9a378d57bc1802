package io.opsstack.opensearch.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.ops.restart.PrimaryCopies;
import io.opsstack.opensearch.internal.ops.restart.RestartGroups;
import io.opsstack.opensearch.internal.ops.restart.RestartOrder;
import io.opsstack.opensearch.internal.ops.restart.VersionRules;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.RelocationTarget;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;

/** Order, zone grouping, primary coverage and version rules of rolling restarts, on synthetic cluster states. */
class RestartPlanningTest {

    private static final Set<String> MANAGER_DATA = Set.of("cluster_manager", "data", "ingest");
    private static final Set<String> DATA = Set.of("data");

    @Test
    void ordersDataTiersColdFirstThenOtherRolesThenManagersWithTheElectedOneLast() {
        List<NodeInfo> nodes = List.of(
                node("m-1", Set.of("cluster_manager"), null, "a"),
                node("m-2", Set.of("cluster_manager"), null, "b"),
                node("hot-1", DATA, "hot", "a"),
                node("warm-1", DATA, "warm", "b"),
                node("cold-1", DATA, "cold", "c"),
                node("ingest-1", Set.of("ingest"), null, "a"),
                node("plain-1", DATA, null, "c"));

        List<String> order = RestartOrder.order(nodes, "id-m-1", "temp");

        assertEquals(List.of("cold-1", "warm-1", "hot-1", "plain-1", "ingest-1", "m-2", "m-1"), order);
        assertEquals(order, RestartOrder.order(reversed(nodes), "id-m-1", "temp"), "independent of input order");
        assertTrue(RestartOrder.reason(nodes.get(0), "id-m-1", "temp").contains("elected cluster manager"));
    }

    @Test
    void restartsAZoneTogetherOnlyWhenAwarenessProvesEveryShardHasACopyOutside() {
        Map<String, NodeInfo> nodes = byName(
                node("a-1", DATA, "hot", "zone-a"), node("a-2", DATA, "hot", "zone-a"),
                node("b-1", DATA, "hot", "zone-b"), node("m-1", Set.of("cluster_manager"), null, "zone-c"));
        List<String> order = List.of("a-1", "a-2", "b-1", "m-1");
        List<ShardRow> shards = List.of(
                started("logs", 0, true, "a-1"), started("logs", 0, false, "b-1"),
                started("logs", 1, true, "b-1"), started("logs", 1, false, "a-2"));

        List<String> notes = new ArrayList<>();
        List<RestartGroups.Group> groups = RestartGroups.groups(order, nodes, shards, "zone", List.of("zone"), 2, notes);

        assertEquals(List.of(List.of("a-1", "a-2"), List.of("b-1"), List.of("m-1")),
                groups.stream().map(RestartGroups.Group::nodes).toList());
        assertTrue(groups.get(0).reason().contains("STARTED copy outside"), groups.get(0).reason());

        List<String> withoutAwareness = new ArrayList<>();
        assertEquals(4, RestartGroups.groups(order, nodes, shards, "zone", List.of(), 2, withoutAwareness).size());
        assertTrue(withoutAwareness.get(0).contains("awareness is not set"), withoutAwareness.toString());

        List<String> overBudget = new ArrayList<>();
        assertEquals(4, RestartGroups.groups(order, nodes, shards, "zone", List.of("zone"), 1, overBudget).size());
        assertTrue(overBudget.get(0).contains("max-unavailable"), overBudget.toString());

        List<ShardRow> bothCopiesInZoneA = List.of(started("logs", 0, true, "a-1"), started("logs", 0, false, "a-2"));
        List<String> uncovered = new ArrayList<>();
        assertEquals(4, RestartGroups.groups(order, nodes, bothCopiesInZoneA, "zone", List.of("zone"), 2, uncovered).size());
        assertTrue(uncovered.get(0).contains("logs[0]"), uncovered.toString());
    }

    @Test
    void primaryIsCoveredOnlyByAnInSyncCopyOnAnotherNode() {
        List<ShardRow> shards = List.of(
                started("a", 0, true, "n1"), started("a", 0, false, "n2"),
                started("b", 0, true, "n1"), unassigned("b", 0),
                started("c", 0, true, "n1"),
                started("d", 0, true, "n1"),
                new ShardRow("d", 0, false, ShardState.RELOCATING, 1L, 1L, "127.0.0.1", "id-n3", "n3",
                        new RelocationTarget("127.0.0.1", "id-n4", "n4"), null),
                started("e", 0, true, "n2"));

        assertEquals(List.of("b[0]", "c[0]"), PrimaryCopies.uncovered(List.of("n1"), shards));
        assertEquals(List.of("a[0]", "b[0]", "c[0]", "e[0]"), PrimaryCopies.uncovered(List.of("n1", "n2"), shards));
    }

    @Test
    void versionRulesRefuseDowngradesSkippedMajorsAndThreeFromBeforeTwoNineteen() {
        assertNull(VersionRules.violation("2.19.4", "2.19.4"));
        assertNull(VersionRules.violation("2.19.0", "3.4.0"));
        assertNull(VersionRules.violation("2.11.1", "2.19.4"));
        assertNull(VersionRules.violation("3.4.0", "3.4.1-SNAPSHOT"));
        assertTrue(VersionRules.violation("2.19.4", "2.18.0").contains("downgrade"));
        assertTrue(VersionRules.violation("3.0.0", "2.19.4").contains("downgrade"));
        assertTrue(VersionRules.violation("2.18.0", "3.0.0").contains("2.19.0"));
        assertTrue(VersionRules.violation("1.3.20", "3.4.0").contains("major"));
        assertThrows(OpsValidationException.class, () -> VersionRules.violation("2.19", "3.4.0"));
    }

    private static NodeInfo node(String name, Set<String> roles, String tier, String zone) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (tier != null) {
            attributes.put("temp", tier);
        }
        attributes.put("zone", zone);
        return new NodeInfo("id-" + name, name, "127.0.0.1", "127.0.0.1", "127.0.0.1:9300", "127.0.0.1:9200",
                "2.19.4", roles, attributes);
    }

    private static ShardRow started(String index, int shard, boolean primary, String node) {
        return new ShardRow(index, shard, primary, ShardState.STARTED, 1L, 1L, "127.0.0.1", "id-" + node, node, null, null);
    }

    private static ShardRow unassigned(String index, int shard) {
        return new ShardRow(index, shard, false, ShardState.UNASSIGNED, null, null, null, null, null, null, "NODE_LEFT");
    }

    private static Map<String, NodeInfo> byName(NodeInfo... nodes) {
        Map<String, NodeInfo> map = new LinkedHashMap<>();
        for (NodeInfo node : nodes) {
            map.put(node.name(), node);
        }
        return map;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
