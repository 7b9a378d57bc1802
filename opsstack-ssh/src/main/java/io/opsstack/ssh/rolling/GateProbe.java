package io.opsstack.ssh.rolling;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The verdict of one probe of a {@link HealthGate}.
 *
 * @param passed whether the node is healthy by this gate
 * @param detail what was seen, readable on a console (e.g. "GET http://h:8080/health answered 503, expected 200")
 */
public record GateProbe(boolean passed, String detail) implements Serializable {

    public GateProbe {
        Objects.requireNonNull(detail, "detail");
    }

    public static GateProbe pass(String detail) {
        return new GateProbe(true, detail);
    }

    public static GateProbe fail(String detail) {
        return new GateProbe(false, detail);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", passed);
        map.put("detail", detail);
        return map;
    }
}
