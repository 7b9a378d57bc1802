package io.opsstack.api.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Work done so far within a step; {@code eta} is estimated from the rate so far and is null until
 * something was done.
 */
public record StepProgress(String operationId, String stepId, Instant timestamp, long sequence,
                           long done, long total, String unit, Duration eta)
        implements StepEvent {

    public StepProgress {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public String type() {
        return "step_progress";
    }

    @Override
    public String describe() {
        return "progress " + done + "/" + total + " " + unit + (eta == null ? "" : ", eta " + EventMaps.human(eta));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = EventMaps.base(this);
        map.put("done", done);
        map.put("total", total);
        map.put("unit", unit);
        map.put("eta", EventMaps.text(eta));
        return map;
    }
}
