package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamic configuration kept in the DCS ({@code GET /config}), as a deep immutable copy of the
 * JSON plus typed reads of the keys operations depend on.
 *
 * @param values the configuration as nested maps, lists, strings, numbers and booleans
 */
public record DynamicConfig(Map<String, Object> values) implements Serializable {

    public DynamicConfig {
        values = freezeMap(values == null ? Map.of() : values);
    }

    /** {@code ttl} in seconds, or -1 when not set. */
    public long ttl() {
        return number(values.get("ttl"));
    }

    /** {@code loop_wait} in seconds, or -1 when not set. */
    public long loopWait() {
        return number(values.get("loop_wait"));
    }

    /** {@code retry_timeout} in seconds, or -1 when not set. */
    public long retryTimeout() {
        return number(values.get("retry_timeout"));
    }

    /** {@code maximum_lag_on_failover} in bytes, or -1 when not set (Patroni's default is 1 MiB). */
    public long maximumLagOnFailover() {
        return number(values.get("maximum_lag_on_failover"));
    }

    /** Whether maintenance mode ({@code pause}) is on. */
    public boolean paused() {
        return Boolean.TRUE.equals(values.get("pause"));
    }

    /** Whether {@code synchronous_mode} is on ({@code true} or, on 4.x, {@code quorum}). */
    public boolean synchronousMode() {
        Object mode = values.get("synchronous_mode");
        return Boolean.TRUE.equals(mode) || "quorum".equals(mode) || "on".equals(mode);
    }

    /** Whether this is a standby cluster ({@code standby_cluster} present). */
    public boolean standbyCluster() {
        return values.get("standby_cluster") instanceof Map<?, ?> standby && !standby.isEmpty();
    }

    /** {@code postgresql.parameters}, values as text; empty if none. */
    public Map<String, String> postgresqlParameters() {
        if (!(values.get("postgresql") instanceof Map<?, ?> postgresql)
                || !(postgresql.get("parameters") instanceof Map<?, ?> parameters)) {
            return Map.of();
        }
        Map<String, String> text = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (value != null) {
                text.put(String.valueOf(key), String.valueOf(value));
            }
        });
        return Collections.unmodifiableMap(text);
    }

    /** A mutable deep copy, e.g. as the start of a {@code PUT /config} body. */
    public Map<String, Object> toMap() {
        return thaw(values);
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), freeze(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> thaw(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, thawValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object thawValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return thaw((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(thawValue(item)));
            return copy;
        }
        return value;
    }
}
