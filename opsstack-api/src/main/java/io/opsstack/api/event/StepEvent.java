package io.opsstack.api.event;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * Progress of an apply, delivered to a {@link ProgressListener} in sequence order. Per step the
 * order is fixed: {@link StepStarted}, then any {@link StepWaiting}, {@link StepProgress} and
 * {@link StepRetrying}, then exactly one of {@link StepSucceeded} or {@link StepFailed}; a step that
 * does not run gets a single {@link StepSkipped}. {@link PlanFinished} comes last.
 */
public sealed interface StepEvent extends Serializable
        permits StepStarted, StepWaiting, StepProgress, StepRetrying, StepSucceeded, StepSkipped, StepFailed,
        PlanFinished {

    /** The operation (journal) id of the apply. */
    String operationId();

    /** The step the event is about; null for {@link PlanFinished}. */
    String stepId();

    Instant timestamp();

    /** 1-based position of the event within its apply. */
    long sequence();

    /** Stable snake_case type name used in maps and JSON lines, e.g. {@code step_started}. */
    String type();

    /** What happened, in a few words (without operation and step ids). */
    String describe();

    /** Plain map with {@code type}, {@code operation_id}, {@code step_id}, {@code timestamp}, {@code sequence} and the event's own fields. */
    Map<String, Object> toMap();
}
