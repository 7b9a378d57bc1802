package io.opsstack.opensearch.model;

import java.util.Locale;

/** Cluster or index health colour. */
public enum HealthStatus {
    GREEN, YELLOW, RED;

    /** The lower-case form the REST API uses. */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code green|yellow|red} in any case. */
    public static HealthStatus parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("health status is empty");
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
