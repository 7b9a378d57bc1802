package io.opsstack.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.Fixtures;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.IndexHealth;
import org.junit.jupiter.api.Test;

class HealthParserTest {

    @Test
    void parsesEveryCounter() {
        ClusterHealth h = HealthParser.parse(Fixtures.read("health-green.json"));
        assertEquals("opsstack-lab", h.clusterName());
        assertEquals(HealthStatus.GREEN, h.status());
        assertFalse(h.timedOut());
        assertEquals(3, h.numberOfNodes());
        assertEquals(3, h.numberOfDataNodes());
        assertEquals(4, h.activePrimaryShards());
        assertEquals(8, h.activeShards());
        assertEquals(1, h.relocatingShards());
        assertEquals(2, h.numberOfPendingTasks());
        assertEquals(17, h.taskMaxWaitingInQueueMillis());
        assertEquals(100.0, h.activeShardsPercent());
        assertEquals(1, h.shardActivity());
        assertTrue(h.indices().isEmpty());
    }

    @Test
    void timedOutWaitIsAHealthNotAnError() {
        ClusterHealth h = HealthParser.parse(Fixtures.read("health-timeout-408.json"));
        assertTrue(h.timedOut());
        assertEquals(HealthStatus.YELLOW, h.status());
        assertEquals(1, h.unassignedShards());
        assertEquals(1, h.delayedUnassignedShards());
    }

    @Test
    void parsesPerIndexDetail() {
        ClusterHealth h = HealthParser.parse(Fixtures.read("health-indices.json"));
        assertEquals(2, h.indices().size());
        IndexHealth logs = h.indices().get("logs-2024");
        assertEquals(HealthStatus.YELLOW, logs.status());
        assertEquals(1, logs.numberOfReplicas());
        assertEquals(1, logs.unassignedShards());
        assertEquals("green", ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) h.toMap().get("indices")).get("metrics"))
                .get("status"));
    }

    @Test
    void missingStatusIsAnUnexpectedAnswer() {
        assertThrows(OpenSearchResponseException.class, () -> HealthParser.parse("{\"cluster_name\":\"c\"}"));
        assertThrows(OpenSearchResponseException.class,
                () -> HealthParser.parse("{\"cluster_name\":\"c\",\"status\":\"purple\"}"));
    }
}
