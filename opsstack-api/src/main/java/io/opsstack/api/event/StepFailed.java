package io.opsstack.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The step failed or a guard blocked it; {@code errorType} is the exception's simple class name. */
public record StepFailed(String operationId, String stepId, Instant timestamp, long sequence,
        String errorType, String message)
        implements StepEvent {

    public StepFailed {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String type() {
        return "step_failed";
    }

    @Override
    public String describe() {
        return "failed: " + errorType + ": " + message;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = EventMaps.base(this);
        map.put("error_type", errorType);
        map.put("message", message);
        return map;
    }
}
