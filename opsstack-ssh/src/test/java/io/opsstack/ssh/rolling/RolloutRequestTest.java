package io.opsstack.ssh.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.SshTarget;

class RolloutRequestTest {
    private static final ServiceNodes NODES = ServiceNodes.builder()
            .add("kafka1", SshTarget.of("10.0.0.1", "ops"), "kafka")
            .add("kafka2", SshTarget.of("10.0.0.2", "ops"), "kafka")
            .add("kafka3", SshTarget.of("10.0.0.3", "ops"), "kafka")
            .build();
    private static final Map<String, Object> GATE = Map.of("type", "tcp", "name", "broker-port", "port", 9092);

    @Test
    void rollingRestartFromScriptOptions() {
        RollingRestartRequest request = RollingRestartRequest.fromMap(NODES, Map.of("gates", List.of(GATE),
                "maxUnavailable", 2, "pauseBetweenHosts", "30s", "method", "restart", "serviceTimeout", "2m"));

        assertEquals(List.of("kafka1", "kafka2", "kafka3"), request.nodes().stream().map(ServiceNode::node).toList());
        assertEquals(2, request.maxUnavailable());
        assertEquals(Duration.ofSeconds(30), request.pauseBetweenHosts());
        assertEquals(RestartMethod.RESTART, request.method());
        assertEquals("kafka", request.clusterName());
        assertEquals("broker-port", request.gates().get(0).name());
        Map<String, Object> map = request.toMap();
        assertEquals(2, map.get("maxUnavailable"));
        assertEquals("PT30S", map.get("pauseBetweenHosts"));
        assertEquals(request.toMap(), request.toBuilder().build().toMap());
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingRuns() {
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.fromMap(NODES, Map.of("maxUnavailabel", 2)));
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.builder(NODES).maxUnavailable(0).build());
        assertThrows(OpsValidationException.class, () -> RollingRestartRequest.builder(NODES)
                .gate(HealthGates.fromMap(GATE)).gate(HealthGates.fromMap(GATE)).build());
        assertThrows(OpsValidationException.class, () -> SyncRolloutRequest.fromReference(NODES, "kafka9", "/opt/app").build());
        assertThrows(OpsValidationException.class, () -> SyncRolloutRequest.fromMap(NODES, Map.of("targetDirectory", "/opt/app")));
    }

    @Test
    void syncRolloutUpdatesEveryNodeButTheReference() {
        SyncRolloutRequest fromReference = SyncRolloutRequest.fromMap(NODES, Map.of("referenceNode", "kafka2",
                "targetDirectory", "/home/ops/software", "deleteExtras", true, "gates", List.of(GATE)));
        assertEquals("kafka2", fromReference.reference().node());
        assertEquals(List.of("kafka1", "kafka3"), fromReference.targets().stream().map(ServiceNode::node).toList());
        assertEquals("/home/ops/software", fromReference.sourceDirectory());
        assertTrue(fromReference.deleteExtras());

        SyncRolloutRequest fromLocal = SyncRolloutRequest.fromLocal(NODES, Path.of("build/conf"), "/home/ops/conf").build();
        assertEquals(3, fromLocal.targets().size());
        assertTrue(fromLocal.localSource().isAbsolute());
        assertEquals(null, fromLocal.toMap().get("referenceNode"));
    }
}
