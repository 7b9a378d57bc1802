package io.opsstack.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The step did not run: completed in an earlier run, dry run, or stopped after a failure. */
public record StepSkipped(String operationId, String stepId, Instant timestamp, long sequence, String reason)
        implements StepEvent {

    public StepSkipped {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return "step_skipped";
    }

    @Override
    public String describe() {
        return "skipped: " + reason;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = EventMaps.base(this);
        map.put("reason", reason);
        return map;
    }
}
