package io.opsstack.api.engine;

import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.operation.StepOutcome;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.ServerValidation;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.plan.ValidationStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DryRunTest {

    private final FakeSystem system = new FakeSystem();
    private final InMemoryJournal journal = new InMemoryJournal();
    private final InMemoryLeaseStore leases = new InMemoryLeaseStore();

    @Test
    void clientDryRunExecutesNothingWritesNothingAndTakesNoLease() {
        FakeDrain drain = new FakeDrain(system);
        Plan plan = drain.plan();
        system.conditions.put("n1.reachable", "false");
        leases.acquire("cluster-a", "someone-else", "their-op", Duration.ofMinutes(5));
        CollectingListener events = ProgressListeners.collecting();

        OperationResult<String> result = PlanExecutor.apply(drain, plan, ApplyOptions.builder().dryRun(DryRun.CLIENT)
                .journal(journal).leaseStore(leases).listener(events).build());

        assertEquals(OperationStatus.DRY_RUN, result.status());
        assertTrue(system.executedSnapshot().isEmpty());
        assertTrue(journal.list().isEmpty());
        assertTrue(drain.cleanups.isEmpty());
        assertEquals(List.of(StepStatus.WOULD_RUN, StepStatus.WOULD_RUN, StepStatus.BLOCKED, StepStatus.WOULD_RUN,
                StepStatus.WOULD_RUN), result.steps().stream().map(StepOutcome::status).toList());
        assertTrue(result.step("restart-n1").orElseThrow().message().contains("node-reachable"));
        assertEquals(List.of("step_skipped", "step_skipped", "step_skipped", "step_skipped", "step_skipped",
                "plan_finished"), events.events().stream().map(StepEvent::type).toList());
    }

    @Test
    void dryRunStillRefusesAStalePlan() {
        FakeDrain drain = new FakeDrain(system);
        Plan plan = drain.plan();
        system.facts.put("nodes", "n1,n2");

        assertThrows(io.opsstack.api.error.PlanStaleException.class, () -> PlanExecutor.apply(drain, plan,
                ApplyOptions.builder().dryRun(DryRun.CLIENT).journal(journal).leaseStore(leases).build()));
    }

    @Test
    void serverDryRunValidatesWhereSupportedAndNeverPretends() {
        FakeDrain drain = new FakeDrain(system) {
            @Override
            public ServerValidation serverValidate(PlannedStep step, StepContext context) {
                if (step.action() == StepAction.MOVE) {
                    return ServerValidation.validated("reroute dry_run accepted 3 commands");
                }
                if (step.action() == StepAction.UPDATE_SETTING) {
                    return ServerValidation.rejected("unknown setting");
                }
                return super.serverValidate(step, context);
            }
        };
        Plan plan = drain.plan();

        OperationResult<String> result = PlanExecutor.apply(drain, plan, ApplyOptions.builder().dryRun(DryRun.SERVER)
                .journal(journal).leaseStore(leases).build());

        assertEquals(ValidationStatus.REJECTED, result.step("exclude-n1").orElseThrow().validation().status());
        assertEquals(StepStatus.BLOCKED, result.step("exclude-n1").orElseThrow().status());
        assertEquals(ValidationStatus.VALIDATED, result.step("move-shards").orElseThrow().validation().status());
        assertEquals(StepStatus.WOULD_RUN, result.step("move-shards").orElseThrow().status());
        StepOutcome restart = result.step("restart-n1").orElseThrow();
        assertEquals(ValidationStatus.NOT_VALIDATED, restart.validation().status());
        assertTrue(restart.message().contains("not validated"), restart.message());
        assertTrue(system.executedSnapshot().isEmpty());
    }
}
