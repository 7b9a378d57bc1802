package io.opsstack.api.engine;

import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelGroupTest {

    private final FakeSystem system = new FakeSystem();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    private FakeDrain restartsInOneGroup(int nodes, StepBehaviour behaviour) {
        List<PlannedStep.Builder> steps = new ArrayList<>();
        steps.add(PlannedStep.builder("prepare", StepAction.READ, "cluster-a"));
        for (int node = 1; node <= nodes; node++) {
            steps.add(PlannedStep.builder("restart-n" + node, StepAction.RESTART, "n" + node).parallelGroup("restarts"));
        }
        steps.add(PlannedStep.builder("verify", StepAction.READ, "cluster-a"));
        FakeDrain drain = new FakeDrain(system).withSteps(steps);
        drain.behaviours.clear();
        for (int node = 1; node <= nodes; node++) {
            drain.behaviours.put("restart-n" + node, (step, context) -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    behaviour.run(step, context);
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        return drain;
    }

    private static ApplyOptions.Builder options() {
        return ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(new InMemoryLeaseStore());
    }

    @Test
    void groupRunsConcurrentlyUpToMaxParallel() {
        CyclicBarrier pairs = new CyclicBarrier(2);
        // Each step waits for a partner: this only completes if two steps really run at once.
        FakeDrain drain = restartsInOneGroup(4, (step, context) -> pairs.await(30, TimeUnit.SECONDS));

        OperationResult<String> result = PlanExecutor.apply(drain, drain.plan(), options().maxParallel(2).build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(2, mostAtOnce.get());
        List<String> executed = system.executedSnapshot();
        assertEquals("prepare", executed.get(0));
        assertEquals("verify", executed.get(executed.size() - 1), "the next step waits for the whole group");
        assertEquals(6, executed.size());
    }

    @Test
    void defaultRunsGroupMembersOneAtATime() {
        FakeDrain drain = restartsInOneGroup(3, (step, context) -> Thread.sleep(20));

        PlanExecutor.apply(drain, drain.plan(), options().build());

        assertEquals(1, mostAtOnce.get());
        assertEquals(List.of("prepare", "restart-n1", "restart-n2", "restart-n3", "verify"), system.executedSnapshot());
    }

    @Test
    void failureInGroupStopsLaterSteps() {
        FakeDrain drain = restartsInOneGroup(2, (step, context) -> {
            if (step.id().equals("restart-n2")) {
                throw new IllegalStateException("n2 did not come back");
            }
        });

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> PlanExecutor.apply(drain, drain.plan(), options().maxParallel(2).build()));

        assertTrue(failure.getMessage().contains("n2 did not come back"), failure.getMessage());
        assertFalse(system.executedSnapshot().contains("verify"));
    }
}
