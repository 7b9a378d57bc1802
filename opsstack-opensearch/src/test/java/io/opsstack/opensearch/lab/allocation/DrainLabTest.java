package io.opsstack.opensearch.lab.allocation;

import static io.opsstack.opensearch.lab.allocation.AllocationLabSupport.CONCURRENT;
import static io.opsstack.opensearch.lab.allocation.AllocationLabSupport.EXCLUDE;
import static io.opsstack.opensearch.lab.allocation.AllocationLabSupport.MAX_BYTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepSucceeded;
import io.opsstack.api.event.StepProgress;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.GuardCheck;
import io.opsstack.api.plan.Plan;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.allocation.VotingExclusion;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.RecoveryLimits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import io.opsstack.testkit.opensearch.ProbeReport;
import io.opsstack.testkit.opensearch.ProbeVerification;
import io.opsstack.testkit.opensearch.WriteReadProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drain of a data node (every lab node is also cluster-manager-eligible) on the real hot/warm/cold lab:
 * documents kept under writes, prior settings restored, feasibility refusal, bad input, the lease in the
 * cluster, interrupted apply and resume.
 */
class DrainLabTest {
    private static final String NODE = "opensearch-cold-1";
    private static final String FOREIGN_ENTRY = "retired-node-x";

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void drainsNodeUnderWritesKeepingDocumentsAndPriorSettings(String version) throws Exception {
        List<String> indices = List.of(LabSupport.uniqueIndex("drain-a"), LabSupport.uniqueIndex("drain-b"),
                LabSupport.uniqueIndex("drain-c"));
        String probeIndex = LabSupport.uniqueIndex("drain-probe");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String index : indices) {
                AllocationLabSupport.indexWithDocs(os, index, 2, 300);
                counts.put(index, os.count(index));
            }
            os.createIndex(probeIndex, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 1));
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(CONCURRENT, "3")
                    .persistent(EXCLUDE, FOREIGN_ENTRY).build());

            Operation<Void> drain = os.drain(DrainRequest.builder(NODE)
                    .recoveryLimits(RecoveryLimits.of(6, "400mb")).waitTimeout(Duration.ofMinutes(3)).build());
            Plan plan = drain.plan();
            String text = plan.render();
            assertTrue(text.contains("[pass] drain-feasible"), text);
            assertTrue(text.contains("add-voting-exclusion"), text);
            assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("stays excluded")), text);

            WriteReadProbe probe = WriteReadProbe.builder(LabSupport.lab(version)).indices(List.of(probeIndex))
                    .writeInterval(Duration.ofMillis(20)).readInterval(Duration.ofMillis(20)).start();
            CollectingListener events = ProgressListeners.collecting();
            ApplyOptions options = ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(os.leaseStore())
                    .owner("drain-owner-a").listener(events).build();
            CompletableFuture<OperationResult<Void>> applying = drain.applyAsync(plan, options);
            LeaseHeldException held = awaitLeaseHeld(drain, plan, os, applying);
            OperationResult<Void> result = applying.get();
            ProbeReport report = probe.stop();
            ProbeVerification verification = probe.verify();
            probe.close();

            assertEquals(OperationStatus.SUCCEEDED, result.status(), result.toString());
            assertEquals("drain-owner-a", held.holder());
            assertTrue(held.getMessage().contains("drain-owner-a"), held.getMessage());
            assertTrue(os.shards().stream().noneMatch(row -> row.occupies(NODE)), "shards left on " + NODE);
            os.refresh();
            for (String index : indices) {
                assertEquals(counts.get(index), os.count(index), index);
            }
            assertTrue(verification.complete(), "every acknowledged probe write is there: " + verification.toMap());
            assertTrue(report.totalAcknowledgedWrites() > 0, report.toString());
            assertTrue(report.clean(), report.toString());
            assertTrue(events.events().stream().anyMatch(e -> e instanceof StepProgress p && p.unit().equals("bytes")));

            ClusterSettings after = os.clusterSettings(false);
            assertEquals("3", after.persistent().get(CONCURRENT), "prior non-default value restored");
            assertNull(after.persistent().get(MAX_BYTES), "unset value unset again");
            assertEquals(FOREIGN_ENTRY + "," + NODE, after.persistent().get(EXCLUDE));
            assertTrue(os.allocation().votingExclusions().stream().map(VotingExclusion::nodeName).anyMatch(NODE::equals));

            Operation<Void> undrain = os.undrain(NODE);
            assertEquals(OperationStatus.SUCCEEDED, undrain.apply(undrain.plan(), ApplyOptions.builder()
                    .journal(new InMemoryJournal()).build()).status());
            assertEquals(FOREIGN_ENTRY, os.clusterSettings(false).persistent().get(EXCLUDE), "other entry kept");
            assertTrue(os.allocation().votingExclusions().isEmpty());
        } finally {
            try (OpenSearchOps os = LabSupport.ops(version)) {
                AllocationLabSupport.resetAllocation(os);
            }
            LabSupport.deleteIndices(version, indices.get(0), indices.get(1), indices.get(2), probeIndex);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void drainsAndStopsAManagerEligibleNodeThenDropsItsExclusions(String version) {
        String index = LabSupport.uniqueIndex("drain-stop");
        OpenSearchLab lab = LabSupport.lab(version);
        try (OpenSearchOps os = LabSupport.ops(version)) {
            AllocationLabSupport.indexWithDocs(os, index, 2, 200);
            List<String> votingDuringDrain = new ArrayList<>();
            ProgressListener votingProbe = event -> {
                if (event instanceof StepSucceeded done && done.stepId().equals("add-voting-exclusion")) {
                    os.allocation().votingExclusions().forEach(e -> votingDuringDrain.add(e.nodeName()));
                }
            };
            Operation<Void> drain = os.drain(DrainRequest.builder(NODE).serviceControl(lab.serviceControl())
                    .stopTimeout(Duration.ofMinutes(2)).build());
            Plan plan = drain.plan();
            assertEquals(List.of("add-voting-exclusion", "exclude-node", "await-drained", "stop-node",
                    "await-node-left", "remove-exclusion", "clear-voting-exclusion"),
                    plan.steps().stream().map(step -> step.id()).toList(), plan.render());

            OperationResult<Void> result = drain.apply(plan, ApplyOptions.builder().journal(new InMemoryJournal())
                    .listener(votingProbe).build());

            assertEquals(OperationStatus.SUCCEEDED, result.status(), result.toString());
            assertEquals(List.of(NODE), votingDuringDrain, "voting exclusion added before the shards moved");
            assertTrue(os.nodes().stream().noneMatch(n -> n.name().equals(NODE)), NODE + " stopped and gone");
            assertNull(os.clusterSettings(false).persistent().get(EXCLUDE), "exclusion removed after the node left");
            assertTrue(os.allocation().votingExclusions().isEmpty(), "voting exclusion removed");
            assertEquals(200, os.count(index));
        } finally {
            lab.ensureAllRunning();
            lab.awaitJoined(NODE, Duration.ofMinutes(2));
            try (OpenSearchOps os = LabSupport.ops(version)) {
                AllocationLabSupport.resetAllocation(os);
                os.deleteIndex(index);
                AllocationLabSupport.green(os);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void infeasibleDrainIsRefusedWithPerShardReasonsBeforeAnyChange(String version) {
        String pinned = LabSupport.uniqueIndex("drain-pinned");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            os.createIndex(pinned, Map.of("index.number_of_shards", 1, "index.number_of_replicas", 0,
                    "index.routing.allocation.require._name", NODE));
            AllocationLabSupport.green(os);
            URI endpoint = LabSupport.lab(version).httpEndpoint();
            String before = AllocationLabSupport.rawSettings(endpoint);

            Operation<Void> drain = os.drain(DrainRequest.builder(NODE).build());
            Plan plan = drain.plan();
            GuardCheck feasible = plan.steps().stream().flatMap(step -> step.guards().stream())
                    .filter(g -> g.name().equals("drain-feasible")).findFirst().orElseThrow();
            assertFalse(feasible.passed(), plan.render());
            assertTrue(feasible.reason().contains(pinned + "[0]p cannot move"), feasible.reason());
            assertTrue(feasible.reason().contains("allocation explain"), feasible.reason());

            UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                    () -> drain.apply(plan, ApplyOptions.builder().journal(new InMemoryJournal()).build()));
            assertEquals("drain-feasible", refused.guard());
            assertEquals(before, AllocationLabSupport.rawSettings(endpoint), "cluster settings changed");
            assertTrue(os.allocation().votingExclusions().isEmpty());
        } finally {
            LabSupport.deleteIndices(version, pinned);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void stoppingTheOnlyNodeTheClientReachesIsRefusedBeforeAnyChange(String version) {
        OpenSearchLab lab = LabSupport.lab(version);
        URI endpoint = lab.node(NODE).httpUri();
        String before = AllocationLabSupport.rawSettings(endpoint);
        try (OpenSearchOps os = OpenSearchOps.builder().endpoints(endpoint.toString()).build()) {
            Operation<Void> drain = os.drain(DrainRequest.builder(NODE).serviceControl(lab.serviceControl()).build());
            Plan plan = drain.plan();
            assertTrue(plan.render().contains("[FAIL] an-endpoint-stays-up: no endpoint stays up while [" + NODE + "] is down"),
                    plan.render());

            UnsafeOperationException refused = assertThrows(UnsafeOperationException.class,
                    () -> drain.apply(plan, ApplyOptions.builder().journal(new InMemoryJournal()).build()));

            assertEquals("an-endpoint-stays-up", refused.guard());
            assertEquals(Optional.of(plan.steps().get(0).id()), refused.stepId(), "refused at the first step");
            assertEquals(before, AllocationLabSupport.rawSettings(endpoint), "cluster settings changed");
            assertTrue(os.allocation().votingExclusions().isEmpty());
            assertTrue(lab.node(NODE).running());
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void unknownNodeIsRefusedAndSettingsStayByteForByteUnchanged(String version) {
        try (OpenSearchOps os = LabSupport.ops(version)) {
            URI endpoint = LabSupport.lab(version).httpEndpoint();
            String before = AllocationLabSupport.rawSettings(endpoint);
            OpsValidationException e = assertThrows(OpsValidationException.class,
                    () -> os.drain(DrainRequest.builder("opensearch-nope-9").build()).plan());
            assertTrue(e.getMessage().contains("unknown node 'opensearch-nope-9'"), e.getMessage());
            assertTrue(e.getMessage().contains(NODE), e.getMessage());
            assertThrows(OpsValidationException.class, () -> os.undrain("opensearch-nope-9").plan());
            assertEquals(before, AllocationLabSupport.rawSettings(endpoint));
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void interruptedApplyIsResumedWithTheSameOperationIdAndLeavesNothingBehind(String version) throws Exception {
        List<String> indices = List.of(LabSupport.uniqueIndex("resume-a"), LabSupport.uniqueIndex("resume-b"));
        try (OpenSearchOps os = LabSupport.ops(version)) {
            for (String index : indices) {
                AllocationLabSupport.indexWithDocs(os, index, 3, 500);
            }
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(CONCURRENT, "1")
                    .persistent(MAX_BYTES, "1mb").build());
            Operation<Void> drain = os.drain(DrainRequest.builder(NODE).recoveryLimits(RecoveryLimits.of(2, "2mb"))
                    .pollInterval(Duration.ofMillis(100)).build());
            Plan plan = drain.plan();
            InMemoryJournal journal = new InMemoryJournal();
            ApplyOptions options = ApplyOptions.builder().journal(journal).leaseStore(os.leaseStore())
                    .operationId("drain-resume-" + version).build();

            List<Object> first = new ArrayList<>();
            Thread applier = new Thread(() -> {
                try {
                    first.add(drain.apply(plan, options).status());
                } catch (OpsCancelledException e) {
                    first.add(e);
                }
            });
            applier.start();
            awaitSetting(os, CONCURRENT, "2");
            applier.interrupt();
            applier.join(30_000);
            assertFalse(applier.isAlive());
            assertEquals(1, first.size());
            assertTrue(first.get(0) instanceof OpsCancelledException, "interrupted apply: " + first);
            assertEquals("1", os.clusterSettings(false).persistent().get(CONCURRENT), "restored after the interruption");

            OperationResult<Void> resumed = drain.apply(plan, options.toBuilder()
                    .journal(journal).build());
            assertEquals(OperationStatus.SUCCEEDED, resumed.status(), resumed.toString());
            assertTrue(os.shards().stream().noneMatch(row -> row.occupies(NODE)));
            ClusterSettings after = os.clusterSettings(false);
            assertEquals("1", after.persistent().get(CONCURRENT));
            assertEquals("1mb", after.persistent().get(MAX_BYTES));
            assertEquals(NODE, after.persistent().get(EXCLUDE), "exactly one entry, no duplicate from the resume");
        } finally {
            try (OpenSearchOps os = LabSupport.ops(version)) {
                AllocationLabSupport.resetAllocation(os);
            }
            LabSupport.deleteIndices(version, indices.get(0), indices.get(1));
        }
    }

    /**
     * A second apply on the same cluster while the first runs (it has added its voting exclusion, so it
     * holds the lease) must be refused naming the holder.
     */
    private static LeaseHeldException awaitLeaseHeld(Operation<Void> drain, Plan plan, OpenSearchOps os,
                                                     CompletableFuture<?> first) throws InterruptedException {
        while (!first.isDone() && os.allocation().votingExclusions().isEmpty()) {
            Thread.sleep(10);
        }
        return assertThrows(LeaseHeldException.class, () -> drain.apply(plan, ApplyOptions.builder()
                .journal(new InMemoryJournal()).leaseStore(os.leaseStore()).owner("drain-owner-b").build()));
    }

    private static void awaitSetting(OpenSearchOps os, String key, String value) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (value.equals(os.clusterSettings(false).persistent().get(key))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(key + " never became " + value);
    }
}
