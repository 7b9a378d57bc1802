package io.opsstack.api.guard;

import io.opsstack.api.plan.GuardCheck;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A guard's verdict.
 *
 * @param passed whether the step may run
 * @param reason why, readable on a console (e.g. "cluster health is yellow, 3 unassigned shards")
 */
public record GuardResult(boolean passed, String reason) implements Serializable {

    public GuardResult {
        Objects.requireNonNull(reason, "reason");
    }

    public static GuardResult pass(String reason) {
        return new GuardResult(true, reason);
    }

    public static GuardResult fail(String reason) {
        return new GuardResult(false, reason);
    }

    /** This verdict as the plan records it for the named guard. */
    public GuardCheck toCheck(String guardName) {
        return new GuardCheck(guardName, passed, reason);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", passed);
        map.put("reason", reason);
        return map;
    }
}
