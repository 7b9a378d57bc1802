package io.opsstack.api.guard;

import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.PlannedStep;
import java.util.Objects;

/**
 * A guard made of a stable name and a check, for operations whose guards are methods of the
 * operation itself: {@code new NamedGuard("cluster-not-red", (step, ctx) -> ...)}.
 */
public final class NamedGuard implements Guard {
    /** Reads the current state and decides; never changes anything. */
    public interface Check {
        GuardResult check(PlannedStep step, StepContext context);
    }

    private final String name;
    private final Check check;

    public NamedGuard(String name, Check check) {
        this.name = Objects.requireNonNull(name, "name");
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GuardResult check(PlannedStep step, StepContext context) {
        return check.check(step, context);
    }

    @Override
    public String toString() {
        return "guard " + name;
    }
}
