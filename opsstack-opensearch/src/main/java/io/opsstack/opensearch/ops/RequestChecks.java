package io.opsstack.opensearch.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsValidationException;

/** Validation shared by the request values of this package. */
final class RequestChecks {

    /** Repository and snapshot names: what OpenSearch accepts, minus characters that need URL escaping. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._+-]{0,254}");

    private RequestChecks() {
    }

    static String name(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new OpsValidationException(what + " must be lower-case letters, digits, '.', '_', '+', '-', was '"
                    + value + "'");
        }
        return value;
    }

    static Duration positive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new OpsValidationException(what + " must be a positive duration, was " + value);
        }
        return value;
    }

    static List<String> names(List<String> values, String what) {
        List<String> copy = List.copyOf(values);
        if (copy.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw new OpsValidationException(what + " must not contain blank names: " + copy);
        }
        return copy;
    }

    static List<String> list(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return List.of(String.valueOf(value).split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A whole number given as a number or a text, or null when absent. */
    static Long whole(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        try {
            return Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("'" + key + "' must be a whole number, was '" + value + "'");
        }
    }

    /** An ISO-8601 instant such as {@code 2026-11-21T00:00:00Z}, or null when absent. */
    static Instant instant(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        try {
            return Instant.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new OpsValidationException("'" + key + "' must be an ISO-8601 instant such as 2026-11-21T00:00:00Z, was '"
                    + value + "'");
        }
    }

    /** A duration given as whole seconds under {@code key}, or {@code fallback} when absent. */
    static Duration seconds(Map<String, ?> map, String key, Duration fallback) {
        Long seconds = whole(map, key);
        return seconds == null ? fallback : Duration.ofSeconds(seconds);
    }

    /** A duration given as whole milliseconds under {@code key}, or {@code fallback} when absent. */
    static Duration millis(Map<String, ?> map, String key, Duration fallback) {
        Long millis = whole(map, key);
        return millis == null ? fallback : Duration.ofMillis(millis);
    }

    /** A nested map of a script's map, whose keys must be texts. */
    @SuppressWarnings("unchecked")
    static Map<String, ?> stringKeys(Map<?, ?> map, String key) {
        if (map.keySet().stream().anyMatch(k -> !(k instanceof String))) {
            throw new OpsValidationException("'" + key + "' must be a map with text keys");
        }
        return (Map<String, ?>) map;
    }
}
