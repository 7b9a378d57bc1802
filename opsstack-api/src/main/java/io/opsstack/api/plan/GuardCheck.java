package io.opsstack.api.plan;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named safety guard of a step and whether it passed when it was last evaluated.
 *
 * @param name the guard's stable name, e.g. {@code cluster-green}
 * @param passed whether the guard allowed the step at evaluation time
 * @param reason why it passed or failed, readable on a console
 */
public record GuardCheck(String name, boolean passed, String reason) implements Serializable {

    public GuardCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        if (name.isBlank()) {
            throw new IllegalArgumentException("guard name must not be blank");
        }
    }

    /** A guard named in a draft plan that has not been evaluated yet. */
    public static GuardCheck notEvaluated(String name) {
        return new GuardCheck(name, false, "not evaluated yet");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("passed", passed);
        map.put("reason", reason);
        return map;
    }
}
