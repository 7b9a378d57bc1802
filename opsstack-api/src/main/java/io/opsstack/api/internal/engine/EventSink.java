package io.opsstack.api.internal.engine;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.event.PlanFinished;
import io.opsstack.api.event.ProgressListener;
import io.opsstack.api.event.StepEvent;
import io.opsstack.api.event.StepFailed;
import io.opsstack.api.event.StepProgress;
import io.opsstack.api.event.StepRetrying;
import io.opsstack.api.event.StepSkipped;
import io.opsstack.api.event.StepStarted;
import io.opsstack.api.event.StepSucceeded;
import io.opsstack.api.event.StepWaiting;
import io.opsstack.api.operation.OperationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Numbers the events of one apply, hands them to the listener one at a time and keeps the last
 * {@code capacity} for the result. A failing listener is logged and otherwise ignored.
 */
final class EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventSink.class);

    private final String operationId;
    private final ProgressListener listener;
    private final int capacity;
    private final Deque<StepEvent> recent = new ArrayDeque<>();
    private long sequence;
    private boolean finished;

    EventSink(String operationId, ProgressListener listener, int capacity) {
        this.operationId = operationId;
        this.listener = listener;
        this.capacity = capacity;
    }

    void started(String stepId) {
        synchronized (this) {
            deliver(new StepStarted(operationId, stepId, Instant.now(), ++sequence));
        }
    }

    void waiting(String stepId, String message) {
        synchronized (this) {
            deliver(new StepWaiting(operationId, stepId, Instant.now(), ++sequence, message));
        }
    }

    void progress(String stepId, long done, long total, String unit, Duration eta) {
        synchronized (this) {
            deliver(new StepProgress(operationId, stepId, Instant.now(), ++sequence, done, total, unit, eta));
        }
    }

    void retrying(String stepId, int attempt, Duration delay, String cause) {
        synchronized (this) {
            deliver(new StepRetrying(operationId, stepId, Instant.now(), ++sequence, attempt, delay, cause));
        }
    }

    void succeeded(String stepId, Duration duration) {
        synchronized (this) {
            deliver(new StepSucceeded(operationId, stepId, Instant.now(), ++sequence, duration));
        }
    }

    void skipped(String stepId, String reason) {
        synchronized (this) {
            deliver(new StepSkipped(operationId, stepId, Instant.now(), ++sequence, reason));
        }
    }

    void failed(String stepId, Throwable error) {
        String message = error instanceof OpsException ops ? ops.reason() : String.valueOf(error.getMessage());
        synchronized (this) {
            deliver(new StepFailed(operationId, stepId, Instant.now(), ++sequence, error.getClass().getSimpleName(),
                    message));
        }
    }

    /** Emits the final event once; later calls are ignored. */
    synchronized void finished(OperationStatus status) {
        if (!finished) {
            finished = true;
            deliver(new PlanFinished(operationId, Instant.now(), ++sequence, status));
        }
    }

    synchronized List<StepEvent> recorded() {
        return List.copyOf(recent);
    }

    private void deliver(StepEvent event) {
        if (capacity > 0) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(event);
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("progress listener {} failed on event {} #{}; ignored", listener, event.type(), event.sequence(), e);
        }
    }
}
