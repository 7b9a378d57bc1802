package io.opsstack.opensearch.lab.reliability.crash;

import static io.opsstack.opensearch.lab.reliability.crash.CrashLab.CONCURRENT;
import static io.opsstack.opensearch.lab.reliability.crash.CrashLab.ENABLE;
import static io.opsstack.opensearch.lab.reliability.crash.CrashLab.EXCLUDE;
import static io.opsstack.opensearch.lab.reliability.crash.CrashLab.MAX_BYTES;
import static io.opsstack.opensearch.lab.reliability.crash.CrashOperations.DRAIN;
import static io.opsstack.opensearch.lab.reliability.crash.CrashOperations.ROLLING_RESTART;
import static io.opsstack.opensearch.lab.reliability.crash.CrashOperations.TIER_MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.lease.FileLeaseStore;
import io.opsstack.api.lease.LeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.allocation.VotingExclusion;
import io.opsstack.testkit.jvm.ChildJvm;
import io.opsstack.testkit.jvm.ServiceControlRelay;
import io.opsstack.testkit.opensearch.OpenSearchLab;

/**
 * The applying JVM is killed with SIGKILL in the middle of a drain, a tier move and a rolling restart; the
 * test JVM then resumes the same plan file by operation id from the file journal, and nothing the operation
 * changed is left behind except what its finished state requires. Data: document counts unchanged.
 */
@EnabledIf("io.opsstack.opensearch.lab.reliability.crash.CrashLab#coversCrashVersion")
class ApplyingJvmCrashLabTest {
    private static final String NODE = "opensearch-cold-1";
    private static final String FOREIGN_ENTRY = "retired-node-x";
    private static final String KILLED = "killed-applier";

    @TempDir
    Path directory;
    private final List<String> indices = new ArrayList<>();

