package io.opsstack.opensearch.lab.stall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepWaiting;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.RecoveryLimits;

/**
 * A drain whose shards cannot move (allocation disabled cluster-wide after the plan) on the real lab:
 * the stall is reported after the configured polls with the server's per-shard allocation-explain reasons, the
 * drain fails closed with them, the raised recovery throttles are back at the user's values, and the same
 * operation id completes once the pin is removed. Runs on one version: stall detection is opsstack's.
 */
class DrainStallLabTest {

    private static final String NODE = "opensearch-cold-1";
    private static final String REQUIRE_NAME = "index.routing.allocation.require._name";
    private static final String CONCURRENT = "cluster.routing.allocation.node_concurrent_recoveries";
    private static final String MAX_BYTES = "indices.recovery.max_bytes_per_sec";
    private static final String EXCLUDE = "cluster.routing.allocation.exclude._name";
    private static final String ENABLE = "cluster.routing.allocation.enable";
    private static final int STALL_POLLS = 4;

    @Test
    void stalledDrainReportsPerShardReasonsFailsClosedRestoresThrottlesAndResumesOnceUnblocked() {
        String version = LabSupport.versionIndependent();
        assumeTrue(version != null, "runs once, on the first default version");
        String movable = LabSupport.uniqueIndex("stall-movable");
        String placed = LabSupport.uniqueIndex("stall-placed");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            os.createIndex(movable, Map.of("index.number_of_shards", 2, "index.number_of_replicas", 1));
            os.createIndex(placed, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 0,
                    REQUIRE_NAME, NODE));
            os.bulkIndex(placed, documents(50));
            awaitGreen(os);
            // placed on the node to drain, then free to move: the plan finds the drain feasible
            os.putIndexSettings(placed, mapOfNull(REQUIRE_NAME));
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(CONCURRENT, "3").build());
            Operation<Void> drain = os.drain(DrainRequest.builder(NODE).recoveryLimits(RecoveryLimits.of(6, "400mb"))
                    .pollInterval(Duration.ofMillis(250)).stallPolls(STALL_POLLS).waitTimeout(Duration.ofSeconds(8))
                    .build());
            Plan plan = drain.plan();
            assertTrue(plan.render().contains("[pass] drain-feasible"), plan.render());

            // the blocker arrives after the plan: no shard may be allocated anywhere
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "none").build());
            InMemoryJournal journal = new InMemoryJournal();
            CollectingListener events = ProgressListeners.collecting();
            ApplyOptions options = ApplyOptions.builder().journal(journal).listener(events)
                    .operationId("drain-stall-" + version).build();
            WaitTimeoutException stalled = assertThrows(WaitTimeoutException.class, () -> drain.apply(plan, options));

            String reasonMarker = placed + "[0]p";
            assertTrue(stalled.getMessage().contains(reasonMarker) && stalled.getMessage().contains(ENABLE + "=none"),
                    "the error names the stuck copy and the server's reason: " + stalled.getMessage());
            List<String> stallEvents = new ArrayList<>();
            events.events().stream().filter(StepWaiting.class::isInstance).map(e -> ((StepWaiting) e).message())
                    .filter(message -> message.contains("stalled: no progress")).forEach(stallEvents::add);
            assertTrue(!stallEvents.isEmpty() && stallEvents.get(0).contains("(" + STALL_POLLS + " poll intervals")
                    && stallEvents.get(0).contains(reasonMarker), "stall event with reasons: " + stallEvents);
            assertTrue(os.shards().stream().anyMatch(row -> row.index().equals(placed) && row.occupies(NODE)),
                    "the placed shard is still on " + NODE + ": not drained");
            ClusterSettings failed = os.clusterSettings(false);
            assertEquals("3", failed.persistent().get(CONCURRENT), "raised concurrency back at the user's value");
            assertNull(failed.persistent().get(MAX_BYTES), "raised bandwidth unset again");

            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, null).build());
            OperationResult<Void> resumed = drain.apply(plan, options.toBuilder().listener(ProgressListeners.collecting())
                    .build());

            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertTrue(os.shards().stream().noneMatch(row -> row.occupies(NODE)), "nothing left on " + NODE);
            ClusterSettings after = os.clusterSettings(false);
            assertEquals("3", after.persistent().get(CONCURRENT));
            assertNull(after.persistent().get(MAX_BYTES));
            assertEquals(NODE, after.persistent().get(EXCLUDE));
            os.refresh(placed);
            assertEquals(50, os.count(placed));
        } finally {
            try (OpenSearchOps os = LabSupport.ops(version)) {
                os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(CONCURRENT, null)
                        .persistent(MAX_BYTES, null).persistent(EXCLUDE, null).persistent(ENABLE, null).build());
                os.allocation().clearVotingExclusions(false);
            }
            LabSupport.deleteIndices(version, movable, placed);
        }
    }

    private static List<String> documents(int count) {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add("{\"message\":\"placed event " + i + "\",\"n\":" + i + "}");
        }
        return documents;
    }

    private static Map<String, Object> mapOfNull(String key) {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put(key, null);
        return settings;
    }

    private static void awaitGreen(OpenSearchOps os) {
        assertEquals(HealthStatus.GREEN, os.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN)
                .waitForNoRelocatingShards(true).timeout(Duration.ofMinutes(3)).build()).status());
    }
}
