package io.opsstack.api.internal.engine;

import io.opsstack.api.error.ApplyTimeoutException;
import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.journal.Journal;
import io.opsstack.api.journal.JournalRecord;
import io.opsstack.api.journal.JournalStatus;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.DryRun;
import io.opsstack.api.operation.FailurePolicy;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.StepOutcome;
import io.opsstack.api.operation.StepStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One apply that executes: lease, journal, stale check, then the steps in order behind their
 * guards, then result, cleanup and the final journal entry.
 */
final class ApplyRun<R> {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyRun.class);

    private final OperationDefinition<R> definition;
    private final Plan plan;
    private final ApplyOptions options;
    private final String operationId;
    private final EventSink events;
    private final long deadlineNanos;
    private final Map<String, StepOutcome> outcomes = new ConcurrentHashMap<>();
    private final List<StepFailure> failures = new ArrayList<>();
    private Set<String> completedEarlier = Set.of();
    private Journal journal;
    private RunContext run;
    private LeaseKeeper lease;
    private volatile RuntimeException stopCause;
    private volatile String stopStep;

    ApplyRun(OperationDefinition<R> definition, Plan plan, ApplyOptions options, String operationId,
             EventSink events, long deadlineNanos) {
        this.definition = definition;
        this.plan = plan;
        this.options = options;
        this.operationId = operationId;
        this.events = events;
        this.deadlineNanos = deadlineNanos;
    }

    OperationResult<R> execute(Instant startedAt) {
        journal = options.journal();
        String owner = options.owner() != null ? options.owner() : LeaseKeeper.defaultOwner();
        boolean interrupted = false;
        try (LeaseKeeper held = LeaseKeeper.acquire(options.leaseStore(), plan.target(), owner, operationId,
                options.leaseTtl())) {
            lease = held;
            JournalRecord record = journal.read(operationId);
            PlanChecks.journalMatches(record, plan);
            if (record.completedSteps().isEmpty()) {
                PlanChecks.notStale(definition, plan);
            } else {
                LOG.info("resuming {}: {} of {} steps completed in an earlier run", operationId,
                        record.completedSteps().size(), plan.steps().size());
            }
            completedEarlier = new HashSet<>(record.completedSteps());
            journal.begin(operationId, plan.operation(), plan.target(), plan.fingerprint().sha256());
            run = new RunContext(operationId, plan, DryRun.NONE, journal, record.savedValues(), deadlineNanos, events);
            runSteps();
            // An interrupt would abort the journal and lease file writes below; restore it afterwards.
            interrupted = Thread.interrupted();
            return finish(startedAt);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runSteps() {
        for (List<PlannedStep> batch : batches(plan.steps())) {
            if (stopCause != null) {
                break;
            }
            if (batch.size() == 1 || options.maxParallel() == 1) {
                for (PlannedStep step : batch) {
                    if (stopCause != null) {
                        break;
                    }
                    runStep(step);
                }
            } else {
                runConcurrently(batch);
            }
        }
        for (PlannedStep step : plan.steps()) {
            if (!outcomes.containsKey(step.id())) {
                String reason = "not run: the apply stopped" + (stopStep == null ? "" : " at step " + stopStep);
                outcomes.put(step.id(), outcome(step, StepStatus.NOT_RUN, Duration.ZERO, null, reason));
                events.skipped(step.id(), reason);
            }
        }
    }

    private void runStep(PlannedStep step) {
        if (completedEarlier.contains(step.id())) {
            outcomes.put(step.id(), outcome(step, StepStatus.SKIPPED, Duration.ZERO, null, "completed in an earlier run"));
            events.skipped(step.id(), "completed in an earlier run");
            return;
        }
        RuntimeException refusal = refusalToStart(step);
        if (refusal != null) {
            stop(step, refusal);
            return;
        }
        events.started(step.id());
        long started = System.nanoTime();
        RunStepContext context = new RunStepContext(run, step);
        try {
            StepGuards.require(definition, plan, step, context);
            context.checkCancelled();
            definition.execute(step, context);
            journal.stepCompleted(operationId, step.id());
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            outcomes.put(step.id(), outcome(step, StepStatus.FAILED, took, e, message(e)));
            events.failed(step.id(), e);
            synchronized (failures) {
                failures.add(new StepFailure(step, e));
            }
            boolean alwaysStops = e instanceof UnsafeOperationException || e instanceof OpsCancelledException;
            if (alwaysStops || options.onFailure() == FailurePolicy.STOP) {
                stop(step, e);
            }
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        outcomes.put(step.id(), outcome(step, StepStatus.SUCCEEDED, took, null, null));
        events.succeeded(step.id(), took);
    }

    /** Why the step must not start now (deadline passed, lease lost, cancelled), or null. */
    private RuntimeException refusalToStart(PlannedStep step) {
        if (run.pastDeadline()) {
            return new ApplyTimeoutException("the apply exceeded its timeout of " + options.timeout()
                    + "; step " + step.id() + " and the steps after it were not started",
                    plan.target(), plan.operation(), step.id(), options.timeout());
        }
        try {
            lease.checkHeld();
            run.checkCancelled();
            return null;
        } catch (OpsException e) {
            return e;
        }
    }

    private synchronized void stop(PlannedStep step, RuntimeException cause) {
        if (stopCause == null) {
            stopCause = cause;
            stopStep = step.id();
        }
    }

    private void runConcurrently(List<PlannedStep> batch) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.maxParallel(), batch.size()), task -> {
            Thread thread = new Thread(task, "opsstack-step-" + operationId + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (PlannedStep step : batch) {
                running.add(pool.submit(() -> {
                    if (stopCause == null) {
                        runStep(step);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            stop(batch.get(0), OpsCancelledException.interrupted("waiting for the steps of parallel group "
                    + batch.get(0).parallelGroup(), e));
        } catch (ExecutionException e) {
            // runStep handles exceptions; only Errors get here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("parallel steps did not stop within a minute of being interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OperationResult<R> finish(Instant startedAt) {
        OperationStatus status = failures.isEmpty() && stopCause == null ? OperationStatus.SUCCEEDED : OperationStatus.FAILED;
        RuntimeException endFailure = null;
        R value = null;
        if (status == OperationStatus.SUCCEEDED) {
            try {
                value = definition.result(run);
            } catch (RuntimeException e) {
                endFailure = Failures.withContext(e, plan, null);
                status = OperationStatus.FAILED;
            }
        }
        RuntimeException cleanupFailure = null;
        try {
            definition.cleanup(run, status);
        } catch (RuntimeException e) {
            cleanupFailure = Failures.withContext(e, plan, null);
            status = OperationStatus.FAILED;
        }
        journal.finish(operationId, status == OperationStatus.SUCCEEDED ? JournalStatus.SUCCEEDED : JournalStatus.FAILED);
        events.finished(status);
        List<StepOutcome> ordered = plan.steps().stream().map(step -> outcomes.get(step.id())).toList();
        OperationResult<R> result = new OperationResult<>(operationId, plan.operation(), plan.target(), status,
                ordered, startedAt, Instant.now(), value, events.recorded());
        if (status == OperationStatus.SUCCEEDED) {
            return result;
        }
        RuntimeException thrown = failureToThrow(result, endFailure, cleanupFailure);
        if (cleanupFailure != null && thrown != cleanupFailure) {
            thrown.addSuppressed(cleanupFailure);
        }
        throw thrown;
    }

    private RuntimeException failureToThrow(OperationResult<R> result, RuntimeException endFailure,
                                            RuntimeException cleanupFailure) {
        if (stopCause != null) {
            RuntimeException thrown = Failures.withContext(stopCause, plan, stopStep);
            for (StepFailure failure : failures) {
                if (failure.error() != stopCause) {
                    thrown.addSuppressed(Failures.withContext(failure.error(), plan, failure.step().id()));
                }
            }
            return thrown;
        }
        if (!failures.isEmpty()) {
            List<StepFailure> inPlanOrder = new ArrayList<>(failures);
            inPlanOrder.sort((a, b) -> Integer.compare(a.step().index(), b.step().index()));
            return Failures.continued(inPlanOrder, plan, result);
        }
        return endFailure != null ? endFailure : cleanupFailure;
    }

    private static StepOutcome outcome(PlannedStep step, StepStatus status, Duration duration, RuntimeException error,
                                       String message) {
        return new StepOutcome(step.id(), status, duration, error == null ? null : error.getClass().getSimpleName(),
                message, step.validation());
    }

    private static String message(RuntimeException error) {
        return error instanceof OpsException ops ? ops.reason() : String.valueOf(error.getMessage());
    }

    /** Adjacent steps of the same parallel group form one batch; every other step is a batch of its own. */
    static List<List<PlannedStep>> batches(List<PlannedStep> steps) {
        List<List<PlannedStep>> batches = new ArrayList<>();
        List<PlannedStep> current = new ArrayList<>();
        for (PlannedStep step : steps) {
            boolean joins = !current.isEmpty() && step.parallelGroup() != null
                    && step.parallelGroup().equals(current.get(0).parallelGroup());
            if (!joins && !current.isEmpty()) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(step);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
