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

/** Evaluates a step's named guards; a guard that throws counts as failing. */
final class StepGuards {

    private StepGuards() {
    }

    static List<GuardCheck> evaluate(OperationDefinition<?> definition, PlannedStep step, StepContext context) {
        List<GuardCheck> checks = new ArrayList<>();
        for (String name : step.guardNames()) {
            checks.add(evaluate(definition, name, step, context));
        }
        return checks;
    }

    /** @throws UnsafeOperationException for the first guard that does not pass */
    static void require(OperationDefinition<?> definition, Plan plan, PlannedStep step, StepContext context) {
        for (String name : step.guardNames()) {
            GuardCheck check = evaluate(definition, name, step, context);
            if (!check.passed()) {
                throw new UnsafeOperationException(name, check.reason(), plan.target(), plan.operation(), step.id());
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
