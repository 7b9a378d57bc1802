package io.opsstack.cli;

import java.time.Duration;
import java.util.Map;

/** Small helpers for the request and connection maps the operation families build from flags and settings. */
final class RequestMaps {
    private RequestMaps() {
    }

    static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** A duration as whole seconds, the form the facades' {@code fromMap} requests accept. */
    static void putSeconds(Map<String, Object> map, String key, Duration duration) {
        if (duration != null) {
            map.put(key, duration.toSeconds());
        }
    }
}
