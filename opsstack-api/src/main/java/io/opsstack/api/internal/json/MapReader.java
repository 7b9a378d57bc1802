package io.opsstack.api.internal.json;

import io.opsstack.api.error.OpsValidationException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from the plain maps produced by {@code toMap()} or parsed from JSON, with errors
 * that name the offending field. Not part of the supported API.
 */
public final class MapReader {

    private final Map<?, ?> map;
    private final String what;

    public MapReader(Map<?, ?> map, String what) {
        if (map == null) {
            throw new OpsValidationException(what + " is missing");
        }
        this.map = map;
        this.what = what;
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    public String string(String key) {
        Object value = required(key);
        if (!(value instanceof String text)) {
            throw invalid(key, "a string", value);
        }
        return text;
    }

    public String optionalString(String key) {
        return has(key) ? string(key) : null;
    }

    public int integer(String key) {
        Object value = required(key);
        if (value instanceof Number number) {
            return Math.toIntExact(number.longValue());
        }
        throw invalid(key, "a number", value);
    }

    public long longValue(String key) {
        Object value = required(key);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw invalid(key, "a number", value);
    }

    public boolean bool(String key) {
        Object value = required(key);
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw invalid(key, "true or false", value);
    }

    public Instant instant(String key) {
        String text = string(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(key, "an ISO-8601 instant", text);
        }
    }

    public Duration duration(String key) {
        String text = string(key);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(key, "an ISO-8601 duration such as PT30S", text);
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String text = string(key);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw invalid(key, "one of " + List.of(type.getEnumConstants()), text);
        }
    }

    /** A map of strings; an absent key reads as an empty map. */
    public Map<String, String> stringMap(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw invalid(key, "an object", value);
        }
        Map<String, String> result = new LinkedHashMap<>();
        raw.forEach((name, entry) -> {
            if (!(entry instanceof String text)) {
                throw invalid(key + "." + name, "a string", entry);
            }
            result.put(String.valueOf(name), text);
        });
        return result;
    }

    /** A list; an absent key reads as an empty list. */
    public List<?> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(key, "a list", value);
        }
        return list;
    }

    public MapReader object(String key) {
        Object value = required(key);
        if (!(value instanceof Map<?, ?> nested)) {
            throw invalid(key, "an object", value);
        }
        return new MapReader(nested, what + "." + key);
    }

    public static MapReader of(Object value, String what) {
        if (!(value instanceof Map<?, ?> nested)) {
            throw new OpsValidationException(what + " must be an object, got " + describe(value));
        }
        return new MapReader(nested, what);
    }

    private Object required(String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new OpsValidationException(what + " has no '" + key + "'");
        }
        return value;
    }

    private OpsValidationException invalid(String key, String expected, Object value) {
        return new OpsValidationException(what + "." + key + " must be " + expected + ", got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        String text = String.valueOf(value);
        return (text.length() > 80 ? text.substring(0, 80) + "..." : text)
                + " (" + value.getClass().getSimpleName() + ")";
    }
}
