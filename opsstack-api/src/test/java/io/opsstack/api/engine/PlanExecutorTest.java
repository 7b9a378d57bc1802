package io.opsstack.api.engine;

import io.opsstack.api.error.ApplyTimeoutException;
import io.opsstack.api.error.LeaseHeldException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.OperationFailedException;
import io.opsstack.api.error.PlanStaleException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepFailed;
import io.opsstack.api.event.StepProgress;
import io.opsstack.api.event.StepSkipped;
import io.opsstack.api.event.StepWaiting;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.journal.JournalStatus;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.FailurePolicy;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanExecutorTest {

    private final FakeSystem system = new FakeSystem();
    private final FakeDrain drain = new FakeDrain(system);
    private final InMemoryJournal journal = new InMemoryJournal();
    private final InMemoryLeaseStore leases = new InMemoryLeaseStore();
    private final CollectingListener events = ProgressListeners.collecting();

    private ApplyOptions.Builder options() {
        return ApplyOptions.builder().journal(journal).leaseStore(leases).listener(events);
    }

    @Test
    void appliesEveryStepInOrderAndReportsSuccess() {
        Plan plan = drain.plan();

        OperationResult<String> result = PlanExecutor.apply(drain, plan, options().build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(List.of("exclude-n1", "move-shards", "restart-n1", "include-n1", "wait-green"),
                system.executedSnapshot());
        assertEquals(plan.id(), result.operationId());
        assertEquals("drained 5 steps", result.value());
        assertTrue(result.steps().stream().allMatch(step -> step.status() == StepStatus.SUCCEEDED));
        assertEquals(JournalStatus.SUCCEEDED, journal.read(plan.id()).status());
        assertEquals(5, journal.read(plan.id()).completedSteps().size());
        assertEquals(List.of("SUCCEEDED exclude.before=(unset)"), drain.cleanups);
        // The lease was released: another apply on the target can take it.
        leases.acquire("cluster-a", "someone", "other-op", Duration.ofMinutes(1)).release();
    }

    @Test
    void eventsOfEachStepComeInFixedOrder() {
        Plan plan = drain.plan();

        PlanExecutor.apply(drain, plan, options().build());

        List<String> types = events.events().stream().map(event -> event.stepId() + ":" + event.type()).toList();
        assertEquals(List.of(
                "exclude-n1:step_started", "exclude-n1:step_succeeded",
                "move-shards:step_started", "move-shards:step_progress", "move-shards:step_progress",
                "move-shards:step_progress", "move-shards:step_succeeded",
                "restart-n1:step_started", "restart-n1:step_succeeded",
                "include-n1:step_started", "include-n1:step_succeeded",
                "wait-green:step_started", "wait-green:step_succeeded",
                "null:plan_finished"), types);
        List<StepEvent> all = events.events();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).sequence());
        }
        StepProgress last = (StepProgress) all.get(5);
        assertEquals(3, last.done());
        assertEquals(Duration.ZERO, last.eta(), "nothing left to do");
    }

    @Test
    void stalePlanIsRefusedNamingTheChangedFactAndNothingRuns() {
        Plan plan = drain.plan();
        system.facts.put("cluster.health", "yellow");
        system.facts.put("relocating", "2");

        PlanStaleException stale = assertThrows(PlanStaleException.class,
                () -> PlanExecutor.apply(drain, plan, options().build()));

        assertEquals(List.of("changed cluster.health: green -> yellow", "added relocating: 2"), stale.changes());
        assertTrue(stale.getMessage().contains("cluster.health: green -> yellow"), stale.getMessage());
        assertTrue(system.executedSnapshot().isEmpty());
        assertEquals(JournalStatus.NEW, journal.read(plan.id()).status());
        assertEquals("plan_finished", events.events().get(events.events().size() - 1).type());
    }

    @Test
    void failingGuardStopsTheApplyNamingGuardAndReason() {
        Plan plan = drain.plan();
        system.conditions.put("n1.reachable", "false");

        UnsafeOperationException unsafe = assertThrows(UnsafeOperationException.class,
                () -> PlanExecutor.apply(drain, plan, options().onFailure(FailurePolicy.CONTINUE).build()));

        assertEquals("node-reachable", unsafe.guard());
        assertEquals("n1.reachable is false, expected true", unsafe.guardReason());
        assertEquals("restart-n1", unsafe.stepId().orElseThrow());
        assertEquals("cluster-a", unsafe.target().orElseThrow());
        assertEquals(FakeDrain.NAME, unsafe.operation().orElseThrow());
        assertEquals(List.of("exclude-n1", "move-shards"), system.executedSnapshot());
        StepFailed failed = events.events().stream().filter(StepFailed.class::isInstance).map(StepFailed.class::cast)
                .findFirst().orElseThrow();
        assertEquals("restart-n1", failed.stepId());
        assertEquals("UnsafeOperationException", failed.errorType());
        assertTrue(failed.message().contains("node-reachable"), failed.message());
        assertEquals(JournalStatus.FAILED, journal.read(plan.id()).status());
    }

    @Test
    void throwingListenerDoesNotChangeTheOutcome() {
        ProgressListener broken = event -> {
            throw new IllegalStateException("listener bug");
        };
        Plan plan = drain.plan();

        OperationResult<String> result = PlanExecutor.apply(drain, plan,
                options().listener(ProgressListeners.composite(broken, events)).build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(5, system.executedSnapshot().size());
        assertEquals(14, events.events().size());

        OperationResult<String> direct = PlanExecutor.apply(new FakeDrain(new FakeSystem()),
                new FakeDrain(new FakeSystem()).plan(), options().listener(broken).build());
        assertEquals(OperationStatus.SUCCEEDED, direct.status());
    }

    @Test
    void resultKeepsOnlyTheLastEvents() {
        OperationResult<String> result = PlanExecutor.apply(drain, drain.plan(), options().maxRecordedEvents(3).build());

        assertEquals(3, result.events().size());
        assertEquals(List.of(12L, 13L, 14L), result.events().stream().map(StepEvent::sequence).toList());
        assertEquals("plan_finished", result.events().get(2).type());
        assertEquals(14, events.events().size(), "the listener still gets every event");
    }

    @Test
    void stopPolicyRethrowsTheFirstFailureWithContext() {
        drain.behaviours.put("move-shards", (step, context) -> {
            throw new IllegalArgumentException("disk full");
        });
        Plan plan = drain.plan();

        OpsException failure = assertThrows(OpsException.class, () -> PlanExecutor.apply(drain, plan, options().build()));

        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertEquals("move-shards", failure.stepId().orElseThrow());
        assertEquals("cluster-a", failure.target().orElseThrow());
        assertEquals(List.of("exclude-n1", "move-shards"), system.executedSnapshot());
        List<StepSkipped> skipped = events.events().stream().filter(StepSkipped.class::isInstance)
                .map(StepSkipped.class::cast).toList();
        assertEquals(List.of("restart-n1", "include-n1", "wait-green"),
                skipped.stream().map(StepSkipped::stepId).toList());
        assertEquals(List.of("FAILED exclude.before=(unset)"), drain.cleanups, "cleanup runs on failure too");
    }

    @Test
    void continuePolicyRunsLaterStepsAndListsEveryFailure() {
        drain.behaviours.put("move-shards", (step, context) -> {
            throw new IllegalStateException("shard stuck");
        });
        drain.behaviours.put("include-n1", (step, context) -> {
            throw new OpsException("settings refused");
        });
        Plan plan = drain.plan();

        OperationFailedException failed = assertThrows(OperationFailedException.class,
                () -> PlanExecutor.apply(drain, plan, options().onFailure(FailurePolicy.CONTINUE).build()));

        assertEquals(List.of("move-shards", "include-n1"), failed.failedSteps());
        assertEquals(2, failed.getSuppressed().length);
        assertInstanceOf(IllegalStateException.class, failed.getSuppressed()[0].getCause());
        assertTrue(failed.getMessage().contains("shard stuck") && failed.getMessage().contains("settings refused"),
                failed.getMessage());
        assertEquals(5, system.executedSnapshot().size());
        OperationResult<?> result = failed.result();
        assertEquals(OperationStatus.FAILED, result.status());
        assertEquals(List.of("exclude-n1", "restart-n1", "wait-green"), result.stepIds(StepStatus.SUCCEEDED));
        assertEquals(List.of("move-shards", "include-n1"), result.stepIds(StepStatus.FAILED));
    }

    @Test
    void planOfAnotherTargetIsRefusedBeforeAnythingHappens() {
        Plan other = new FakeDrain(new FakeSystem(), "cluster-b").plan();

        OpsValidationException refused = assertThrows(OpsValidationException.class,
                () -> PlanExecutor.apply(drain, other, options().build()));

        assertTrue(refused.getMessage().contains("cluster-b"), refused.getMessage());
        assertTrue(system.executedSnapshot().isEmpty());
        assertTrue(events.events().isEmpty());
    }

    @Test
    void operationIdUsedByAnotherPlanIsRefused() {
        Plan first = drain.plan();
        PlanExecutor.apply(drain, first, options().operationId("shared-id").build());
        system.facts.put("nodes", "n1,n2");
        Plan second = drain.plan();

        OpsValidationException refused = assertThrows(OpsValidationException.class,
                () -> PlanExecutor.apply(drain, second, options().operationId("shared-id").build()));

        assertTrue(refused.getMessage().contains("shared-id"), refused.getMessage());
    }

    @Test
    void noStepStartsAfterTheTimeout() {
        drain.behaviours.put("move-shards", (step, context) -> {
            while (!context.remaining().isZero()) {
                Thread.sleep(5);
            }
        });
        Plan plan = drain.plan();

        ApplyTimeoutException timeout = assertThrows(ApplyTimeoutException.class,
                () -> PlanExecutor.apply(drain, plan, options().timeout(Duration.ofMillis(300)).build()));

        assertEquals("restart-n1", timeout.stepId().orElseThrow());
        assertEquals(Duration.ofMillis(300), timeout.timeout());
        assertEquals(List.of("exclude-n1", "move-shards"), system.executedSnapshot());
    }

    @Test
    void operationViewAppliesAsynchronously() throws Exception {
        Operation<String> operation = PlanExecutor.operation(drain);
        Plan plan = operation.plan();

        OperationResult<String> result = operation.applyAsync(plan, options().build()).get(30, TimeUnit.SECONDS);

        assertEquals(OperationStatus.SUCCEEDED, result.status());
        assertEquals(FakeDrain.NAME, operation.name());
        assertNotNull(result.toMap().get("events"));
        assertFalse(result.toMap().containsKey("unknown"));
    }

    @Test
    void resultMapUsesPlainTypes() {
        OperationResult<String> result = PlanExecutor.apply(drain, drain.plan(), options().build());

        var map = result.toMap();
        assertEquals("SUCCEEDED", map.get("status"));
        assertEquals("drained 5 steps", map.get("value"));
        assertEquals(5, ((List<?>) map.get("steps")).size());
    }
    @Test
    void stepReportsWaitingAndRetriesAsEventsOfThatStep() {
        drain.behaviours.put("wait-green", (step, context) -> {
            context.waitObserver().onPoll(1, Duration.ofSeconds(2), "cluster health green");
            context.retrying(1, Duration.ofMillis(500), "HTTP 503");
            context.waiting("still yellow");
        });

        PlanExecutor.apply(drain, drain.plan(), options().build());

        List<StepEvent> ofStep = events.events().stream().filter(event -> "wait-green".equals(event.stepId())).toList();
        assertEquals(List.of("step_started", "step_waiting", "step_retrying", "step_waiting", "step_succeeded"),
                ofStep.stream().map(StepEvent::type).toList());
        assertEquals("cluster health green (attempt 1, 2s elapsed)", ((StepWaiting) ofStep.get(1)).message());
    }

    @Test
    void leaseIsRenewedWhileAStepRuns() throws Exception {
        drain.behaviours.put("move-shards", (step, context) -> {
            Instant first = heldUntil();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!heldUntil().isAfter(first)) {
                assertTrue(System.nanoTime() < giveUp, "the lease was never renewed");
                Thread.sleep(50);
            }
        });

        OperationResult<String> result = PlanExecutor.apply(drain, drain.plan(),
                options().leaseTtl(Duration.ofMillis(600)).build());

        assertEquals(OperationStatus.SUCCEEDED, result.status());
    }

    private Instant heldUntil() {
        return assertThrows(LeaseHeldException.class,
                () -> leases.acquire("cluster-a", "probe", "probe-op", Duration.ofMinutes(1))).expiresAt();
    }
}
