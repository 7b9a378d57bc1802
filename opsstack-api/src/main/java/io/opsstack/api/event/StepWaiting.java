package io.opsstack.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The step is waiting for a condition (one event per poll). */
public record StepWaiting(String operationId, String stepId, Instant timestamp, long sequence, String message)
        implements StepEvent {

    public StepWaiting {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String type() {
        return "step_waiting";
    }

    @Override
    public String describe() {
        return "waiting: " + message;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = EventMaps.base(this);
        map.put("message", message);
        return map;
    }
}
