package io.opsstack.cli;

import java.util.Map;

/** Small helpers for the connection maps built from settings. */
final class RequestMaps {
    private RequestMaps() {
    }

    static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
