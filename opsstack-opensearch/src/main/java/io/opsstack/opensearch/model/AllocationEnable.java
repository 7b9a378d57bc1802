package io.opsstack.opensearch.model;

import java.util.Locale;

/** Values of {@code cluster.routing.allocation.enable}. */
public enum AllocationEnable {
    ALL, PRIMARIES, NEW_PRIMARIES, NONE;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AllocationEnable parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
