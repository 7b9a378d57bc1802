package io.opsstack.opensearch.lab.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepSucceeded;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.OpenSearchServiceException;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.ops.RelocationRequest;
import io.opsstack.testkit.fault.FaultProxy;
import io.opsstack.testkit.fault.FaultSpec;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-idempotent step — the {@code _cluster/reroute} move of a relocation — behind a fault proxy on
 * the real lab: a 503 or a reset after the server executed it is never retried, the operation fails
 * naming the call, and applying the plan again resumes from the journal without sending a completed
 * or already executed move twice. Runs on one version: the retry and resume logic is opsstack's.
 */
@Timeout(240)
class OpenSearchNeverTwiceLabTest {
    private static final String FROM = "opensearch-hot-1";
    private static final String TO = "opensearch-warm-1";
    private static final String REROUTE = "/_cluster/reroute";
    private static final int DOCS = 40;

    private static String version;
    private static OpenSearchLab lab;
    private FaultProxy proxy;
    private OpenSearchOps direct;
    private String index;

    @TempDir
    Path journal;

    @BeforeAll
    static void lab() {
        version = LabSupport.versionIndependent();
        assumeTrue(version != null, "runs once, on the first default version");
        lab = LabSupport.lab(version);
    }

    @BeforeEach
    void start() {
        proxy = FaultProxy.forward(lab.httpEndpoint());
        direct = LabSupport.ops(version);
        index = LabSupport.uniqueIndex("faults-move");
    }

    @AfterEach
    void stop() {
        proxy.close();
        direct.close();
        LabSupport.deleteIndices(version, index);
    }

    @Test
    void aMoveMetByA503IsNotRetriedAndNothingMoves() {
        createIndexOn(FROM, 1);
        try (OpenSearchOps os = FaultsLab.throughProxy(proxy, FaultsLab.QUICK_RETRIES)) {
            Operation<Void> relocate = relocationToTarget(os);
            Plan plan = relocate.plan();
            proxy.failAlways(FaultSpec.serviceUnavailable().matching("POST", REROUTE));

            OpsException failure = assertThrows(OpsException.class, () -> relocate.apply(plan, options(null)));
            assertTrue(failure instanceof OpenSearchServiceException, failure.toString());
            assertEquals(503, ((OpenSearchServiceException) failure).statusCode());
            assertEquals(moves(plan).get(0).id(), FaultsLab.failedStep(failure));
        }
        assertEquals(1, FaultsLab.realReroutes(proxy).size(), "one attempt, no retry: " + proxy.requests());
        assertEquals(0, FaultsLab.executedReroutes(proxy));
        assertTrue(direct.shards(index).stream().allMatch(row -> FROM.equals(row.node())), "nothing moved");
        assertEquals(DOCS, direct.count(index));
    }

    @Test
    void aMoveWhoseAnswerIsLostIsNotRetriedAndTheResumeSendsNoMoveTwice() {
        createIndexOn(FROM, 2);
        try (OpenSearchOps os = FaultsLab.throughProxy(proxy, FaultsLab.QUICK_RETRIES)) {
            Operation<Void> relocate = relocationToTarget(os);
            Plan plan = relocate.plan();
            List<PlannedStep> moves = moves(plan);
            assertEquals(2, moves.size(), plan.render());
            String firstWait = plan.steps().stream().filter(s -> s.action() == StepAction.WAIT).findFirst()
                    .orElseThrow().id();

            // the second move reaches the server, which executes it (slowly); the client only sees a reset
            SecondMoveSetup arm = new SecondMoveSetup(firstWait, proxy, direct);
            OpsException failure = assertThrows(OpsException.class, () -> relocate.apply(plan, options(arm)));
            assertTrue(failure instanceof OpsConnectException, failure.toString());
            assertTrue(failure.getMessage().contains("POST " + REROUTE), failure.getMessage());
            assertEquals(moves.get(1).id(), FaultsLab.failedStep(failure));
            assertEquals(2, FaultsLab.executedReroutes(proxy), "one reroute per move, none retried: " + proxy.requests());
            assertTrue(direct.shards(index).stream().anyMatch(row -> row.state() == ShardState.RELOCATING
                    && TO.equals(row.relocatingTo().node())), "the lost move is still running on the server");

            OperationResult<Void> resumed = relocate.apply(plan, options(null));
            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertEquals(StepStatus.SKIPPED, resumed.step(moves.get(0).id()).orElseThrow().status());
            assertEquals(StepStatus.SKIPPED, resumed.step(firstWait).orElseThrow().status());
            assertEquals(StepStatus.SUCCEEDED, resumed.step(moves.get(1).id()).orElseThrow().status());
        } finally {
            direct.putClusterSettings(ClusterSettingsUpdate.builder().persistent(SecondMoveSetup.THROTTLE, null).build());
        }
        assertEquals(2, FaultsLab.executedReroutes(proxy), "the resume sent no move again: " + proxy.requests());
        List<ShardRow> rows = direct.shards(index);
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(row -> TO.equals(row.node()) && row.state() == ShardState.STARTED), rows.toString());
        assertEquals(DOCS, direct.count(index), "no document lost");
    }

    /** {@code shards} primaries, no replicas, all on {@code node}, with documents; the balancer leaves it alone. */
    private void createIndexOn(String node, int shards) {
        direct.createIndex(index, Map.of("index.number_of_shards", shards, "index.number_of_replicas", 0,
                "index.routing.allocation.require._name", node, "index.routing.rebalance.enable", "none"));
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < DOCS; i++) {
            docs.add("{\"n\":" + i + "}");
        }
        BulkResult bulk = direct.bulkIndex(index, docs);
        assertEquals(0, bulk.failed(), bulk.toString());
        direct.refresh(index);
        Map<String, Object> unpin = new HashMap<>();
        unpin.put("index.routing.allocation.require._name", null);
        direct.putIndexSettings(index, unpin);
        assertFalse(direct.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN).build())
                .timedOut(), "test index green");
    }

    private Operation<Void> relocationToTarget(OpenSearchOps os) {
        return os.relocate(RelocationRequest.builder(FROM).index(index).toNode(TO).build());
    }

    private ApplyOptions options(ProgressListener listener) {
        ApplyOptions.Builder b = ApplyOptions.builder().journalDirectory(journal).operationId("faults-" + index);
        if (listener != null) {
            b.listener(listener);
        }
        return b.build();
    }

    private static List<PlannedStep> moves(Plan plan) {
        return plan.steps().stream().filter(s -> s.action() == StepAction.MOVE).toList();
    }

    /**
     * Once the first move finished: throttles recoveries so the second move stays in flight for a few
     * seconds, and arms a reset after forwarding on the next real reroute.
     */
    private static final class SecondMoveSetup implements ProgressListener {
        static final String THROTTLE = "indices.recovery.max_bytes_per_sec";

        private final String afterStep;
        private final FaultProxy proxy;
        private final OpenSearchOps direct;

        SecondMoveSetup(String afterStep, FaultProxy proxy, OpenSearchOps direct) {
            this.afterStep = afterStep;
            this.proxy = proxy;
            this.direct = direct;
        }

        @Override
        public void onEvent(StepEvent event) {
            if (event instanceof StepSucceeded succeeded && succeeded.stepId().equals(afterStep)) {
                direct.putClusterSettings(ClusterSettingsUpdate.builder().persistent(THROTTLE, "1kb").build());
                proxy.failNext(1, FaultSpec.resetAfterForward().matching("POST", REROUTE));
            }
        }
    }
}
