package io.opsstack.opensearch.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.OpenSearchServiceException;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.HealthLevel;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.model.WaitForEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterReadLabTest {

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void nodesCarryTierAttributesRolesAndVersion(String version) {
        try (OpenSearchOps os = LabSupport.ops(version)) {
            List<NodeInfo> nodes = os.nodes();
            Map<String, String> tiers = nodes.stream().collect(Collectors.toMap(NodeInfo::name, n -> n.attribute("temp")));
            assertEquals(Map.of("opensearch-hot-1", "hot", "opensearch-warm-1", "warm", "opensearch-cold-1", "cold"), tiers);
            for (NodeInfo node : nodes) {
                assertEquals(version, node.version());
                assertTrue(node.isClusterManagerEligible(), node.toString());
                assertTrue(node.isData(), node.toString());
                assertFalse(node.roles().contains("master"), node.toString());
                assertTrue(node.httpAddress().startsWith("127.0.0.1:"), node.httpAddress());
            }
            String manager = os.clusterManagerNodeId();
            assertTrue(nodes.stream().anyMatch(n -> n.id().equals(manager)), manager);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void healthWaitsForGreenAndReportsTimeoutsAsHealth(String version) {
        String index = LabSupport.uniqueIndex("health");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            os.createIndex(index, Map.of("index.number_of_shards", 2, "index.number_of_replicas", 1));
            ClusterHealth green = os.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN)
                    .waitForNodes(">=3").waitForNoRelocatingShards(true).waitForNoInitializingShards(true)
                    .waitForActiveShards("all").waitForEvents(WaitForEvents.LANGUID).timeout(Duration.ofSeconds(60))
                    .clusterManagerTimeout(Duration.ofSeconds(30)).level(HealthLevel.INDICES).build());
            assertEquals(HealthStatus.GREEN, green.status());
            assertFalse(green.timedOut());
            assertEquals(3, green.numberOfNodes());
            assertEquals(4, green.indices().get(index).activeShards());
            assertEquals(2, green.indices().get(index).numberOfShards());

            ClusterHealth impossible = os.health(HealthRequest.builder().waitForNodes(">=5")
                    .timeout(Duration.ofMillis(500)).build());
            assertTrue(impossible.timedOut());
            assertEquals(3, impossible.numberOfNodes());

            ClusterHealth local = os.health(HealthRequest.builder().local(true).build());
            assertEquals(3, local.numberOfNodes());
        } finally {
            cleanUp(version, index);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void indexBasicsShardsAndErrors(String version) {
        String index = LabSupport.uniqueIndex("basics");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            assertFalse(os.indexExists(index));
            os.createIndex(index, "{\"settings\":{\"index.number_of_shards\":1,\"index.number_of_replicas\":1},"
                    + "\"mappings\":{\"properties\":{\"n\":{\"type\":\"integer\"}}}}");
            assertTrue(os.indexExists(index));
            os.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN)
                    .timeout(Duration.ofSeconds(60)).build());
            assertEquals(2, os.bulkIndex(index, List.of("{\"n\":1}", "{\"n\":2}")).succeeded());
            assertTrue(os.bulkIndex(index, List.of("{\"n\":\"not a number\"}")).hasFailures());
            os.refresh(index);
            assertEquals(2, os.count(index));

            List<ShardRow> shards = os.shards(index);
            assertEquals(2, shards.size());
            assertTrue(shards.stream().allMatch(s -> s.state() == ShardState.STARTED && s.docs() == 2L
                    && s.storeBytes() > 0 && s.nodeId() != null), shards.toString());
            assertEquals(1, shards.stream().filter(ShardRow::primary).count());
            assertTrue(os.shards().containsAll(shards));

            IndexRow row = os.indices(index).get(0);
            assertEquals(HealthStatus.GREEN, row.health());
            assertEquals(2L, row.docs());
            assertEquals(1, row.replicas());
            assertTrue(row.creationDate() != null);

            os.putIndexSettings(index, Map.of("index.number_of_replicas", 0));
            assertEquals("0", os.indexSettings(index).get("index.number_of_replicas"));

            OpenSearchServiceException missing = assertThrows(OpenSearchServiceException.class,
                    () -> os.indexSettings(index + "-missing"));
            assertEquals(404, missing.statusCode());
            assertEquals("index_not_found_exception", missing.errorType());
            assertThrows(OpenSearchServiceException.class, () -> os.shards(index + "-missing"));

            assertEquals(version, os.javaClient().info().version().number());
            assertEquals(2L, os.javaClient().count(c -> c.index(index)).count());
            assertTrue(os.deleteIndex(index));
            assertFalse(os.deleteIndex(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            cleanUp(version, index);
        }
    }

    static void cleanUp(String version, String index) {
        try (OpenSearchOps os = LabSupport.ops(version)) {
            os.deleteIndex(index);
        }
    }
}
