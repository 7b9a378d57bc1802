package io.opsstack.patroni.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.PlanStaleException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.GuardCheck;
import io.opsstack.api.plan.Plan;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ScheduledSwitchover;
import io.opsstack.testkit.patroni.WriteProbe;
import io.opsstack.testkit.patroni.WriteProbeReport;

/** Planned switchover against the real lab: guards, refusals before any change, lease, write probe. */
class SwitchoverOperationTest {

    private static PatroniOps ops;

    @TempDir
    Path journal;

    @BeforeAll
    static void connect() {
        OpsLab.lab().ensureHealthy();
        ops = OpsLab.ops();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @Test
    void twoConcurrentAppliesRunOnceAndNoAcknowledgedWriteIsLost() throws Exception {
        ClusterView before = OpsLab.awaitConverged(ops);
        String leader = before.leader().orElseThrow().name();
        Operation<SwitchoverResult> switchover = ops.plannedSwitchover(SwitchoverPlanRequest.toAnyReplica());
        Plan plan = switchover.plan();
        String candidate = plan.parameters().get("candidate");
        assertNotEquals(leader, candidate);
        assertTrue(plan.steps().get(0).guards().stream().allMatch(GuardCheck::passed), plan.render());
        assertTrue(plan.render().contains("restarted as a replica"), plan.render());

        ApplyOptions options = ApplyOptions.builder().journalDirectory(journal).build();
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<CompletableFuture<OperationResult<SwitchoverResult>>> applies = new ArrayList<>();
        try (WriteProbe probe = WriteProbe.start(OpsLab.lab())) {
            Thread.sleep(1000);
            for (int i = 0; i < 2; i++) {
                applies.add(CompletableFuture.supplyAsync(() -> {
                    bothStarted.countDown();
                    awaitQuietly(bothStarted);
                    return switchover.apply(plan, options);
                }));
            }
            List<OperationResult<SwitchoverResult>> succeeded = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (CompletableFuture<OperationResult<SwitchoverResult>> apply : applies) {
                try {
                    succeeded.add(apply.join());
                } catch (CompletionException e) {
                    refused.add(e.getCause());
                }
            }
            Thread.sleep(1000);
            WriteProbeReport report = probe.stop();
            System.out.println("switchover write probe: " + report.toMap());

            assertEquals(1, succeeded.size(), "exactly one apply runs; refusals: " + refused);
            assertEquals(1, refused.size());
            assertInstanceOf(LeaseHeldException.class, refused.get(0));
            OperationResult<SwitchoverResult> result = succeeded.get(0);
            assertEquals(OperationStatus.SUCCEEDED, result.status());
            assertEquals(candidate, result.value().leader());
            assertEquals(leader, result.value().formerLeader());
            assertTrue(ClusterView.of(result.value().cluster()).isConverged(candidate), result.value().cluster().toString());

            assertEquals(0, report.lost(), "acknowledged writes lost: " + report);
            assertTrue(report.acknowledged() > 20, report.toString());
            assertFalse(report.gaps().isEmpty(), "a switchover interrupts writes briefly: " + report.toMap());
        }
    }

    @Test
    void nofailoverCandidateIsRefusedBeforeAnyChange() throws Exception {
        ClusterView before = OpsLab.awaitConverged(ops);
        String leader = before.leader().orElseThrow().name();
        String candidate = before.replicas().get(0).name();
        OpsLab.tagNofailover(ops, candidate, true);
        try {
            Operation<SwitchoverResult> switchover = ops.plannedSwitchover(SwitchoverPlanRequest.to(candidate));
            Plan plan = switchover.plan();
            GuardCheck tagged = plan.steps().get(0).guards().stream()
                    .filter(guard -> guard.name().equals("candidate-not-nofailover")).findFirst().orElseThrow();
            assertFalse(tagged.passed(), plan.render());

            UnsafeOperationException refusal = assertThrows(UnsafeOperationException.class,
                    () -> switchover.apply(plan, ApplyOptions.builder().journalDirectory(journal).build()));
            assertEquals("candidate-not-nofailover", refusal.guard());
            assertTrue(refusal.getMessage().contains("nofailover"), refusal.getMessage());
            assertEquals(leader, ops.clusterView().leader().orElseThrow().name(), "nothing changed");
        } finally {
            OpsLab.tagNofailover(ops, candidate, false);
        }
    }

    @Test
    void stalePlanIsRefused() throws Exception {
        OpsLab.awaitConverged(ops);
        Operation<SwitchoverResult> switchover = ops.plannedSwitchover(SwitchoverPlanRequest.toAnyReplica());
        Plan plan = switchover.plan();
        String leader = plan.parameters().get("leader");
        ops.patchConfig(Map.of("pause", true));
        try {
            awaitPaused(true);
            PlanStaleException stale = assertThrows(PlanStaleException.class,
                    () -> switchover.apply(plan, ApplyOptions.builder().journalDirectory(journal).build()));
            assertTrue(stale.changes().stream().anyMatch(change -> change.contains("paused")), stale.changes().toString());
            assertEquals(leader, ops.clusterView().leader().orElseThrow().name(), "nothing changed");
        } finally {
            Map<String, Object> resume = new java.util.HashMap<>();
            resume.put("pause", null);
            ops.patchConfig(resume);
            awaitPaused(false);
        }
    }

    @Test
    void scheduledSwitchoverIsRegisteredAndCanBeCancelled() throws Exception {
        String leader = OpsLab.awaitConverged(ops).leader().orElseThrow().name();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0);
        Operation<SwitchoverResult> scheduled = ops.plannedSwitchover(SwitchoverPlanRequest.builder().scheduledAt(at).build());
        Plan plan = scheduled.plan();
        assertEquals(List.of("schedule-switchover"), plan.steps().stream().map(step -> step.id()).toList());
        try {
            OperationResult<SwitchoverResult> result = scheduled.apply(plan, ApplyOptions.builder().journalDirectory(journal).build());
            assertEquals(leader, result.value().leader(), "nothing switches before the scheduled time");
            ScheduledSwitchover pending = ops.cluster().scheduledSwitchover();
            assertNotNull(pending, "/cluster shows the schedule");
            assertEquals(plan.parameters().get("candidate"), pending.to());
        } finally {
            ops.cancelScheduledSwitchover();
        }
        assertNull(ops.cluster().scheduledSwitchover());
    }

    @Test
    void failoverWithAHealthyLeaderPassesItsGuardsAtPlanTime() {
        ClusterView view = ops.clusterView();
        String replica = view.replicas().get(0).name();
        Plan plan = ops.plannedFailover(FailoverPlanRequest.to(replica)).plan();
        assertTrue(plan.steps().get(0).guards().stream().allMatch(GuardCheck::passed), plan.render());
        assertEquals(view.leader().orElseThrow().name(), plan.parameters().get("leader"));
    }

    private static void awaitPaused(boolean paused) throws InterruptedException {
        long deadline = System.nanoTime() + OpsLab.CONVERGE.toNanos();
        while (ops.cluster().paused() != paused) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/cluster never showed pause=" + paused);
            }
            Thread.sleep(300);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
