package io.opsstack.testkit.junit;

import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import java.time.Duration;

/** For bad-input tables, where every case must be refused before anything changes. */
public final class BadInput {

    private BadInput() {
    }

    /** Builds the operation under test; building may already refuse the input. */
    public interface OperationCall {
        Operation<?> operation();
    }

    /** What a script does: plan, then apply that plan (in-memory journal, bounded by {@code timeout}). */
    public static void planAndApply(Operation<?> operation, Duration timeout) {
        operation.apply(operation.plan(), ApplyOptions.builder().journal(new InMemoryJournal()).timeout(timeout).build());
    }
}
