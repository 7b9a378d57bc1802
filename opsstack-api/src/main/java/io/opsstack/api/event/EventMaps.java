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

    /** A duration as people read it in a log line: {@code 240 ms}, {@code 2.2 s}, {@code 3m 05s}, {@code 1h 02m}. */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3_600) {
            return String.format(java.util.Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh %02dm", seconds / 3_600, (seconds % 3_600) / 60);
    }
}
