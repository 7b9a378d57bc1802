package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of a component's {@code /health}: {@code OK} with 200, or 503 while a
 * {@code -http.shutdownDelay} countdown runs (draining, not dead). Shallow by design: a vminsert that
 * reaches no vmstorage still says OK, so cluster health also reads {@code /metrics}.
 *
 * @param ok         status 200
 * @param statusCode the HTTP status
 * @param body       the body, trimmed and bounded
 */
public record HealthCheck(boolean ok, int statusCode, String body) implements Serializable {

    public HealthCheck {
        Objects.requireNonNull(body, "body");
    }

    /** True for the 503 a component returns during its {@code -http.shutdownDelay}. */
    public boolean draining() {
        return statusCode == 503;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ok", ok);
        map.put("status_code", statusCode);
        map.put("body", body);
        return map;
    }
}
