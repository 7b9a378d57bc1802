package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;

class LabTopologyTest {

    @Test
    void hotWarmColdHasThreeTieredManagerDataIngestNodes() {
        LabTopology topology = LabTopology.hotWarmCold();

        assertEquals(List.of("opensearch-hot-1", "opensearch-warm-1", "opensearch-cold-1"), topology.nodeNames());
        assertEquals("hot", topology.node("opensearch-hot-1").attributes().get("temp"));
        assertEquals("warm", topology.node("opensearch-warm-1").attributes().get("temp"));
        assertEquals("cold", topology.node("opensearch-cold-1").attributes().get("temp"));
        for (LabNodeSpec node : topology.nodes()) {
            assertEquals(List.of(NodeRole.CLUSTER_MANAGER, NodeRole.DATA, NodeRole.INGEST), node.roles());
            assertEquals(LabNodeSpec.DEFAULT_HEAP, node.heap());
        }
    }

    @Test
    void twoHotVariantAddsASecondHotNode() {
        LabTopology topology = LabTopology.hotWarmColdTwoHot();

        assertEquals(4, topology.nodes().size());
        assertEquals("hot", topology.node("opensearch-hot-2").attributes().get("temp"));
        assertEquals(topology, LabTopology.named(LabTopology.HOT_WARM_COLD_TWO_HOT));
    }

    @Test
    void mapFormRoundTrips() {
        LabTopology topology = LabTopology.builder("custom")
                .node(LabNodeSpec.builder("manager-1").roles(NodeRole.CLUSTER_MANAGER).heap("256m").build())
                .node(LabNodeSpec.builder("data-1").roles(NodeRole.DATA).attribute("temp", "hot")
                        .setting("node.processors", "1").build())
                .build();

        assertEquals(topology, LabTopology.fromMap(topology.toMap()));
        assertEquals(LabTopology.singleNode(), LabTopology.fromMap(Map.of("name", "single-node")));
    }

    @Test
    void rejectsInvalidTopologies() {
        LabNodeSpec dataOnly = LabNodeSpec.builder("data-1").roles(NodeRole.DATA).build();
        LabNodeSpec node = LabNodeSpec.builder("node-1").build();

        assertThrows(OpsValidationException.class, () -> new LabTopology("no-manager", List.of(dataOnly)));
        assertThrows(OpsValidationException.class, () -> new LabTopology("twice", List.of(node, node)));
        assertThrows(OpsValidationException.class, () -> new LabTopology("empty", List.of()));
        assertThrows(OpsValidationException.class, () -> LabTopology.named("unknown"));
    }

    @Test
    void rejectsInvalidNodeSpecs() {
        assertThrows(OpsValidationException.class, () -> LabNodeSpec.builder("../escape").build());
        assertThrows(OpsValidationException.class, () -> LabNodeSpec.builder("node").heap("lots").build());
        assertThrows(OpsValidationException.class, () -> LabNodeSpec.builder("node").roles(List.of()).build());
        assertThrows(OpsValidationException.class,
                () -> LabNodeSpec.builder("node").roles(NodeRole.DATA, NodeRole.DATA).build());
        assertThrows(OpsValidationException.class, () -> LabNodeSpec.builder("node").attribute("a b", "x").build());
    }

    @Test
    void rolesParseSettingValuesAndLegacyMaster() {
        assertEquals(NodeRole.CLUSTER_MANAGER, NodeRole.parse("master"));
        assertEquals(NodeRole.CLUSTER_MANAGER, NodeRole.parse("cluster-manager"));
        assertEquals(NodeRole.INGEST, NodeRole.parse(" Ingest "));
        OpsValidationException unknown = assertThrows(OpsValidationException.class, () -> NodeRole.parse("ml"));
        assertTrue(unknown.getMessage().contains("ml"));
    }
}
