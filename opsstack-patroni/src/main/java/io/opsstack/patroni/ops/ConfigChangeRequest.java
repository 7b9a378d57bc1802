package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.patroni.model.DynamicConfig;

/**
 * A change of the dynamic configuration ({@code PATCH /config}, a JSON merge patch: a null value
 * removes the key).
 *
 * @param patch the merge patch, e.g. {@code {postgresql: {parameters: {max_connections: 200}}}}
 * @param restartPending whether to chain a rolling restart of the members that report
 *                       {@code pending_restart} when a changed parameter needs one
 * @param restart how that rolling restart runs (its parameter changes are filled in from the diff)
 * @param pendingTimeout how long to wait for every member to report {@code pending_restart}
 */
public record ConfigChangeRequest(DynamicConfig patch, boolean restartPending, RollingRestartRequest restart,
                                  Duration pendingTimeout) implements Serializable {
    public static final Duration DEFAULT_PENDING_TIMEOUT = Duration.ofMinutes(1);

    public ConfigChangeRequest {
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(restart, "restart");
        if (patch.values().isEmpty()) {
            throw new OpsValidationException("a configuration change needs a non-empty patch");
        }
        requireWholeNumbers(patch);
        Requests.requirePositive(pendingTimeout, "pendingTimeout");
    }

    /** Applies {@code patch} and, when a parameter needs it, a rolling restart of the pending members. */
    public static ConfigChangeRequest of(Map<String, ?> patch) {
        return builder().patch(patch).build();
    }

    /** Applies {@code patch} only; members needing a restart keep reporting {@code pending_restart}. */
    public static ConfigChangeRequest withoutRestart(Map<String, ?> patch) {
        return builder().patch(patch).restartPending(false).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().patch(patch.toMap()).restartPending(restartPending).restart(restart)
                .pendingTimeout(pendingTimeout);
    }

    /**
     * Keys: {@code patch} (a map; required), {@code restart_pending}, {@code restart} (a map as for
     * {@link RollingRestartRequest#fromMap}), {@code pending_timeout} (ISO-8601 or seconds).
     */
    public static ConfigChangeRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "patch" -> builder.patch(stringKeyed(key, value));
                case "restart_pending" -> builder.restartPending(Requests.bool(key, value));
                case "restart" -> builder.restart(RollingRestartRequest.fromMap(stringKeyed(key, value)));
                case "pending_timeout" -> builder.pendingTimeout(Requests.duration(key, value));
                default -> throw new OpsValidationException("unknown configuration change option '" + key
                        + "'; known: patch, restart_pending, restart, pending_timeout");
            }
        });
        return builder.build();
    }

    /** The patch as a mutable deep copy (nulls kept: they remove keys). */
    public Map<String, Object> patchMap() {
        return patch.toMap();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("patch", patch.toMap());
        map.put("restart_pending", restartPending);
        map.put("restart", restart.toMap());
        map.put("pending_timeout", pendingTimeout.toString());
        return map;
    }

    /**
     * Hot-standby-sensitive parameters must be whole numbers: PostgreSQL would not start with another
     * value, and the restart order for the change depends on whether the number goes up or down.
     */
    private static void requireWholeNumbers(DynamicConfig patch) {
        patch.postgresqlParameters().forEach((name, value) -> {
            if (ParameterChange.HOT_STANDBY_SENSITIVE.contains(name.toLowerCase(Locale.ROOT))
                    && !value.trim().matches("\\d+")) {
                throw new OpsValidationException("postgresql parameter " + name + " must be a whole number, got '" + value + "'");
            }
        });
    }

    private static Map<String, Object> stringKeyed(String key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new OpsValidationException(key + " must be a map, got " + value);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, item) -> copy.put(String.valueOf(name), item));
        return copy;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private Map<String, Object> patch;
        private boolean restartPending = true;
        private RollingRestartRequest restart = RollingRestartRequest.pending();
        private Duration pendingTimeout = DEFAULT_PENDING_TIMEOUT;

        private Builder() {
        }

        /** The JSON merge patch; null values remove keys. */
        public Builder patch(Map<String, ?> patch) {
            this.patch = patch == null ? null : new LinkedHashMap<>(patch);
            return this;
        }

        public Builder restartPending(boolean restartPending) {
            this.restartPending = restartPending;
            return this;
        }

        public Builder restart(RollingRestartRequest restart) {
            this.restart = restart;
            return this;
        }

        public Builder pendingTimeout(Duration pendingTimeout) {
            this.pendingTimeout = pendingTimeout;
            return this;
        }

        public ConfigChangeRequest build() {
            Objects.requireNonNull(patch, "patch");
            return new ConfigChangeRequest(new DynamicConfig(patch), restartPending, restart, pendingTimeout);
        }
    }
}
