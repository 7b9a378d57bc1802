package io.opsstack.victoria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.internal.FlagsParser;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ComponentFlags;
import io.opsstack.victoria.model.ReplicationCheck;

class ClusterDefinitionTest {
    private static final Map<String, Object> FLEET = Map.of(
            "name", "metrics",
            "vminsert", List.of("node140:8480", "node141:8480", "node142:8480"),
            "vmselect", List.of("node140:8481", "node141:8481", "node142:8481"),
            "vmstorage", List.of("node140:8482", Map.of("http", "node141:8482", "name", "s2"),
                    Map.of("http", "node142:8482", "vminsert_port", 9400, "vmselect_port", 9401)),
            "replication_factor", 2);

    @Test
    void readsTheFleetFromAMapAndDerivesStorageLists() {
        ClusterDefinition definition = ClusterDefinition.fromMap(FLEET);
        assertEquals(List.of("node140:8400", "node141:8400", "node142:9400"), definition.vminsertStorageList());
        assertEquals(List.of("node140:8401", "node141:8401", "node142:9401"), definition.vmselectStorageList());
        assertEquals("s2", definition.storageNode("node141:8400").name());
        assertEquals("node140", definition.vminsert().get(0).host());
        assertEquals(definition, ClusterDefinition.fromMap(withoutNulls(definition.toMap())));
    }

    @Test
    void appliesTheTwoRfMinusOneRule() {
        ReplicationCheck three = ReplicationCheck.evaluate(3, 2);
        assertTrue(three.satisfied());
        assertEquals(1, three.toleratedNodeLosses());
        ReplicationCheck two = ReplicationCheck.evaluate(2, 2);
        assertFalse(two.satisfied());
        assertEquals(3, two.requiredNodes());
        assertEquals(0, two.toleratedNodeLosses());
        assertTrue(two.message().contains("needs 2*RF-1 = 3"), two.message());
        assertEquals(0, ReplicationCheck.evaluate(3, 1).toleratedNodeLosses());
        assertTrue(ReplicationCheck.evaluate(5, 3).satisfied());
        assertThrows(OpsValidationException.class, () -> ReplicationCheck.evaluate(2, 3));
    }

    @Test
    void rejectsBadDefinitions() {
        assertThrows(OpsValidationException.class, () -> ClusterDefinition.builder().vminsert("a:8480").vmselect("a:8481").build());
        assertThrows(OpsValidationException.class, () -> ClusterDefinition.builder().vminsert("a:8480").vmselect("a:8481")
                .vmstorage("a:8482").replicationFactor(2).build());
        assertThrows(OpsValidationException.class, () -> ClusterDefinition.builder().vminsert("a:8480", "a:8480")
                .vmselect("a:8481").vmstorage("a:8482").build());
        assertThrows(OpsValidationException.class, () -> ClusterDefinition.builder().vminsert("no-port").vmselect("a:8481")
                .vmstorage("a:8482").build());
        OpsValidationException typo = assertThrows(OpsValidationException.class,
                () -> ClusterDefinition.fromMap(Map.of("vminserts", List.of("a:8480"))));
        assertTrue(typo.getMessage().contains("vminserts"), typo.getMessage());
        ClusterDefinition definition = ClusterDefinition.fromMap(FLEET);
        assertThrows(OpsValidationException.class, () -> definition.storageNode("node999:8482"));
    }

    @Test
    void parsesFlagsPages() {
        ComponentFlags flags = FlagsParser.parse("-httpListenAddr=\":8480\"\n-storageNode=\"a:8400,b,c:9400\"\n"
                + "-search.resetCacheAuthKey=\"secret\"\n-quoted=\"say \\\"hi\\\"\"\n");
        assertEquals(List.of("a:8400", "b", "c:9400"), flags.storageNodes());
        assertEquals("say \"hi\"", flags.value("-quoted").orElseThrow());
        assertEquals(":8480", flags.value("httpListenAddr").orElseThrow());
        assertTrue(flags.value("replicationFactor").isEmpty());
    }

    @Test
    void facadeRejectsUnknownComponentsAndNodes() {
        try (VictoriaClusterOps ops = VictoriaClusterOps.fromMap(FLEET)) {
            OpsValidationException component = assertThrows(OpsValidationException.class, () -> ops.component("vmfoo", "x"));
            assertTrue(component.getMessage().contains("unknown VictoriaMetrics component"), component.getMessage());
            OpsValidationException node = assertThrows(OpsValidationException.class, () -> ops.component("vmstorage", "node999"));
            assertTrue(node.getMessage().contains("no vmstorage node 'node999'"), node.getMessage());
            assertEquals(ops.vmstorage("s2"), ops.component("VMSTORAGE", "node141:8482"));
        }
        assertThrows(OpsValidationException.class, () -> VictoriaClusterOps.fromMap(Map.of("vminsert", List.of("a:8480"),
                "vmselect", List.of("a:8481"), "vmstorage", List.of("a:8482"), "schema", "http")));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        map.values().removeIf(value -> value == null);
        return map;
    }
}
