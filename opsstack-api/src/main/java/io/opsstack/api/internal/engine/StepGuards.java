package io.opsstack.api.internal.engine;

import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.GuardCheck;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates a step's named guards; a guard that throws counts as failing. Guards of a definition that allows it
 * are evaluated at the same time ({@link GuardRunner}).
 */
final class StepGuards {

    private StepGuards() {
    }

    static List<GuardCheck> evaluate(OperationDefinition<?> definition, PlannedStep step, StepContext context) {
        List<Supplier<GuardCheck>> checks = new ArrayList<>();
        for (String name : step.guardNames()) {
            checks.add(() -> evaluate(definition, name, step, context));
        }
        return GuardRunner.all(definition, checks);
    }

    /** One after the other on the caller's thread, for callers that already spread steps over threads. */
    static List<GuardCheck> evaluateInOrder(OperationDefinition<?> definition, PlannedStep step, StepContext context) {
        List<GuardCheck> checks = new ArrayList<>();
        for (String name : step.guardNames()) {
            checks.add(evaluate(definition, name, step, context));
        }
        return checks;
    }

    /**
     * Sequential guards stop at the first that fails; concurrent ones are all read, and the first failing in declared
     * order is reported.
     *
     * @throws UnsafeOperationException for the first guard that does not pass
     */
    static void require(OperationDefinition<?> definition, Plan plan, PlannedStep step, StepContext context) {
        List<GuardCheck> concurrent = definition.concurrentGuards() ? evaluate(definition, step, context) : null;
        List<String> names = step.guardNames();
        for (int i = 0; i < names.size(); i++) {
            GuardCheck check = concurrent != null ? concurrent.get(i) : evaluate(definition, names.get(i), step, context);
            if (!check.passed()) {
                throw new UnsafeOperationException(check.name(), check.reason(), plan.target(), plan.operation(), step.id());
            }
        }
    }

    private static GuardCheck evaluate(OperationDefinition<?> definition, String name, PlannedStep step,
                                       StepContext context) {
        try {
            GuardResult result = definition.guard(name).check(step, context);
            return result.toCheck(name);
        } catch (RuntimeException e) {
            return new GuardCheck(name, false, "the check itself failed: " + e);
        }
    }
}
