package io.opsstack.opensearch.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.AllocationFilter;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardRows;
import io.opsstack.opensearch.model.ShardState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Moves a one-shard index from the hot to the warm node by changing its {@code require.temp} filter,
 * with recoveries throttled so the RELOCATING row is observed on the way.
 */
class TierMoveLabTest {
    private static final String MAX_BYTES = "indices.recovery.max_bytes_per_sec";
    private static final String REQUIRE_TEMP = AllocationFilter.REQUIRE.indexKey("temp");
    private static final Duration MOVE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int DOCUMENTS = 1500;
    private static final int BATCH = 500;

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void shardMovesFromHotToWarmAndIsSeenRelocating(String version) throws Exception {
        String index = LabSupport.uniqueIndex("tier-move");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            Map<String, String> tierNode = tierToNodeName(os.nodes());
            os.createIndex(index, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 0,
                    REQUIRE_TEMP, "hot"));
            os.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN)
                    .timeout(Duration.ofSeconds(60)).build());
            fill(os, index);

            ShardRow placed = os.shards(index).get(0);
            assertEquals(ShardState.STARTED, placed.state());
            assertEquals(tierNode.get("hot"), placed.node());
            assertTrue(placed.storeBytes() > 1_000_000, "store is " + placed.storeBytes());

            ClusterSettings settings = os.clusterSettings(false);
            String previousPersistent = settings.persistent().get(MAX_BYTES);
            String previousTransient = settings.transientSettings().get(MAX_BYTES);
            List<ShardRow> relocationsSeen = new ArrayList<>();
            try {
                os.putClusterSettings(ClusterSettingsUpdate.builder().transientSetting(MAX_BYTES, "100kb").build());
                os.putIndexSettings(index, Map.of(REQUIRE_TEMP, "warm"));
                ShardRow moved = awaitStartedOn(os, index, tierNode.get("warm"), relocationsSeen);
                assertEquals(tierNode.get("warm"), moved.node());
                assertEquals((long) DOCUMENTS, moved.docs());
            } finally {
                os.putClusterSettings(ClusterSettingsUpdate.builder()
                        .transientSetting(MAX_BYTES, previousTransient)
                        .persistent(MAX_BYTES, previousPersistent).build());
            }

            assertFalse(relocationsSeen.isEmpty(), "no RELOCATING row was observed during the move");
            ShardRow relocating = relocationsSeen.get(0);
            assertEquals(tierNode.get("hot"), relocating.node());
            assertNotNull(relocating.relocatingTo());
            assertEquals(tierNode.get("warm"), relocating.relocatingTo().node());
            assertEquals("127.0.0.1", relocating.relocatingTo().ip());
            assertEquals(1, ShardRows.onNode(List.of(relocating), tierNode.get("hot")).size());
            assertEquals(1, ShardRows.onNode(List.of(relocating), tierNode.get("warm")).size());
            String warmId = os.nodes().stream().filter(n -> n.name().equals(tierNode.get("warm")))
                    .findFirst().orElseThrow().id();
            assertEquals(warmId, relocating.relocatingTo().nodeId());

            ClusterSettings restored = os.clusterSettings(false);
            assertEquals(previousPersistent, restored.persistent().get(MAX_BYTES));
            assertEquals(previousTransient, restored.transientSettings().get(MAX_BYTES));
        } finally {
            ClusterReadLabTest.cleanUp(version, index);
        }
    }

    private static Map<String, String> tierToNodeName(List<NodeInfo> nodes) {
        Map<String, String> byTier = new HashMap<>();
        for (NodeInfo node : nodes) {
            byTier.put(node.attribute("temp"), node.name());
        }
        return byTier;
    }

    /** Writes a few MB of poorly compressible documents and flushes them into segments. */
    private static void fill(OpenSearchOps os, String index) throws IOException {
        Random random = new Random(42);
        byte[] payload = new byte[1024];
        for (int start = 0; start < DOCUMENTS; start += BATCH) {
            List<String> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                random.nextBytes(payload);
                batch.add("{\"n\":" + (start + i) + ",\"blob\":\"" + Base64.getEncoder().encodeToString(payload) + "\"}");
            }
            BulkResult result = os.bulkIndex(index, batch);
            assertFalse(result.hasFailures(), result.firstErrors().toString());
        }
        os.refresh(index);
        os.javaClient().indices().flush(f -> f.index(index));
    }

    private static ShardRow awaitStartedOn(OpenSearchOps os, String index, String node, List<ShardRow> relocationsSeen)
            throws InterruptedException {
        long deadline = System.nanoTime() + MOVE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ShardRow> rows = os.shards(index);
            assertEquals(1, rows.size(), rows.toString());
            ShardRow row = rows.get(0);
            if (row.state() == ShardState.RELOCATING) {
                relocationsSeen.add(row);
            } else if (row.state() == ShardState.STARTED && row.node().equals(node)) {
                return row;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("shard of " + index + " did not start on " + node + " within " + MOVE_TIMEOUT
                + "; last rows " + os.shards(index));
    }
}
