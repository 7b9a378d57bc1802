package io.opsstack.api.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The step ran to completion and was recorded in the journal. */
public record StepSucceeded(String operationId, String stepId, Instant timestamp, long sequence, Duration duration)
        implements StepEvent {

    public StepSucceeded {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(duration, "duration");
    }

    @Override
    public String type() {
        return "step_succeeded";
    }

    @Override
    public String describe() {
        return "succeeded in " + EventMaps.human(duration);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = EventMaps.base(this);
        map.put("duration", duration.toString());
        return map;
    }
}
