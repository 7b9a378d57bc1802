package io.opsstack.api.internal.engine;

import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.wait.WaitObserver;

import java.time.Duration;
import java.util.Optional;

/** The context of one step: the apply's context plus reporting, which emits the step's events. */
final class RunStepContext implements StepContext {

    private final RunContext run;
    private final PlannedStep step;
    private final long startedNanos = System.nanoTime();

    RunStepContext(RunContext run, PlannedStep step) {
        this.run = run;
        this.step = step;
    }

    @Override
    public PlannedStep step() {
        return step;
    }

    @Override
    public void progress(long done, long total, String unit) {
        run.events.progress(step.id(), done, total, unit, eta(done, total));
    }

    // Linear estimate from the rate so far; unknown until something was done.
    private Duration eta(long done, long total) {
        if (done <= 0 || total < done) {
            return null;
        }
        long elapsed = System.nanoTime() - startedNanos;
        return Duration.ofNanos((long) ((double) elapsed * (total - done) / done));
    }

    @Override
    public void waiting(String message) {
        run.events.waiting(step.id(), message);
    }

    @Override
    public void retrying(int attempt, Duration delay, String cause) {
        run.events.retrying(step.id(), attempt, delay, cause);
    }

    @Override
    public WaitObserver waitObserver() {
        return new StepWaitObserver(this);
    }

    @Override
    public String operationId() {
        return run.operationId();
    }

    @Override
    public Plan plan() {
        return run.plan();
    }

    @Override
    public DryRun dryRun() {
        return run.dryRun();
    }

    @Override
    public void saveValue(String key, String value) {
        run.saveValue(key, value);
    }

    @Override
    public Optional<SavedValue> savedValue(String key) {
        return run.savedValue(key);
    }

    @Override
    public Duration remaining() {
        return run.remaining();
    }

    @Override
    public void checkCancelled() {
        run.checkCancelled();
    }

    @Override
    public String toString() {
        return "StepContext[" + run.operationId() + ", step " + step.id() + "]";
    }

    private static final class StepWaitObserver implements WaitObserver {
        private final RunStepContext context;

        StepWaitObserver(RunStepContext context) {
            this.context = context;
        }

        @Override
        public void onPoll(int attempt, Duration elapsed, String description) {
            context.waiting(description + " (attempt " + attempt + ", " + elapsed.toSeconds() + "s elapsed)");
        }
    }
}
