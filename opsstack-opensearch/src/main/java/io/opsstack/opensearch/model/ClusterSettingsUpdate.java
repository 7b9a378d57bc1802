package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@code PUT _cluster/settings} body. A null value unsets the key. Values are sent as strings;
 * lists are joined with commas (OpenSearch accepts both forms for list settings).
 *
 * @param persistent persistent keys to set or (null value) unset
 * @param transientSettings transient keys to set or (null value) unset
 */
public record ClusterSettingsUpdate(
        Map<String, String> persistent,
        Map<String, String> transientSettings) implements Serializable {

    public ClusterSettingsUpdate {
        persistent = immutableAllowingNulls(persistent);
        transientSettings = immutableAllowingNulls(transientSettings);
        if (persistent.isEmpty() && transientSettings.isEmpty()) {
            throw new IllegalArgumentException("a cluster settings update needs at least one key");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.persistent.putAll(persistent);
        b.transientSettings.putAll(transientSettings);
        return b;
    }

    /** Reads {@code [persistent: [key: value, …], transient: [key: value, …]]}; null values unset. */
    public static ClusterSettingsUpdate fromMap(Map<String, ?> map) {
        Builder b = builder();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> layer)) {
                throw new IllegalArgumentException("'" + e.getKey() + "' must be a map of settings");
            }
            boolean isPersistent = switch (e.getKey()) {
                case "persistent" -> true;
                case "transient" -> false;
                default -> throw new IllegalArgumentException("unknown settings layer '" + e.getKey()
                        + "' (persistent|transient)");
            };
            for (Map.Entry<?, ?> s : layer.entrySet()) {
                if (isPersistent) {
                    b.persistent(String.valueOf(s.getKey()), s.getValue());
                } else {
                    b.transientSetting(String.valueOf(s.getKey()), s.getValue());
                }
            }
        }
        return b.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("persistent", new LinkedHashMap<>(persistent));
        m.put("transient", new LinkedHashMap<>(transientSettings));
        return m;
    }

    private static Map<String, String> immutableAllowingNulls(Map<String, String> source) {
        if (source == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : source.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("setting key must not be blank");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    static String asSettingValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Enum<?> e) {
            // the setting enums (AllocationEnable, …) use the lower-case API form
            return e.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }

    /** Builder for {@link ClusterSettingsUpdate}; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> persistent = new LinkedHashMap<>();
        private final Map<String, String> transientSettings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a persistent key; {@code null} unsets it. Lists are joined with commas. */
        public Builder persistent(String key, Object value) {
            persistent.put(key, asSettingValue(value));
            return this;
        }

        /** Sets a transient key; {@code null} unsets it. Named so because {@code transient} is reserved. */
        public Builder transientSetting(String key, Object value) {
            transientSettings.put(key, asSettingValue(value));
            return this;
        }

        public ClusterSettingsUpdate build() {
            return new ClusterSettingsUpdate(persistent, transientSettings);
        }
    }
}
