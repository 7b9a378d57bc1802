package io.opsstack.api.journal;

import java.util.List;

/**
 * Durable record of applies, keyed by operation id: which steps completed, which values steps
 * saved, and how the apply ended. An apply reads it to resume after a crash.
 *
 * <p>Implementations must be thread-safe: steps of a parallel group record completions concurrently.
 * Writes must be durable when the method returns.
 */
public interface Journal {

    /** What is known about {@code operationId}; {@link JournalRecord#empty(String)} if nothing. */
    JournalRecord read(String operationId);

    /** Records that an apply of the plan with {@code planFingerprint} begins (or resumes); status becomes RUNNING. */
    void begin(String operationId, String operation, String target, String planFingerprint);

    /** Records that a step completed; a resumed apply skips it. */
    void stepCompleted(String operationId, String stepId);

    /** Records a value; {@code value} may be null, meaning "was unset". The latest value of a key wins. */
    void saveValue(String operationId, String key, String value);

    /** Records how the apply ended. */
    void finish(String operationId, JournalStatus status);

    /** Every operation id the journal knows, with its current record. */
    List<JournalRecord> list();
}
