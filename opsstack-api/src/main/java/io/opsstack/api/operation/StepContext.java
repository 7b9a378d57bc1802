package io.opsstack.api.operation;

import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.wait.WaitObserver;

import java.time.Duration;

/** What a step's code and its guards get from the engine. Reporting methods emit events. */
public interface StepContext extends OperationContext {

    PlannedStep step();

    /** Reports progress; the emitted {@code StepProgress} carries an ETA computed from the rate so far. */
    void progress(long done, long total, String unit);

    /** Reports that the step waits for a condition. */
    void waiting(String message);

    /** Reports that a call failed transiently and will be retried after {@code delay}. */
    void retrying(int attempt, Duration delay, String cause);

    /** An observer for waiters that reports every poll as a {@code StepWaiting} event. */
    WaitObserver waitObserver();
}
