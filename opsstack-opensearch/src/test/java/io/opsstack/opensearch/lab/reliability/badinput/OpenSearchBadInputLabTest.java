package io.opsstack.opensearch.lab.reliability.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest;
import io.opsstack.opensearch.ops.PreCreateIndicesRequest;
import io.opsstack.opensearch.ops.RebalanceRequest;
import io.opsstack.opensearch.ops.RelocationRequest;
import io.opsstack.opensearch.ops.RestoreRequest;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.opensearch.ops.SnapshotRequest;
import io.opsstack.opensearch.ops.TierMoveRequest;
import io.opsstack.opensearch.ops.TierRunRequest;
import io.opsstack.opensearch.ops.ZoneDecommissionRequest;
import io.opsstack.opensearch.policy.PolicyPhase;
import io.opsstack.opensearch.policy.TierActions;
import io.opsstack.opensearch.policy.TierPolicy;
import io.opsstack.testkit.junit.BadInput;
import io.opsstack.testkit.service.RecordingServiceControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bad-input table of the OpenSearch operations on the real hot/warm/cold lab: unknown names,
 * impossible placements and out-of-range numbers are refused with an error naming the bad value, by
 * {@code plan()} or by a guard before the first change, and the cluster is exactly as before
 * (persistent and transient settings, voting exclusions, shard placement, index settings and indices).
 * Runs on one version: the refusals happen in opsstack, not in the server.
 */
