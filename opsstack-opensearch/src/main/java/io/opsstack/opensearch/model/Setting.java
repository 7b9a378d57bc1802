package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The effective value of one cluster setting and where it came from.
 *
 * @param key flattened setting key
 * @param value typed value; null only when {@link #source()} is {@link SettingSource#UNSET}
 * @param raw the value as the server reported it (lists joined with commas); null when unset
 * @param <T> value type (String, Boolean, Integer, an enum or {@code List<String>})
 */
public record Setting<T>(String key, T value, String raw, SettingSource source) implements Serializable {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            T copy = (T) List.copyOf(list);
            value = copy;
        }
        if ((source == SettingSource.UNSET) != (raw == null)) {
            throw new IllegalArgumentException("raw value must be null exactly when the setting is unset: " + key);
        }
    }

    public boolean isSet() {
        return source != SettingSource.UNSET;
    }

    /** The value, or {@code fallback} when unset. */
    public T orElse(T fallback) {
        return value == null ? fallback : value;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value);
        m.put("raw", raw);
        m.put("source", source.name().toLowerCase(Locale.ROOT));
        return m;
    }
}
