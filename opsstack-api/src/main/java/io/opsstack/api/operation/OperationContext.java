package io.opsstack.api.operation;

import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.plan.Plan;

import java.time.Duration;
import java.util.Optional;

/** What operation code gets from the engine for the whole apply (results and cleanup). */
public interface OperationContext {

    /** The operation id (journal and lease key) of this apply. */
    String operationId();

    Plan plan();

    DryRun dryRun();

    /**
     * Saves a value in the journal, e.g. a setting's value before a step changes it, so a resumed
     * run or {@link OperationDefinition#cleanup} can restore it. {@code value} may be null, meaning
     * "was unset".
     *
     * @throws IllegalStateException in a dry run or at plan time, where nothing may be written
     */
    void saveValue(String key, String value);

    /** A value saved in this or an earlier run of the same operation id. */
    Optional<SavedValue> savedValue(String key);

    /** Time left before the apply's overall timeout; never negative. */
    Duration remaining();

    /** @throws io.opsstack.api.error.OpsCancelledException if the applying thread was interrupted */
    void checkCancelled();
}
