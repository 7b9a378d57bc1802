package io.opsstack.opensearch.model;

import java.util.Locale;

/** Priority of pending cluster-manager tasks {@code _cluster/health?wait_for_events=} waits for. */
public enum WaitForEvents {
    IMMEDIATE, URGENT, HIGH, NORMAL, LOW, LANGUID;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WaitForEvents parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