    @Test
    void drainKilledWhileShardsMoveIsResumedAndLeavesExactlyTheDrainedState() throws Exception {
        List<String> names = testIndices("crash-drain-a", "crash-drain-b");
        try (OpenSearchOps os = CrashLab.ops()) {
            Map<String, Long> counts = Map.of(
                    names.get(0), CrashLab.indexWithDocs(os, names.get(0), replicated(3), 500),
                    names.get(1), CrashLab.indexWithDocs(os, names.get(1), replicated(3), 500));
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(CONCURRENT, "1").persistent(MAX_BYTES, "1mb")
                    .persistent(EXCLUDE, FOREIGN_ENTRY).build());
            Operation<Void> drain = CrashOperations.of(os, DRAIN, NODE, null);
            Path planFile = CrashLab.writePlan(directory, drain.plan());
            String operationId = "crash-drain-" + System.nanoTime();

            try (ChildJvm child = CrashLab.startApplier(DRAIN, NODE, planFile, journal(), operationId, KILLED)) {
                child.awaitOutputLine(Pattern.compile("^EVENT StepProgress await-drained "), CrashLab.CHILD_TIMEOUT);
                child.kill9();
            }
            Map<String, String> leftBehind = os.clusterSettings(false).persistent();
            assertEquals("2", leftBehind.get(CONCURRENT), "the killed apply had raised the throttle: " + leftBehind);
            assertEquals(FOREIGN_ENTRY + "," + NODE, leftBehind.get(EXCLUDE));

            OperationResult<Void> resumed = resume(drain, planFile, operationId, os.leaseStore());

            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertEquals(StepStatus.SKIPPED, resumed.step("exclude-node").orElseThrow().status(), "done before the kill");
            assertTrue(os.shards().stream().noneMatch(row -> row.occupies(NODE)), "shards left on " + NODE);
            Map<String, String> after = os.clusterSettings(false).persistent();
            assertEquals("1", after.get(CONCURRENT), "the user's throttle is back");
            assertEquals("1mb", after.get(MAX_BYTES), "the user's throttle is back");
            assertEquals(FOREIGN_ENTRY + "," + NODE, after.get(EXCLUDE), "drained node excluded once, other entry kept");
            assertEquals(List.of(NODE), os.allocation().votingExclusions().stream().map(VotingExclusion::nodeName).toList(),
                    "a drained manager-eligible node stays out of the voting configuration until undrain");
            assertLeaseFree(os.leaseStore(), drain.target());
            os.refresh();
            counts.forEach((index, count) -> assertEquals(count, os.count(index), index));

            Operation<Void> undrain = os.undrain(NODE);
            assertEquals(OperationStatus.SUCCEEDED, undrain.apply(undrain.plan(), ApplyOptions.builder()
                    .journalDirectory(journal()).build()).status());
            assertEquals(FOREIGN_ENTRY, os.clusterSettings(false).persistent().get(EXCLUDE));
            assertTrue(os.allocation().votingExclusions().isEmpty());
        }
    }

    @Test
    void tierMoveKilledWhileWaitingForShardsIsResumedWithTheFileLease() throws Exception {
        String index = testIndices("crash-tier").get(0);
        try (OpenSearchOps os = CrashLab.ops()) {
            long count = CrashLab.indexWithDocs(os, index, Map.of("index.number_of_shards", 3,
                    "index.number_of_replicas", 0, "index.routing.allocation.require.temp", "hot"), 600);
            Operation<Void> move = CrashOperations.of(os, TIER_MOVE, index, null);
            Path planFile = CrashLab.writePlan(directory, move.plan());
            String operationId = "crash-tier-" + System.nanoTime();
            Path leases = directory.resolve("leases");

            try (ChildJvm child = CrashLab.startApplier(TIER_MOVE, index, planFile, journal(), operationId, KILLED,
                    "leaseDir=" + leases)) {
                child.awaitOutputLine(Pattern.compile("^EVENT StepStarted await-tier-"), CrashLab.CHILD_TIMEOUT);
                child.kill9();
            }
            assertEquals("cold", os.indexSettings(index).get("index.routing.allocation.require.temp"),
                    "the killed apply had changed the index setting");

            OperationResult<Void> resumed = resume(move, planFile, operationId, new FileLeaseStore(leases));

            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertEquals(StepStatus.SKIPPED, resumed.step("set-tier-" + index).orElseThrow().status());
            List<ShardRow> shards = os.shards(index);
            assertEquals(3, shards.size());
            assertTrue(shards.stream().allMatch(row -> NODE.equals(row.node())), shards.toString());
            assertLeaseFree(new FileLeaseStore(leases), move.target());
            os.refresh(index);
            assertEquals(count, os.count(index));
        }
    }

    /**
     * The child stops the node through a relay to the lab's service control (the lab's processes belong to the
     * test JVM) and is killed right after the node went down: allocation is left at {@code primaries} and the
     * node is down. The resume starts it and restores the user's value.
     */
    @Test
    void rollingRestartKilledWhileTheNodeIsDownIsResumedAndRestoresAllocation() throws Exception {
        String index = testIndices("crash-restart").get(0);
        OpenSearchLab lab = CrashLab.lab();
        HeldStarts killedApplierControl = new HeldStarts(lab.serviceControl());
        try (OpenSearchOps os = CrashLab.ops();
             ServiceControlRelay relay = ServiceControlRelay.serve(killedApplierControl)) {
            long count = CrashLab.indexWithDocs(os, index, replicated(2), 300);
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "all").build());
            Operation<Void> restart = CrashOperations.of(os, ROLLING_RESTART, NODE, lab.serviceControl());
            Path planFile = CrashLab.writePlan(directory, restart.plan());
            String operationId = "crash-restart-" + System.nanoTime();

            try (ChildJvm child = CrashLab.startApplier(ROLLING_RESTART, NODE, planFile, journal(), operationId, KILLED,
                    "relay=" + relay.uri())) {
                child.awaitOutputLine(Pattern.compile("^EVENT StepWaiting restart-" + NODE + " waiting: starting " + NODE),
                        CrashLab.CHILD_TIMEOUT);
                child.kill9();
            }
            killedApplierControl.dropHeldStarts();
            assertEquals("primaries", os.clusterSettings(false).persistent().get(ENABLE), "left by the killed apply");
            assertFalse(os.nodes().stream().anyMatch(node -> node.name().equals(NODE)), NODE + " left down by the kill");

            OperationResult<Void> resumed = resume(restart, planFile, operationId, os.leaseStore());

            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertTrue(os.nodes().stream().anyMatch(node -> node.name().equals(NODE)), NODE + " rejoined");
            Map<String, String> after = os.clusterSettings(false).persistent();
            assertEquals("all", after.get(ENABLE), "the user's explicit value is back");
            assertNull(after.get(CONCURRENT), "the raised recovery concurrency is unset again");
            CrashLab.awaitGreen(os);
            assertLeaseFree(os.leaseStore(), restart.target());
            os.refresh(index);
            assertEquals(count, os.count(index));
        }
    }

    @AfterEach
    void restoreSharedLab() {
        CrashLab.restoreSharedLab(indices);
    }

    /** Resumes in this JVM from the plan file and the journal, once the killed applier's lease expired. */
    private OperationResult<Void> resume(Operation<Void> operation, Path planFile, String operationId, LeaseStore leases)
            throws InterruptedException {
        Plan plan = CrashLab.readPlan(planFile);
        ApplyOptions options = ApplyOptions.builder().journalDirectory(journal()).operationId(operationId)
                .leaseStore(leases).leaseTtl(CrashLab.LEASE_TTL).owner("resuming-jvm").build();
        CrashLab.awaitLeaseOfKilledApplier(operation, plan, options, KILLED);
        return operation.apply(plan, options);
    }

    /** The lease was released: someone else can take it at once. */
    private static void assertLeaseFree(LeaseStore leases, String target) {
        leases.acquire(target, "next-operator", "next-operation", CrashLab.LEASE_TTL).release();
    }

    private List<String> testIndices(String... purposes) {
        for (String purpose : purposes) {
            indices.add(LabSupport.uniqueIndex(purpose));
        }
        return List.copyOf(indices);
    }

    private Path journal() {
        return directory.resolve("journal");
    }

    private static Map<String, Object> replicated(int shards) {
        return Map.of("index.number_of_shards", shards, "index.number_of_replicas", 1);
    }
}
