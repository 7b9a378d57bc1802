package io.opsstack.api.event;

import io.opsstack.api.operation.OperationStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The apply ended; always the last event of an apply. */
public record PlanFinished(String operationId, Instant timestamp, long sequence, OperationStatus status)
        implements StepEvent {

    public PlanFinished {
        EventMaps.requireCommon(operationId, timestamp, sequence);
        Objects.requireNonNull(status, "status");
    }

    /** Always null: the event is about the whole plan. */
    @Override
    public String stepId() {
        return null;
    }

    @Override
    public String type() {
        return "plan_finished";
    }

    @Override
    public String describe() {
        return "finished: " + status;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = EventMaps.base(this);
        map.put("status", status.name());
        return map;
    }
}
