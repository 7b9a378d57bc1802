package io.opsstack.api.internal.engine;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.PlanStaleException;
import io.opsstack.api.journal.JournalRecord;
import io.opsstack.api.journal.JournalStatus;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;

import java.util.List;
import java.util.Objects;

/** The checks made before anything runs. */
final class PlanChecks {

    private PlanChecks() {
    }

    /** The plan was made for this operation and target, and every guard it names exists. */
    static void belongsTo(OperationDefinition<?> definition, Plan plan) {
        Objects.requireNonNull(plan, "plan");
        if (!plan.operation().equals(definition.name()) || !plan.target().equals(definition.target())) {
            throw new OpsValidationException("plan " + plan.id() + " is for " + plan.operation() + " on "
                    + plan.target() + ", not for " + definition.name() + " on " + definition.target(),
                    definition.target());
        }
        for (PlannedStep step : plan.steps()) {
            for (String guard : step.guardNames()) {
                Objects.requireNonNull(definition.guard(guard), () -> "guard '" + guard + "' of step " + step.id());
            }
        }
    }

    /** An existing journal record under this operation id must belong to the same plan. */
    static void journalMatches(JournalRecord record, Plan plan) {
        if (record.status() == JournalStatus.NEW) {
            return;
        }
        if (!plan.operation().equals(record.operation()) || !plan.target().equals(record.target())
                || !plan.fingerprint().sha256().equals(record.planFingerprint())) {
            throw new OpsValidationException("operation id " + record.operationId()
                    + " is already used in the journal by another plan (" + record.operation() + " on "
                    + record.target() + "); choose another operation id", plan.target());
        }
    }

    /** Refuses the plan if the facts it was made from have changed. */
    static void notStale(OperationDefinition<?> definition, Plan plan) {
        List<String> changes = plan.fingerprint().changesTo(definition.currentStateFacts());
        if (!changes.isEmpty()) {
            throw new PlanStaleException(plan.target(), plan.operation(), changes);
        }
    }
}
