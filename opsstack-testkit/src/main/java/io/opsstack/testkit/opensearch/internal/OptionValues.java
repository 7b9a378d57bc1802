package io.opsstack.testkit.opensearch.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.testkit.opensearch.LabTopology;

/** Converts values of script-supplied option maps. */
public final class OptionValues {

    private OptionValues() {
    }

    /** A {@link LabTopology}, its map form, or the name of a ready-made one. */
    public static LabTopology topology(Object value) {
        if (value instanceof LabTopology) {
            return (LabTopology) value;
        }
        if (value instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, ?> map = (Map<String, ?>) value;
            return LabTopology.fromMap(map);
        }
        return LabTopology.named(String.valueOf(value));
    }

    /** A {@link Duration}, a number of seconds, or ISO-8601 text such as {@code PT2M}. */
    public static Duration duration(String key, Object value) {
        if (value instanceof Duration) {
            return (Duration) value;
        }
        if (value instanceof Number) {
            return Duration.ofSeconds(((Number) value).longValue());
        }
        try {
            return Duration.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new OpsValidationException(key + " must be seconds or an ISO-8601 duration: " + value);
        }
    }

    public static Map<?, ?> map(String key, Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new OpsValidationException(key + " must be a map: " + value);
        }
        return (Map<?, ?>) value;
    }

    public static List<?> list(String key, Object value) {
        if (!(value instanceof List<?>)) {
            throw new OpsValidationException(key + " must be a list: " + value);
        }
        return (List<?>) value;
    }
}
