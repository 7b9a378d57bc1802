package io.opsstack.api.operation;

import io.opsstack.api.event.StepEvent;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an apply ended.
 *
 * @param operationId the operation (journal) id
 * @param operation the operation name
 * @param target the target
 * @param status SUCCEEDED, DRY_RUN or FAILED
 * @param steps the outcome of every step, in plan order
 * @param startedAt when the apply started
 * @param finishedAt when it ended
 * @param value the operation's result value; null when it has none (dry runs, failures, {@code Void})
 * @param events the last events of the apply (bounded by {@code ApplyOptions.maxRecordedEvents}),
 *        for callers that cannot pass a listener
 * @param <R> the value type; must be {@code Serializable} for the result to be
 */
public record OperationResult<R>(String operationId, String operation, String target, OperationStatus status,
                                 List<StepOutcome> steps, Instant startedAt, Instant finishedAt, R value,
                                 List<StepEvent> events) implements Serializable {

    public OperationResult {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        steps = List.copyOf(steps);
        events = List.copyOf(events);
    }

    /** The value, empty when there is none. */
    public Optional<R> optionalValue() {
        return Optional.ofNullable(value);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The outcome of a step, if the plan has it. */
    public Optional<StepOutcome> step(String stepId) {
        return steps.stream().filter(outcome -> outcome.stepId().equals(stepId)).findFirst();
    }

    /** The ids of steps with the given status, in plan order. */
    public List<String> stepIds(StepStatus wanted) {
        return steps.stream().filter(outcome -> outcome.status() == wanted).map(StepOutcome::stepId).toList();
    }

    @Override
    public String toString() {
        return "OperationResult[" + operationId + ", " + operation + " on " + target + ": " + status
                + ", " + steps.size() + " steps, " + duration() + "]";
    }

    /** Plain map for Groovy {@code echo}/{@code writeJSON}; the value appears through its own {@code toMap()} if it has one. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("operation_id", operationId);
        map.put("operation", operation);
        map.put("target", target);
        map.put("status", status.name());
        map.put("started_at", startedAt.toString());
        map.put("finished_at", finishedAt.toString());
        map.put("duration", duration().toString());
        map.put("steps", steps.stream().map(StepOutcome::toMap).toList());
        map.put("value", plain(value));
        map.put("events", events.stream().map(StepEvent::toMap).toList());
        return map;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        try {
            Method toMap = value.getClass().getMethod("toMap");
            if (Map.class.isAssignableFrom(toMap.getReturnType())) {
                return toMap.invoke(value);
            }
        } catch (ReflectiveOperationException | SecurityException e) {
            // No usable toMap(): fall back to the text form.
        }
        return value.toString();
    }
}
