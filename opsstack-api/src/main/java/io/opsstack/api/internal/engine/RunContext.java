package io.opsstack.api.internal.engine;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.journal.Journal;
import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.plan.Plan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The whole-apply context; saved values go to the journal unless the run may not write. */
class RunContext implements OperationContext {

    private final String operationId;
    private final Plan plan;
    private final DryRun dryRun;
    private final Journal journal;
    private final long deadlineNanos;
    private final Map<String, String> savedValues;
    final EventSink events;

    /**
     * @param journal where saved values are written; null when nothing may be written (dry run, planning)
     * @param deadlineNanos {@link System#nanoTime()} after which no step may start
     */
    RunContext(String operationId, Plan plan, DryRun dryRun, Journal journal, Map<String, String> savedValues,
               long deadlineNanos, EventSink events) {
        this.operationId = operationId;
        this.plan = plan;
        this.dryRun = dryRun;
        this.journal = journal;
        this.savedValues = new LinkedHashMap<>(savedValues);
        this.deadlineNanos = deadlineNanos;
        this.events = events;
    }

    @Override
    public String operationId() {
        return operationId;
    }

    @Override
    public Plan plan() {
        return plan;
    }

    @Override
    public DryRun dryRun() {
        return dryRun;
    }

    @Override
    public void saveValue(String key, String value) {
        if (journal == null) {
            throw new IllegalStateException("values cannot be saved in a dry run or while planning (key '" + key + "')");
        }
        synchronized (savedValues) {
            journal.saveValue(operationId, key, value);
            savedValues.put(key, value);
        }
    }

    @Override
    public Optional<SavedValue> savedValue(String key) {
        synchronized (savedValues) {
            return savedValues.containsKey(key) ? Optional.of(new SavedValue(key, savedValues.get(key))) : Optional.empty();
        }
    }

    @Override
    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean pastDeadline() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    @Override
    public void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new OpsCancelledException("apply of " + plan.operation() + " on " + plan.target()
                    + " was cancelled (thread interrupted)", null);
        }
    }

    @Override
    public String toString() {
        return "OperationContext[" + operationId + "]";
    }
}
