package io.opsstack.victoria.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.model.ComponentType;

class RequestsFromMapTest {

    @Test
    void rollingRestartAlwaysRunsInTheDocumentedOrder() {
        VmRollingRestartRequest request = VmRollingRestartRequest.fromMap(Map.of("components", List.of("vmselect", "vmstorage"),
                "gate_timeout", "PT30S"));
        assertEquals(List.of(ComponentType.VMSTORAGE, ComponentType.VMSELECT), request.components());
        assertEquals(Duration.ofSeconds(30), request.settings().gateTimeout());
        assertEquals(request, VmRollingRestartRequest.fromMap(request.toMap()));
    }

    @Test
    void singleNodeStandInProfileIsForStorageOnly() {
        assertThrows(OpsValidationException.class, () -> VmRollingRestartRequest.builder()
                .gateProfile(GateProfile.SINGLE_NODE_STANDIN).build());
        VmRollingRestartRequest request = VmRollingRestartRequest.builder().components(ComponentType.VMSTORAGE)
                .gateProfile(GateProfile.SINGLE_NODE_STANDIN).build();
        assertEquals("single_node_standin", request.toMap().get("gate_profile"));
    }

    @Test
    void removalFromVmselectNeedsTheFirstPhaseTimeOrAStatement() {
        assertThrows(OpsValidationException.class, () -> RemoveStorageNodeRequest.fromMap(Map.of("node", "vmstorage-1",
                "phase", "from_vmselect")));
        RemoveStorageNodeRequest request = RemoveStorageNodeRequest.fromMap(Map.of("node", "vmstorage-1", "phase", "from_vmselect",
                "removed_from_vminsert_at", "2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), request.removedFromVminsertAt());
        assertThrows(OpsValidationException.class, () -> RemoveStorageNodeRequest.fromMap(Map.of("node", "x", "typo", 1)));
    }

    @Test
    void addRequestReadsTheNodeLikeTheDefinition() {
        AddStorageNodeRequest request = AddStorageNodeRequest.fromMap(Map.of("node", Map.of("name", "s4", "http", "node143:8482")));
        assertEquals("node143:8400", request.node().vminsertAddress());
        assertEquals(request, AddStorageNodeRequest.fromMap(request.toMap()));
    }
}
