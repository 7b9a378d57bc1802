package io.opsstack.patroni.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.event.ProgressListeners;
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
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.testkit.patroni.WriteProbe;
import io.opsstack.testkit.patroni.WriteProbeReport;

/** Rolling restart against the real lab: order, one write gap, resume of an interrupted run. */
class RollingRestartOperationTest {

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
    void lowersHotStandbySensitiveParameterPrimaryFirstAndRaisesReplicasFirst() throws Exception {
        String leader = OpsLab.awaitConverged(ops).leader().orElseThrow().name();
        Plan lowering = ops.rollingRestart(RollingRestartRequest.builder().force(true)
                .parameterChanges(List.of(new ParameterChange("max_connections", "50", "40", true))).build()).plan();
        List<PlannedStep> restarts = restarts(lowering);
        assertEquals("restart-primary-" + leader, restarts.get(0).id(), lowering.render());
        assertTrue(restarts.stream().anyMatch(step -> step.id().startsWith("restart-replica-again-")), lowering.render());

        Plan raising = ops.rollingRestart(RollingRestartRequest.builder().force(true)
                .parameterChanges(List.of(new ParameterChange("max_connections", "50", "60", true))).build()).plan();
        List<PlannedStep> raisingRestarts = restarts(raising);
        assertTrue(raisingRestarts.get(0).id().startsWith("restart-replica-"), raising.render());
        assertEquals(StepAction.SWITCHOVER, raising.steps().stream().filter(PlannedStep::disruptive)
                .filter(step -> !step.action().equals(StepAction.RESTART)).findFirst().orElseThrow().action());

        Plan nothingPending = ops.rollingRestart(RollingRestartRequest.pending()).plan();
        assertTrue(restarts(nothingPending).isEmpty(), "without pending restarts nothing restarts: " + nothingPending.render());
    }

    @Test
    void interruptedRollingRestartResumesByOperationIdWithOneWriteGap() throws Exception {
        ClusterView before = OpsLab.awaitConverged(ops);
        String leader = before.leader().orElseThrow().name();
        Operation<ClusterStatus> restart = ops.rollingRestart(RollingRestartRequest.builder().force(true).build());
        Plan plan = restart.plan();
        System.out.println(plan.render());
        String firstRestart = restarts(plan).get(0).id();
        String operationId = "rolling-restart-test-" + System.nanoTime();

        try (WriteProbe probe = WriteProbe.start(OpsLab.lab())) {
            Thread.sleep(500);
            // stop the first run right after its first replica restart, as a crash would
            ApplyOptions interrupting = ApplyOptions.builder().journalDirectory(journal).operationId(operationId)
                    .listener((StepEvent event) -> {
                        System.out.println(ProgressListeners.line(event));
                        if (event instanceof StepSucceeded succeeded && succeeded.stepId().equals(firstRestart)) {
                            Thread.currentThread().interrupt();
                        }
                    }).build();
            assertThrows(OpsCancelledException.class, () -> restart.apply(plan, interrupting));
            Thread.interrupted();

            OperationResult<ClusterStatus> resumed = restart.apply(plan,
                    ApplyOptions.builder().journalDirectory(journal).operationId(operationId)
                            .listener(ProgressListeners.printStream(System.out)).build());
            Thread.sleep(500);
            WriteProbeReport report = probe.stop();
            System.out.println("rolling restart write probe: " + report.toMap());

            assertEquals(OperationStatus.SUCCEEDED, resumed.status());
            assertEquals(StepStatus.SKIPPED, resumed.step(firstRestart).orElseThrow().status(), "done in the first run");
            ClusterView after = ClusterView.of(resumed.value());
            assertTrue(after.isConverged(), after.toString());
            assertTrue(!after.leader().orElseThrow().name().equals(leader), "the primary was switched over");
            assertEquals(0, report.lost(), report.toString());
            assertEquals(1, report.gaps().size(), "one write gap for the whole rolling restart: " + report.toMap());
        }
    }

    private static List<PlannedStep> restarts(Plan plan) {
        return plan.steps().stream().filter(step -> step.action() == StepAction.RESTART).toList();
    }
}
