package io.opsstack.opensearch.ops;

import java.time.Duration;
import java.util.List;
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
}
