package io.opsstack.patroni.model;

import java.util.Locale;

/**
 * Patroni's health-check endpoints. Each answers 200 when the condition holds and 503 otherwise;
 * all but {@link #LIVENESS} and {@link #READINESS} send the {@code /patroni} JSON as body.
 */
public enum HealthCheck {
    /** Holds the leader lock and runs as primary (not a standby cluster); also {@code /}, {@code /master}. */
    PRIMARY("/primary", true),
    /** Same condition as {@link #PRIMARY}. */
    READ_WRITE("/read-write", false),
    /** Holds the leader lock: primary or standby leader. */
    LEADER("/leader", false),
    /** Leader of a standby cluster. */
    STANDBY_LEADER("/standby-leader", false),
    /** Running replica without {@code noloadbalance}; honours {@code lag} and {@code tag_*}. */
    REPLICA("/replica", true),
    /** Primary, standby leader or healthy replica; honours {@code lag} and {@code tag_*}. */
    READ_ONLY("/read-only", true),
    /** Synchronous standby; honours {@code lag} and {@code tag_*}. */
    SYNC("/sync", true),
    /** Asynchronous standby; honours {@code lag} and {@code tag_*}. */
    ASYNC("/async", true),
    /** Primary or synchronous standby. */
    READ_ONLY_SYNC("/read-only-sync", false),
    /** PostgreSQL state {@code running}, any role. */
    HEALTH("/health", false),
    /** The HA loop ran recently; no body. */
    LIVENESS("/liveness", false),
    /** Leader, or running with the DCS reachable (4.1+: also streaming within lag); no body. */
    READINESS("/readiness", false);

    private final String path;
    private final boolean filterable;

    HealthCheck(String path, boolean filterable) {
        this.path = path;
        this.filterable = filterable;
    }

    /** The request path. */
    public String path() {
        return path;
    }

    /** Whether the {@code lag} and {@code tag_*} query parameters apply. */
    public boolean filterable() {
        return filterable;
    }

    /** Whether a GET answer carries the {@code /patroni} JSON. */
    public boolean hasBody() {
        return this != LIVENESS && this != READINESS;
    }

    /** Reads an endpoint path or name: {@code /}, {@code /master} and {@code primary} all give {@link #PRIMARY}. */
    public static HealthCheck fromPath(String pathOrName) {
        String key = pathOrName.trim().toLowerCase(Locale.ROOT);
        key = key.startsWith("/") ? key.substring(1) : key;
        switch (key) {
            case "", "master", "primary" -> {
                return PRIMARY;
            }
            case "standby_leader" -> {
                return STANDBY_LEADER;
            }
            case "synchronous" -> {
                return SYNC;
            }
            case "asynchronous" -> {
                return ASYNC;
            }
            case "read-only-synchronous" -> {
                return READ_ONLY_SYNC;
            }
            default -> {
                for (HealthCheck check : values()) {
                    if (check.path.substring(1).equals(key) || check.name().equalsIgnoreCase(key.replace('-', '_'))) {
                        return check;
                    }
                }
                throw new IllegalArgumentException("not a Patroni health endpoint: " + pathOrName);
            }
        }
    }
}
