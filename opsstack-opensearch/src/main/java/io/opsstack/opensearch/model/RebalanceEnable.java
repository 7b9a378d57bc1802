package io.opsstack.opensearch.model;

import java.util.Locale;

/** Values of {@code cluster.routing.rebalance.enable}. */
public enum RebalanceEnable {
    ALL, PRIMARIES, REPLICAS, NONE;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RebalanceEnable parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