class OpenSearchBadInputLabTest {
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchBadInputLabTest.class);
    private static final Duration SHORT = Duration.ofSeconds(30);

    private static String version;
    private static String index;
    private static OpenSearchOps os;
    private static final RecordingServiceControl control = new RecordingServiceControl();

    @BeforeAll
    static void createTestIndex() {
        version = LabSupport.versionIndependent();
        assumeTrue(version != null, "runs once, on the first default version");
        os = LabSupport.ops(version);
        index = LabSupport.uniqueIndex("badinput");
        // one copy pinned to the single hot node: a drain of that node is infeasible
        os.createIndex(index, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 0,
                "index.routing.allocation.require.temp", "hot"));
        assertTrue(!os.health(HealthRequest.builder().indices(index).waitForStatus(HealthStatus.GREEN).build()).timedOut(),
                "test index green");
    }

    @AfterAll
    static void deleteTestIndex() {
        if (os != null) {
            os.deleteIndex(index);
            os.close();
        }
    }

    @AfterEach
    void noServiceWasTouched() {
        assertEquals(List.of(), control.calls(), "a refused operation stopped or started a node");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                refused("tierMove", "unknown index", OpsValidationException.class, "no-such-index",
                        () -> os.tierMove(TierMoveRequest.builder().index("no-such-index").tier("warm").build())),
                refused("tierMove", "unknown tier value", OpsValidationException.class, "temp=lukewarm",
                        () -> os.tierMove(TierMoveRequest.builder().index(index).tier("lukewarm").build())),
                refused("tierMove", "unknown attribute", OpsValidationException.class, "rack=warm",
                        () -> os.tierMove(TierMoveRequest.builder().index(index).attribute("rack").tier("warm").build())),
                refused("drain", "unknown node", OpsValidationException.class, "opensearch-nope-9",
                        () -> os.drain(DrainRequest.builder("opensearch-nope-9").build())),
                refused("drain", "copies with nowhere to go (require temp=hot, one hot node)", UnsafeOperationException.class,
                        "drain-feasible", () -> os.drain(DrainRequest.builder("opensearch-hot-1").waitTimeout(SHORT).build())),
                refused("undrain", "unknown node", OpsValidationException.class, "opensearch-nope-9",
                        () -> os.undrain("opensearch-nope-9")),
                refused("relocate", "unknown source node", OpsValidationException.class, "opensearch-nope-9",
                        () -> os.relocate(RelocationRequest.builder("opensearch-nope-9").index(index).build())),
                refused("relocate", "unknown target node", OpsValidationException.class, "opensearch-nope-9",
                        () -> os.relocate(RelocationRequest.builder("opensearch-hot-1").index(index)
                                .toNode("opensearch-nope-9").build())),
                refused("relocate", "unknown index", OpsValidationException.class, "no-such-index",
                        () -> os.relocate(RelocationRequest.builder("opensearch-hot-1").index("no-such-index").build())),
                refused("rebalanceTier", "unknown tier value", OpsValidationException.class, "temp=lukewarm",
                        () -> os.rebalanceTier(RebalanceRequest.of("lukewarm"))),
                refused("zoneDecommission", "unknown zone", OpsValidationException.class, "zone-z",
                        () -> os.zoneDecommission(ZoneDecommissionRequest.of("zone-z"))),
                refused("zoneDecommission", "attribute not an awareness attribute", UnsafeOperationException.class,
                        "awareness-attribute-configured", () -> os.zoneDecommission(ZoneDecommissionRequest.of("zone-c"))),
                refused("zoneRecommission", "attribute never decommissioned", OpsValidationException.class, "rack",
                        () -> os.zoneRecommission("rack")),
                refused("openCloseIndices", "unknown action", OpsValidationException.class, "shut",
                        () -> os.openCloseIndices(IndexOpenCloseRequest.fromMap(Map.of("action", "shut", "indices", index)))),
                refused("tierRun", "policy targets an attribute value no node has", OpsValidationException.class, "tepid",
                        () -> os.tierRun(TierRunRequest.builder(TierPolicy.builder("badinput-policy").indices(index)
                                .phase(PolicyPhase.of("hot", Duration.ZERO))
                                .phase(PolicyPhase.of("warm", Duration.ZERO, TierActions.require("temp", "tepid")))
                                .build()).waitTimeout(SHORT).build())),
                refused("preCreateIndices", "unknown index template", OpsValidationException.class, "no-such-template",
                        () -> os.preCreateIndices(PreCreateIndicesRequest.builder().namePattern("badinput-yyyy.MM.dd")
                                .template("no-such-template").build())),
                refused("rollingRestart", "unknown node", OpsValidationException.class, "opensearch-nope-9",
                        () -> os.rollingRestart(RollingRestartRequest.builder().node("opensearch-nope-9").build(), control)),
                refused("rollingRestart", "maxUnavailable above the node count", OpsValidationException.class,
                        "maxUnavailable 4", () -> os.rollingRestart(RollingRestartRequest.builder().maxUnavailable(4).build(),
                                control)),
                refused("rollingRestart", "unknown snapshot repository", OpsValidationException.class, "no-such-repo",
                        () -> os.rollingRestart(RollingRestartRequest.builder().targetVersion(version)
                                .snapshotRepository("no-such-repo").build(), control)),
                refused("rollingRestart", "downgrade to 1.3.0", UnsafeOperationException.class, "version-rules",
                        () -> os.rollingRestart(RollingRestartRequest.builder().targetVersion("1.3.0").build(), control)),
                refused("snapshotOperation", "unknown repository", OpsValidationException.class, "no-such-repo",
                        () -> os.snapshots().snapshotOperation(SnapshotRequest.builder().repository("no-such-repo")
                                .snapshot("s1").build())),
                refused("restoreOperation", "unknown repository", OpsValidationException.class, "no-such-repo",
                        () -> os.snapshots().restoreOperation(RestoreRequest.builder().repository("no-such-repo")
                                .snapshot("s1").build())),
                refused("tierMove (map)", "wait_timeout_seconds: \"ten\"", OpsValidationException.class,
                        "wait_timeout_seconds", () -> os.tierMove(Map.of("indices", index, "tier", "warm",
                                "wait_timeout_seconds", "ten"))),
                refused("tierRun (map)", "unknown key", OpsValidationException.class, "policie",
                        () -> os.tierRun(Map.of("policy", Map.of("name", "p", "indices", index, "phases",
                                List.of(Map.of("name", "hot"))), "policie", Map.of()))),
                refused("rollingRestart (map)", "max_unavailable: 0", OpsValidationException.class, "maxUnavailable",
                        () -> os.rollingRestart(Map.of("max_unavailable", 0), control)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refusedWithoutChange(String operation, String badInput, Class<? extends OpsException> expected, String named,
                              BadInput.OperationCall call) {
        ClusterState before = ClusterState.read(os, index);

        OpsException error = assertThrows(expected, () -> BadInput.planAndApply(call.operation(), Duration.ofMinutes(2)));

        String message = error instanceof UnsafeOperationException unsafe
                ? unsafe.guard() + ": " + unsafe.guardReason() : error.getMessage();
        LOG.info("{} / {} -> {}: {}", operation, badInput, error.getClass().getSimpleName(), message);
        assertTrue(message.contains(named), operation + " / " + badInput + " -> " + message);
        assertEquals(before, ClusterState.read(os, index), operation + " / " + badInput + " changed the cluster");
    }


    private static Arguments refused(String operation, String badInput, Class<? extends OpsException> expected, String named,
                                     BadInput.OperationCall call) {
        return Arguments.of(operation, badInput, expected, named, call);
    }

}
