package io.opsstack.opensearch.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.allocation.AllocationParsers;
import io.opsstack.opensearch.internal.allocation.ExclusionList;
import io.opsstack.opensearch.internal.allocation.RecoveryThrottles;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.allocation.AllocationExplanation;
import io.opsstack.opensearch.model.allocation.DecommissionStatus;
import io.opsstack.opensearch.model.allocation.NodeAllocation;
import io.opsstack.opensearch.model.allocation.RerouteCommand;
import io.opsstack.opensearch.model.allocation.RerouteResult;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.RecoveryLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationValuesTest {

    @Test
    void exclusionEditsKeepOtherEntriesAndDropEmptyTokens() {
        ClusterSettings broken = new ClusterSettings(Map.of(ExclusionList.KEY, ","), Map.of(), Map.of());
        assertEquals("n1", ExclusionList.withNode(broken, "n1"));
        ClusterSettings two = new ClusterSettings(Map.of(ExclusionList.KEY, "old,,n1"), Map.of(), Map.of());
        assertEquals("old,n1", ExclusionList.withNode(two, "n1"));
        assertEquals("old", ExclusionList.withoutNode(two, "n1"));
        ClusterSettings one = new ClusterSettings(Map.of(ExclusionList.KEY, "n1"), Map.of(), Map.of());
        assertNull(ExclusionList.withoutNode(one, "n1"), "an emptied list is unset, not written as \"\"");
    }

    @Test
    void throttlesAreRaisedOnlyWhenLowerAndNeverOverATransientValue() {
        ClusterSettings defaults = new ClusterSettings(Map.of(), Map.of(), Map.of());
        assertEquals(Map.of(RecoveryThrottles.CONCURRENT, "6", RecoveryThrottles.MAX_BYTES, "400mb"),
                RecoveryThrottles.raises(defaults, RecoveryLimits.of(6, "400mb")));
        ClusterSettings fast = new ClusterSettings(Map.of(RecoveryThrottles.CONCURRENT, "8"),
                Map.of(RecoveryThrottles.MAX_BYTES, "10mb"), Map.of());
        assertTrue(RecoveryThrottles.raises(fast, RecoveryLimits.of(6, "400mb")).isEmpty());
        assertTrue(RecoveryThrottles.raises(defaults, RecoveryLimits.unchanged()).isEmpty());
        assertEquals(40L << 20, RecoveryThrottles.bytes("40mb"));
        assertThrows(OpsValidationException.class, () -> RecoveryLimits.of(2, "fast"));
    }

    @Test
    void drainRequestValidatesAndSummarises() {
        assertThrows(OpsValidationException.class, () -> DrainRequest.builder(" ").build());
        assertThrows(OpsValidationException.class, () -> DrainRequest.builder("n").stallPolls(0).build());
        DrainRequest request = DrainRequest.builder("n").build();
        assertFalse(request.stopsNode());
        assertEquals("n", request.toMap().get("node"));
        assertEquals(RecoveryLimits.defaults(), request.recoveryLimits());
    }

    @Test
    void parsesAllocationExplainOfAStartedCopy() {
        AllocationExplanation e = AllocationParsers.explanation("""
                {"index":"logs","shard":0,"primary":true,"current_state":"started",
                 "current_node":{"id":"x1","name":"hot-1"},"can_remain_on_current_node":"no",
                 "can_remain_decisions":[{"decider":"filter","decision":"NO","explanation":"node is excluded"}],
                 "can_move_to_other_node":"no","move_explanation":"cannot move to any node",
                 "node_allocation_decisions":[{"node_id":"x2","node_name":"warm-1","node_decision":"no",
                   "deciders":[{"decider":"filter","decision":"NO","explanation":"require temp:hot"}]}]}""");
        assertEquals("hot-1", e.currentNode());
        assertEquals("NO", e.canRemainOnCurrentNode());
        assertFalse(e.movable());
        assertTrue(e.reasons().contains("warm-1 NO (filter NO: require temp:hot)"), e.reasons());
    }

    @Test
    void parsesRerouteExplanationsAndCatAllocation() {
        RerouteResult result = AllocationParsers.reroute("""
                {"acknowledged":true,"explanations":[{"command":"move","parameters":{},
                 "decisions":[{"decider":"move_allocation_command","decision":"NO","explanation":"not allowed"}]}]}""",
                true);
        assertFalse(result.allAccepted());
        assertTrue(result.explanations().get(0).reason().contains("not allowed"));
        List<NodeAllocation> rows = AllocationParsers.catAllocation("""
                [{"node":"hot-1","shards":"5","disk.indices":"1024","disk.used":"2048","disk.avail":"4096",
                  "disk.total":"6144","disk.percent":"33"},{"node":"UNASSIGNED","shards":"2"}]""");
        assertEquals(4096L, rows.get(0).diskAvailBytes());
        assertNull(rows.get(1).diskTotalBytes());
        assertEquals(Map.of("move", Map.of("index", "i", "shard", 1, "from_node", "a", "to_node", "b")),
                RerouteCommand.move("i", 1, "a", "b").toRequestBody());
        assertThrows(OpsValidationException.class, () -> new RerouteCommand(RerouteCommand.Type.MOVE, "i", 0, "a", null, false));
    }

    @Test
    void parsesDecommissionStatusAndWeights() {
        assertEquals(DecommissionStatus.NONE, AllocationParsers.decommission("zone", "{}").state());
        DecommissionStatus status = AllocationParsers.decommission("zone", "{\"zone-c\":\"successful\"}");
        assertEquals("zone-c", status.value());
        assertFalse(status.inProgress());
        assertEquals(0.0, AllocationParsers.weights("zone", "{\"weights\":{\"zone-a\":\"1\",\"zone-c\":\"0\"},\"_version\":3}")
                .weight("zone-c"));
    }
}
