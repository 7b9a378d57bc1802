package io.opsstack.api.engine;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.lease.InMemoryLeaseStore;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.GuardCheck;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards of a definition that declares them read-only run at the same time; the verdicts keep their declared order.
 * A guard that meets a barrier sized to its siblings passes only when they really run together: one after the other,
 * the barrier times out and the guard fails.
 */
class ConcurrentGuardsTest {

    @Test
    void planningEvaluatesTheStepsAtTheSameTime() {
        CyclicBarrier threeSteps = new CyclicBarrier(3);
        Definition definition = new Definition(true, Map.of("meet", threeSteps),
                step("a", "meet", "pass"), step("b", "meet", "pass"), step("c", "meet", "pass"));

        Plan plan = definition.plan();

        for (PlannedStep step : plan.steps()) {
            assertEquals(List.of("meet", "pass"), step.guards().stream().map(GuardCheck::name).toList());
            assertTrue(step.guards().stream().allMatch(GuardCheck::passed), step.guards().toString());
        }
    }

    @Test
    void applyEvaluatesAStepsGuardsAtTheSameTimeAndReportsTheFirstFailureInDeclaredOrder() {
        CyclicBarrier twoGuards = new CyclicBarrier(2);
        Definition definition = new Definition(true, Map.of("meet", twoGuards, "fail-slow", twoGuards),
                step("only", "meet", "fail-slow", "fail-fast"));
        Plan plan = definition.draft();

        UnsafeOperationException unsafe = assertThrows(UnsafeOperationException.class,
                () -> PlanExecutor.apply(definition, plan, options()));

        assertEquals("fail-slow", unsafe.guard(), "the first failing guard in declared order is reported");
        assertEquals(List.of("fail-fast-", "fail-slow-", "meet+"), definition.called.stream().sorted().toList(),
                "every guard was read, and meet found fail-slow at the barrier");
        assertTrue(definition.executed.isEmpty(), "the step did not run");
    }

    @Test
    void sequentialGuardsStopAtTheFirstFailure() {
        Definition definition = new Definition(false, Map.of(), step("only", "fail-fast", "pass"));
        Plan plan = definition.draft();

        UnsafeOperationException unsafe = assertThrows(UnsafeOperationException.class,
                () -> PlanExecutor.apply(definition, plan, options()));

        assertEquals("fail-fast", unsafe.guard());
        assertEquals(List.of("fail-fast-"), definition.called, "the guard after the failing one is not read");
    }

    @Test
    void sequentialGuardsNeverMeetEachOther() {
        CyclicBarrier two = new CyclicBarrier(2);
        Definition definition = new Definition(false, Map.of("meet", two), step("a", "meet"), step("b", "meet"));

        Plan plan = definition.plan();

        assertTrue(plan.steps().stream().flatMap(step -> step.guards().stream()).noneMatch(GuardCheck::passed),
                "one after the other, no guard finds a partner at the barrier: " + plan.steps());
    }

    private static ApplyOptions options() {
        return ApplyOptions.builder().journal(new InMemoryJournal()).leaseStore(new InMemoryLeaseStore()).build();
    }

    private static PlannedStep.Builder step(String id, String... guards) {
        PlannedStep.Builder step = PlannedStep.builder(id, StepAction.WAIT, "t").description("step " + id);
        for (String guard : guards) {
            step.guard(guard);
        }
        return step;
    }

    /**
     * Guards: {@code pass}; {@code meet} waits at its barrier (1 s) and passes when all parties came; {@code fail-slow}
     * and {@code fail-fast} fail, the slow one after its barrier. Calls are recorded as name + verdict ({@code +/-}).
     */
    private static final class Definition implements OperationDefinition<Void> {
        private final boolean concurrent;
        private final List<PlannedStep.Builder> steps;
        private final Map<String, CyclicBarrier> barriers;
        private final List<String> called = Collections.synchronizedList(new ArrayList<>());
        private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

        Definition(boolean concurrent, Map<String, CyclicBarrier> barriers, PlannedStep.Builder... steps) {
            this.concurrent = concurrent;
            this.barriers = barriers;
            this.steps = List.of(steps);
        }

        Plan draft() {
            Plan.Builder plan = Plan.builder("guards", "t");
            steps.forEach(plan::step);
            return plan.build();
        }

        @Override
        public String name() {
            return "guards";
        }

        @Override
        public String target() {
            return "t";
        }

        @Override
        public Plan plan() {
            return PlanExecutor.evaluateGuards(this, draft());
        }

        @Override
        public Map<String, String> currentStateFacts() {
            return Map.of();
        }

        @Override
        public void execute(PlannedStep step, StepContext context) {
            executed.add(step.id());
        }

        @Override
        public boolean concurrentGuards() {
            return concurrent;
        }

        @Override
        public Guard guard(String name) {
            return switch (name) {
                case "pass" -> new NamedGuard(name, (step, context) -> called(name, GuardResult.pass("fine")));
                case "meet" -> new NamedGuard(name, (step, context) -> meet(name) ? called(name, GuardResult.pass("met"))
                        : called(name, GuardResult.fail("alone at the barrier")));
                case "fail-slow" -> new NamedGuard(name, (step, context) -> {
                    meet(name);
                    return called(name, GuardResult.fail("slow refusal"));
                });
                case "fail-fast" -> new NamedGuard(name, (step, context) -> called(name, GuardResult.fail("fast refusal")));
                default -> throw new OpsValidationException("no guard " + name);
            };
        }

        private boolean meet(String guard) {
            CyclicBarrier barrier = barriers.get(guard);
            try {
                barrier.await(1, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        private GuardResult called(String guard, GuardResult result) {
            called.add(guard + (result.passed() ? "+" : "-"));
            return result;
        }
    }
}
