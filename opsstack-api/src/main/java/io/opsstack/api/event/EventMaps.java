package io.opsstack.api.event;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Shared parts of the events' map form and validation. */
final class EventMaps {

    private EventMaps() {
    }

    static Map<String, Object> base(StepEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", event.type());
        map.put("operation_id", event.operationId());
        map.put("step_id", event.stepId());
        map.put("timestamp", event.timestamp().toString());
        map.put("sequence", event.sequence());
        return map;
    }

    static void requireCommon(String operationId, Object timestamp, long sequence) {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, got " + sequence);
        }
    }

    static String text(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
