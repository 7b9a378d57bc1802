package io.opsstack.api.journal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A value a step saved in the journal, e.g. a setting it is about to change, so that a resumed run
 * or a cleanup can restore it.
 *
 * @param key the key it was saved under
 * @param value the saved value; null means the saved state was "unset"
 */
public record SavedValue(String key, String value) implements Serializable {

    public SavedValue {
        Objects.requireNonNull(key, "key");
    }

    /** True when the saved state was "unset". */
    public boolean wasUnset() {
        return value == null;
    }

    /** The value, empty when the saved state was "unset". */
    public Optional<String> asOptional() {
        return Optional.ofNullable(value);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", key);
        map.put("value", value);
        return map;
    }
}
