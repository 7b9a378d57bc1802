package io.opsstack.api.internal.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Secret;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from the plain maps scripts pass to {@code fromMap(Map)} factories. Every
 * problem is an {@link OpsValidationException} naming the key, never the value (it may be secret).
 */
public final class OptionMaps {
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private OptionMaps() {
    }

    /** Fails on keys outside {@code known}, so that a typo does not silently fall back to a default. */
    public static void requireKnownKeys(Map<String, ?> map, Set<String> known, String what) {
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new OpsValidationException("unknown " + what + " option(s) " + unknown + "; known: " + new TreeSet<>(known));
        }
    }

    public static String string(Map<String, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    public static String requiredString(Map<String, ?> map, String key, String what) {
        String value = string(map, key);
        if (value == null || value.isBlank()) {
            throw new OpsValidationException(what + " needs '" + key + "'");
        }
        return value;
    }

    /** A secret given inline as {@code key} or through the environment variable named by {@code key_env}. */
    public static Secret secret(Map<String, ?> map, String key) {
        Object inline = map.get(key);
        String variable = string(map, key + "_env");
        if (inline != null && variable != null) {
            throw new OpsValidationException("give either '" + key + "' or '" + key + "_env', not both");
        }
        if (inline instanceof Secret secret) {
            return secret;
        }
        if (inline != null) {
            return Secret.of(inline.toString());
        }
        if (variable == null) {
            return null;
        }
        String value = System.getenv(variable);
        if (value == null) {
            throw new OpsValidationException("environment variable " + variable + " (from '" + key + "_env') is not set");
        }
        return Secret.of(value);
    }

    public static Secret requiredSecret(Map<String, ?> map, String key, String what) {
        Secret secret = secret(map, key);
        if (secret == null) {
            throw new OpsValidationException(what + " needs '" + key + "' or '" + key + "_env'");
        }
        return secret;
    }

    /** A {@link Duration}, an ISO-8601 text ({@code PT30S}) or a simple text such as {@code 200ms}, {@code 30s}, {@code 2m}, {@code 1h}. */
    public static Duration duration(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Duration) {
            return (Duration) value;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(text);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new OpsValidationException("'" + key + "' must be a duration such as 500ms, 30s, 2m or PT30S, was '" + value + "'");
        }
    }

    public static Integer integer(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("'" + key + "' must be an integer, was '" + value + "'");
        }
    }

    public static Double decimal(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Number) {
            return value == null ? null : ((Number) value).doubleValue();
        }
        try {
            return Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException("'" + key + "' must be a number, was '" + value + "'");
        }
    }

    public static Boolean bool(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new OpsValidationException("'" + key + "' must be true or false, was '" + value + "'");
    }

    public static Path path(Map<String, ?> map, String key) {
        String value = string(map, key);
        return value == null ? null : Path.of(value);
    }

    /** A list given as a list or as one comma-separated text. */
    public static List<String> strings(Map<String, ?> map, String key) {
        Object value = map.get(key);
        List<String> out = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> out.add(item.toString().trim()));
        } else if (value != null) {
            for (String item : value.toString().split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, ?> nested(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> nested) {
            return (Map<String, ?>) nested;
        }
        throw new OpsValidationException("'" + key + "' must be a map");
    }
}
