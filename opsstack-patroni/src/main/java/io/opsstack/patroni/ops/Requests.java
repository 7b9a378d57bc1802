package io.opsstack.patroni.ops;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/** Validation and script-value conversions shared by the request records. */
final class Requests {

    private Requests() {
    }

    static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new OpsValidationException(name + " must be positive, got " + value);
        }
    }

    static Duration duration(String key, Object value) {
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number seconds) {
            return Duration.ofSeconds(seconds.longValue());
        }
        try {
            return Duration.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new OpsValidationException(key + " must be an ISO-8601 duration such as PT2M or a number of seconds, got '"
                    + value + "'");
        }
    }

    static long number(String key, Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new OpsValidationException(key + " must be a whole number, got '" + value + "'");
        }
    }

    static boolean bool(String key, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim();
        if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
            throw new OpsValidationException(key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(text);
    }
}
