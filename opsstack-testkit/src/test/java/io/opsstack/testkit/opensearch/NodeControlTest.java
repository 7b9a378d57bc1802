package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.junit.OpenSearchLabExtension;
import io.opsstack.testkit.junit.SharedLabs;

/**
 * Stops, kills and restarts nodes of the shared lab (the last configured version, which the start
 * test leaves running). Each test pins a one-shard index without replicas to the node it takes
 * down, so the index only survives if the node comes back with its data directory.
 */
@ExtendWith(OpenSearchLabExtension.class)
class NodeControlTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private OpenSearchLab lab;
    private String index;

    @BeforeEach
    void shareLab() {
        lab = SharedLabs.openSearch(LabVersions.last(), LabTopology.hotWarmCold());
    }

    @AfterEach
    void dropIndex() {
        if (index != null) {
            LabHttp.delete(lab.httpEndpoint(), "/" + index);
        }
    }

    @Test
    void stoppedNodeLeavesAndComesBackWithItsData() {
        String node = "opensearch-warm-1";
        String uuid = createPinnedIndex("node-control-stop", node);
        ServiceControl control = lab.serviceControl();

        control.stop(node, TIMEOUT);
        assertEquals(ServiceState.INACTIVE, control.state(node));
        lab.awaitLeft(node, TIMEOUT);
        assertFalse(listedNodes().contains(node));
        assertFalse(lab.node(node).running());

        lab.start(node);
        assertEquals(ServiceState.ACTIVE, control.state(node));
        assertTrue(listedNodes().contains(node));
        assertIndexIntact(uuid);
    }

    @Test
    void killedNodeRestartsOnTheSameDataDirectory() {
        String node = "opensearch-cold-1";
        String uuid = createPinnedIndex("node-control-kill", node);
        long pid = lab.node(node).pid();

        lab.kill(node);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " killed");
        assertEquals(List.of("opensearch-hot-1", "opensearch-warm-1"), listedNodes().stream().sorted().toList());

        lab.start(node);
        assertNotEquals(pid, lab.node(node).pid());
        assertTrue(lab.node(node).running());
        assertIndexIntact(uuid);
    }

    private String createPinnedIndex(String name, String node) {
        index = name;
        URI endpoint = lab.httpEndpoint();
        LabHttp.putOk(endpoint, "/" + name, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0,"
                + "\"index.routing.allocation.require._name\":\"" + node + "\"}}");
        LabHttp.getOk(endpoint, "/_cluster/health/" + name + "?wait_for_status=green&timeout=30s");
        LabHttp.putOk(endpoint, "/" + name + "/_doc/1?refresh=true", "{\"pinned_to\":\"" + node + "\"}");
        return LabHttp.getOk(endpoint, "/_cat/indices/" + name + "?h=uuid").trim();
    }

    private void assertIndexIntact(String uuid) {
        URI endpoint = lab.httpEndpoint();
        String health = LabHttp.getOk(endpoint, "/_cluster/health/" + index + "?wait_for_status=green&timeout=60s");
        assertTrue(health.contains("\"status\":\"green\""), health);
        assertEquals(uuid, LabHttp.getOk(endpoint, "/_cat/indices/" + index + "?h=uuid").trim());
        assertTrue(LabHttp.getOk(endpoint, "/" + index + "/_doc/1").contains("\"found\":true"));
    }

    private List<String> listedNodes() {
        return LabHttp.getOk(lab.httpEndpoint(), "/_cat/nodes?h=name").lines().map(String::trim)
                .filter(line -> !line.isEmpty()).toList();
    }
}
