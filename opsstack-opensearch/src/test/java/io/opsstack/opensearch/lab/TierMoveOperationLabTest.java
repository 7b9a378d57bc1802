package io.opsstack.opensearch.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.PlanStaleException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.PlanFinished;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepProgress;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.ops.TierMoveRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The planned tier move on a real hot/warm/cold cluster: plan, guards, stale plans, apply, placement. */
class TierMoveOperationLabTest {
    private static final String REQUIRE_TEMP = "index.routing.allocation.require.temp";

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void movesIndicesToWarmAndReportsProgress(String version) {
        String first = LabSupport.uniqueIndex("logs-move-a");
        String second = LabSupport.uniqueIndex("logs-move-b");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            createOnHot(os, first, 0, 2);
            createOnHot(os, second, 0, 1);

            Operation<Void> move = os.tierMove(TierMoveRequest.builder().index(first).index(second).tier("warm").build());
            Plan plan = move.plan();
            String text = plan.render();
            assertTrue(text.contains(REQUIRE_TEMP), text);
            assertTrue(text.contains("hot -> warm"), text);
            assertTrue(text.contains("[pass] target-tier-has-room-for-replicas"), text);
            assertEquals(4, plan.steps().size(), text);
            assertEquals(plan, Plan.fromJson(plan.toJson()));

            CollectingListener events = ProgressListeners.collecting();
            OperationResult<Void> result = move.apply(plan, options(events));

            assertEquals(OperationStatus.SUCCEEDED, result.status());
            String warmNode = nodeOfTier(os, "warm");
            for (String index : List.of(first, second)) {
                assertEquals("warm", os.indexSettings(index).get(REQUIRE_TEMP));
                for (ShardRow row : os.shards(index)) {
                    assertEquals(ShardState.STARTED, row.state());
                    assertEquals(warmNode, row.node());
                }
            }
            assertTrue(events.events().stream().anyMatch(StepProgress.class::isInstance));
            assertTrue(events.events().get(events.events().size() - 1) instanceof PlanFinished);

            Plan again = move.plan();
            assertTrue(again.steps().stream().allMatch(step -> step.action() == StepAction.NO_OP), again.render());
        } finally {
            LabSupport.deleteIndices(version, first, second);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void guardRefusesAMoveThatWouldLeaveReplicasUnassigned(String version) {
        String index = LabSupport.uniqueIndex("logs-replicated");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            os.createIndex(index, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 1));
            Operation<Void> move = os.tierMove(TierMoveRequest.builder().index(index).tier("cold").build());
            Plan plan = move.plan();
            assertTrue(plan.render().contains("[FAIL] target-tier-has-room-for-replicas"), plan.render());

            UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                    () -> move.apply(plan, options(ProgressListeners.none())));
            assertEquals("target-tier-has-room-for-replicas", refused.guard());
            assertEquals(null, os.indexSettings(index).get(REQUIRE_TEMP), "nothing may change");
        } finally {
            LabSupport.deleteIndices(version, index);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void stalePlanIsRefusedNamingTheChangedSetting(String version) {
        String index = LabSupport.uniqueIndex("logs-stale");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            createOnHot(os, index, 0, 1);
            Operation<Void> move = os.tierMove(TierMoveRequest.builder().index(index).tier("warm").build());
            Plan plan = move.plan();
            os.putIndexSettings(index, Map.of(REQUIRE_TEMP, "cold"));

            PlanStaleException stale = assertThrows(PlanStaleException.class,
                    () -> move.apply(plan, options(ProgressListeners.none())));
            assertTrue(stale.getMessage().contains(REQUIRE_TEMP) && stale.getMessage().contains("hot -> cold"),
                    stale.getMessage());
            assertEquals("cold", os.indexSettings(index).get(REQUIRE_TEMP));
        } finally {
            LabSupport.deleteIndices(version, index);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void badInputIsRefusedBeforeAnyChange(String version) {
        String index = LabSupport.uniqueIndex("logs-bad-input");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            createOnHot(os, index, 0, 1);
            OpsValidationException unknownIndex = assertThrows(OpsValidationException.class,
                    () -> os.tierMove(TierMoveRequest.builder().index(index + "-missing").tier("warm").build()).plan());
            assertTrue(unknownIndex.getMessage().contains("unknown index"), unknownIndex.getMessage());

            OpsValidationException unknownTier = assertThrows(OpsValidationException.class,
                    () -> os.tierMove(TierMoveRequest.builder().index(index).tier("frozen").build()).plan());
            assertTrue(unknownTier.getMessage().contains("temp=frozen") && unknownTier.getMessage().contains("warm"),
                    unknownTier.getMessage());
            assertEquals("hot", os.indexSettings(index).get(REQUIRE_TEMP));
            assertThrows(OpsValidationException.class, () -> os.tierMove(Map.of("indices", index, "tier", "warm", "speed", "fast")));
        } finally {
            LabSupport.deleteIndices(version, index);
        }
    }

    private static ApplyOptions options(ProgressListener listener) {
        return ApplyOptions.builder().listener(listener).journal(new InMemoryJournal()).build();
    }

    private static void createOnHot(OpenSearchOps os, String index, int replicas, int shards) {
        os.createIndex(index, Map.of("index.number_of_shards", shards, "index.number_of_replicas", replicas,
                REQUIRE_TEMP, "hot"));
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            documents.add("{\"message\":\"line " + i + "\",\"level\":\"info\"}");
        }
        os.bulkIndex(index, documents);
        os.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN)
                .timeout(Duration.ofSeconds(60)).build());
    }

    private static String nodeOfTier(OpenSearchOps os, String tier) {
        return os.nodes().stream().filter(node -> tier.equals(node.attribute("temp"))).map(NodeInfo::name)
                .findFirst().orElseThrow();
    }
}
