package io.opsstack.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The step is about to run (its guards are evaluated next). */
public record StepStarted(String operationId, String stepId, Instant timestamp, long sequence)
        implements StepEvent {

    public StepStarted {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(stepId, "stepId");
    }

    @Override
    public String type() {
        return "step_started";
    }

    @Override
    public String describe() {
        return "started";
    }

    @Override
    public Map<String, Object> toMap() {
        return EventMaps.base(this);
    }
}
