package io.opsstack.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.Fixtures;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.NodeInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodesParserTest {

    @Test
    void normalisesLegacyMasterRoleOf2x() {
        List<NodeInfo> nodes = NodesParser.parseNodes(Fixtures.read("nodes-2x.json"));
        assertEquals(2, nodes.size());
        NodeInfo hot = nodes.get(1);
        assertEquals("opensearch-hot-1", hot.name());
        assertEquals("Xk2pQ0aLTtWm3v4hQkXy9A", hot.id());
        assertEquals(Set.of("data", "ingest", "cluster_manager", "remote_cluster_client"), hot.roles());
        assertTrue(hot.isClusterManagerEligible());
        assertTrue(hot.isData());
        assertEquals("hot", hot.attribute("temp"));
        assertEquals("127.0.0.1:9200", hot.httpAddress());
        assertEquals("127.0.0.1:9300", hot.transportAddress());
        assertEquals("2.19.4", hot.version());

        NodeInfo coordinating = nodes.get(0);
        assertFalse(coordinating.isClusterManagerEligible());
        assertFalse(coordinating.isData());
        assertNull(coordinating.attribute("temp"));
        assertNull(coordinating.httpAddress());
    }

    @Test
    void readsClusterManagerRoleOf3x() {
        NodeInfo cold = NodesParser.parseNodes(Fixtures.read("nodes-3x.json")).get(0);
        assertTrue(cold.isClusterManagerEligible());
        assertEquals("cold", cold.attribute("temp"));
        assertEquals("localhost", cold.host());
        assertEquals("3.4.0", cold.version());
    }

    @Test
    void readsElectedManagerInBothForms() {
        assertEquals("Ab12Cd", NodesParser.parseClusterStateManager(
                "{\"cluster_name\":\"c\",\"cluster_uuid\":\"u\",\"cluster_manager_node\":\"Ab12Cd\"}"));
        assertEquals("Ab12Cd", NodesParser.parseClusterStateManager(
                "{\"cluster_name\":\"c\",\"master_node\":\"Ab12Cd\"}"));
        assertNull(NodesParser.parseClusterStateManager("{\"cluster_name\":\"c\"}"));
        assertEquals("Ab12Cd", NodesParser.parseCatClusterManager(
                "[{\"id\":\"Ab12Cd\",\"host\":\"127.0.0.1\",\"ip\":\"127.0.0.1\",\"node\":\"opensearch-cold-1\"}]"));
        assertNull(NodesParser.parseCatClusterManager("[]"));
    }

    @Test
    void answerWithoutNodesIsRejected() {
        assertThrows(OpenSearchResponseException.class, () -> NodesParser.parseNodes("{\"cluster_name\":\"c\"}"));
    }
}
