package io.opsstack.api.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A call within the step failed transiently and will be retried after {@code delay}. */
public record StepRetrying(String operationId, String stepId, Instant timestamp, long sequence,
        int attempt, Duration delay, String cause)
        implements StepEvent {

    public StepRetrying {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String type() {
        return "step_retrying";
    }

    @Override
    public String describe() {
        return "retrying (attempt " + attempt + " in " + EventMaps.human(delay) + "): " + cause;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = EventMaps.base(this);
        map.put("attempt", attempt);
        map.put("delay", delay.toString());
        map.put("cause", cause);
        return map;
    }
}
