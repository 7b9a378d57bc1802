package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The state of an awareness (zone) decommission.
 *
 * @param value the decommissioned attribute value; null when no decommission exists
 * @param state {@code INIT}, {@code DRAINING}, {@code IN_PROGRESS}, {@code SUCCESSFUL}, {@code FAILED}, or
 *        {@code NONE} when no decommission exists
 */
public record DecommissionStatus(String attribute, String value, String state) implements Serializable {
    public static final String NONE = "NONE";
    public static final String SUCCESSFUL = "SUCCESSFUL";
    public static final String FAILED = "FAILED";

    public DecommissionStatus {
        Objects.requireNonNull(attribute, "attribute");
        state = Objects.requireNonNull(state, "state").toUpperCase(Locale.ROOT);
    }

    /** Whether a decommission is under way (neither absent nor finished). */
    public boolean inProgress() {
        return !NONE.equals(state) && !SUCCESSFUL.equals(state) && !FAILED.equals(state);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("attribute", attribute);
        map.put("value", value);
        map.put("state", state);
        return map;
    }
}
