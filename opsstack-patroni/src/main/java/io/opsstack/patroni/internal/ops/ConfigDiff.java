package io.opsstack.patroni.internal.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.opsstack.patroni.ops.ParameterChange;

/**
 * What a JSON merge patch (RFC 7386, as Patroni applies it to {@code /config}) changes: per dotted
 * key its value before and after; null means unset.
 */
final class ConfigDiff {
    private static final String PARAMETERS = "postgresql.parameters.";

    private final Map<String, String> before;
    private final Map<String, String> after;

    private ConfigDiff(Map<String, String> before, Map<String, String> after) {
        this.before = before;
        this.after = after;
    }

    static ConfigDiff of(Map<String, Object> current, Map<String, Object> patch) {
        Map<String, String> flatBefore = new TreeMap<>();
        flatten("", current, flatBefore);
        Map<String, String> flatAfter = new TreeMap<>();
        flatten("", merge(current, patch), flatAfter);
        return new ConfigDiff(flatBefore, flatAfter);
    }

    /** Changed keys, sorted. */
    List<String> changedKeys() {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(key -> !Objects.equals(before.get(key), after.get(key))).toList();
    }

    String before(String key) {
        return before.get(key);
    }

    String after(String key) {
        return after.get(key);
    }

    /** The changed {@code postgresql.parameters}, with whether each needs a restart. */
    List<ParameterChange> parameterChanges() {
        List<ParameterChange> changes = new ArrayList<>();
        for (String key : changedKeys()) {
            if (key.startsWith(PARAMETERS)) {
                String name = key.substring(PARAMETERS.length());
                changes.add(new ParameterChange(name, before(key), after(key), PostgresParameters.requiresRestart(name)));
            }
        }
        return List.copyOf(changes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(target);
        patch.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> nested) {
                Object existing = merged.get(key);
                Map<String, Object> base = existing instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
                merged.put(key, merge(base, (Map<String, Object>) nested));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, out);
            } else if (value != null) {
                out.put(name, String.valueOf(value));
            }
        });
    }
}
