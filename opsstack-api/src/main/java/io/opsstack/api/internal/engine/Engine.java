package io.opsstack.api.internal.engine;

import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The apply engine behind {@code PlanExecutor}. Not part of the supported API. */
public final class Engine {

    private static final Duration PLANNING_DEADLINE = Duration.ofHours(1);

    private Engine() {
    }

    public static <R> OperationResult<R> apply(OperationDefinition<R> definition, Plan plan, ApplyOptions options) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(options, "options");
        PlanChecks.belongsTo(definition, plan);
        String operationId = options.operationId() != null ? options.operationId() : plan.id();
        EventSink events = new EventSink(operationId, options.listener(), options.maxRecordedEvents());
        Instant startedAt = Instant.now();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        try {
            if (options.dryRun() != DryRun.NONE) {
                return DryRunner.run(definition, plan, options, operationId, events, deadline, startedAt);
            }
            return new ApplyRun<>(definition, plan, options, operationId, events, deadline).execute(startedAt);
        } catch (RuntimeException | Error e) {
            events.finished(OperationStatus.FAILED);
            throw e;
        }
    }

    /** The plan with every step's guards evaluated now, read-only (values cannot be saved). */
    public static Plan evaluateGuards(OperationDefinition<?> definition, Plan plan) {
        EventSink nowhere = new EventSink(plan.id(), ProgressListeners.none(), 0);
        RunContext run = new RunContext(plan.id(), plan, DryRun.CLIENT, null, Map.of(),
                System.nanoTime() + PLANNING_DEADLINE.toNanos(), nowhere);
        List<Supplier<PlannedStep>> steps = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            steps.add(() -> step.toBuilder().guards(StepGuards.evaluateInOrder(definition, step, new RunStepContext(run, step)))
                    .build());
        }
        return plan.toBuilder().steps(GuardRunner.all(definition, steps)).build();
    }
}
