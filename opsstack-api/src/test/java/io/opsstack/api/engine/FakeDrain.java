package io.opsstack.api.engine;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A five-step drain over a {@link FakeSystem}: exclude-n1, move-shards, restart-n1, include-n1,
 * wait-green. Step behaviours can be replaced per test.
 */
class FakeDrain implements OperationDefinition<String> {

    static final String NAME = "fake-drain";

    final FakeSystem system;
    final String target;
    final Map<String, StepBehaviour> behaviours = new ConcurrentHashMap<>();
    final List<String> cleanups = Collections.synchronizedList(new ArrayList<>());
    private List<PlannedStep.Builder> steps;

    FakeDrain(FakeSystem system) {
        this(system, "cluster-a");
    }

    FakeDrain(FakeSystem system, String target) {
        this.system = system;
        this.target = target;
        this.steps = List.of(
                PlannedStep.builder("exclude-n1", StepAction.UPDATE_SETTING, target)
                        .description("exclude n1 from shard allocation")
                        .change("cluster.routing.allocation.exclude._name", null, "n1")
                        .guard("cluster-green"),
                PlannedStep.builder("move-shards", StepAction.MOVE, "n1")
                        .description("move 3 shards off n1").guard("cluster-green"),
                PlannedStep.builder("restart-n1", StepAction.RESTART, "n1")
                        .description("restart n1").disruptive(true).guard("node-reachable"),
                PlannedStep.builder("include-n1", StepAction.INCLUDE, target)
                        .description("allow allocation to n1 again")
                        .change("cluster.routing.allocation.exclude._name", "n1", null),
                PlannedStep.builder("wait-green", StepAction.WAIT, target).description("wait for green"));
        behaviours.put("exclude-n1", (step, context) -> {
            context.saveValue("exclude.before", system.facts.get("exclude"));
            system.facts.put("exclude", "n1");
        });
        behaviours.put("move-shards", (step, context) -> {
            for (int moved = 1; moved <= 3; moved++) {
                context.progress(moved, 3, "shards");
            }
        });
    }

    /** Replaces the step templates (for parallel-group tests). */
    FakeDrain withSteps(List<PlannedStep.Builder> replacement) {
        this.steps = replacement;
        return this;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Plan plan() {
        Plan.Builder plan = Plan.builder(NAME, target).parameter("node", "n1").stateFacts(system.factsSnapshot());
        steps.forEach(plan::step);
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return system.factsSnapshot();
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        system.executed.add(step.id());
        StepBehaviour behaviour = behaviours.get(step.id());
        if (behaviour == null) {
            return;
        }
        try {
            behaviour.run(step, context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Guard guard(String name) {
        switch (name) {
            case "cluster-green":
                return new ConditionGuard(name, "health", "green");
            case "node-reachable":
                return new ConditionGuard(name, "n1.reachable", "true");
            default:
                throw new OpsValidationException("unknown guard " + name);
        }
    }

    @Override
    public String result(OperationContext context) {
        return "drained " + system.executedSnapshot().size() + " steps";
    }

    @Override
    public void cleanup(OperationContext context, OperationStatus status) {
        cleanups.add(status + " exclude.before=" + context.savedValue("exclude.before")
                .map(saved -> saved.wasUnset() ? "(unset)" : saved.value()).orElse("(none)"));
    }

    /** Passes while a live condition has the expected value. */
    private final class ConditionGuard implements Guard {
        private final String name;
        private final String key;
        private final String expected;

        ConditionGuard(String name, String key, String expected) {
            this.name = name;
            this.key = key;
            this.expected = expected;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public GuardResult check(PlannedStep step, StepContext context) {
            String actual = system.conditions.get(key);
            return expected.equals(actual)
                    ? GuardResult.pass(key + " is " + actual)
                    : GuardResult.fail(key + " is " + actual + ", expected " + expected);
        }
    }
}
