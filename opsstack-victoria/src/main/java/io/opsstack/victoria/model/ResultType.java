package io.opsstack.victoria.model;

import java.util.Locale;

import io.opsstack.api.error.OpsValidationException;

/** The {@code resultType} of a Prometheus query answer. */
public enum ResultType {
    VECTOR, MATRIX, SCALAR, STRING;

    /** Parses {@code vector}, {@code matrix}, {@code scalar} or {@code string}. */
    public static ResultType parse(String text) {
        try {
            return valueOf(String.valueOf(text).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OpsValidationException("unknown query resultType '" + text + "'");
        }
    }
}
