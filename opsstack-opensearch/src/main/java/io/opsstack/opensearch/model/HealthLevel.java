package io.opsstack.opensearch.model;

import java.util.Locale;

/** Detail level of {@code _cluster/health}. */
public enum HealthLevel {
    CLUSTER, INDICES, SHARDS, AWARENESS_ATTRIBUTES;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealthLevel parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
