package io.opsstack.api.internal.engine;

import io.opsstack.api.journal.JournalRecord;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepOutcome;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.GuardCheck;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.ServerValidation;
import io.opsstack.api.plan.ValidationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run: reads the journal and checks staleness like an apply, then evaluates every step's
 * guards (and, for SERVER, asks the system to validate the step) without executing anything. It
 * takes no lease and writes no journal entry: it changes nothing, so it needs no exclusion.
 */
final class DryRunner {

    private DryRunner() {
    }

    static <R> OperationResult<R> run(OperationDefinition<R> definition, Plan plan, ApplyOptions options,
                                      String operationId, EventSink events, long deadlineNanos, Instant startedAt) {
        JournalRecord record = options.journal().read(operationId);
        PlanChecks.journalMatches(record, plan);
        if (record.completedSteps().isEmpty()) {
            PlanChecks.notStale(definition, plan);
        }
        RunContext run = new RunContext(operationId, plan, options.dryRun(), null, record.savedValues(),
                deadlineNanos, events);
        List<StepOutcome> outcomes = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            StepOutcome outcome = record.isCompleted(step.id())
                    ? new StepOutcome(step.id(), StepStatus.SKIPPED, Duration.ZERO, null, "completed in an earlier run",
                            step.validation())
                    : check(definition, step, new RunStepContext(run, step), options.dryRun());
            outcomes.add(outcome);
            events.skipped(step.id(), outcome.status() == StepStatus.SKIPPED ? outcome.message()
                    : "dry run: " + outcome.message());
        }
        events.finished(OperationStatus.DRY_RUN);
        return new OperationResult<>(operationId, plan.operation(), plan.target(), OperationStatus.DRY_RUN, outcomes,
                startedAt, Instant.now(), null, events.recorded());
    }

    private static StepOutcome check(OperationDefinition<?> definition, PlannedStep step, RunStepContext context,
                                     DryRun mode) {
        for (GuardCheck guard : StepGuards.evaluate(definition, step, context)) {
            if (!guard.passed()) {
                return new StepOutcome(step.id(), StepStatus.BLOCKED, Duration.ZERO, null,
                        "blocked by guard '" + guard.name() + "': " + guard.reason(), step.validation());
            }
        }
        if (mode != DryRun.SERVER) {
            return new StepOutcome(step.id(), StepStatus.WOULD_RUN, Duration.ZERO, null, "would run; guards pass",
                    step.validation());
        }
        ServerValidation validation = validate(definition, step, context);
        if (validation.status() == ValidationStatus.REJECTED) {
            return new StepOutcome(step.id(), StepStatus.BLOCKED, Duration.ZERO, null,
                    "rejected by server validation: " + validation.reason(), validation);
        }
        String note = validation.status() == ValidationStatus.VALIDATED ? "validated by the server"
                : "not validated by the server: " + validation.reason();
        return new StepOutcome(step.id(), StepStatus.WOULD_RUN, Duration.ZERO, null, "would run; guards pass; " + note,
                validation);
    }

    private static ServerValidation validate(OperationDefinition<?> definition, PlannedStep step, RunStepContext context) {
        try {
            ServerValidation validation = definition.serverValidate(step, context);
            return validation != null ? validation : ServerValidation.notValidated("no server-side validation");
        } catch (RuntimeException e) {
            return ServerValidation.notValidated("server validation could not be made: " + e);
        }
    }
}
