package io.opsstack.opensearch.policy;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reason a policy cannot run on a cluster as it stands.
 *
 * @param check the check that found it: {@code attribute-value-exists} or {@code disk-room-below-low-watermark}
 * @param phase the phase concerned, or null when it concerns the whole policy
 * @param message a readable explanation naming the values involved
 */
public record PolicyProblem(String check, String phase, String message) implements Serializable {

    public PolicyProblem {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("check", check);
        map.put("phase", phase);
        map.put("message", message);
        return map;
    }

    @Override
    public String toString() {
        return "[" + check + "] " + (phase == null ? "" : "phase " + phase + ": ") + message;
    }
}
