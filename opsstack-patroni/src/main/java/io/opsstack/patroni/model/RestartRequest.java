package io.opsstack.patroni.model;

import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;

/**
 * The body of {@code POST /restart}. Every condition is a filter: when one does not match, Patroni
 * answers 503 {@code restart conditions are not satisfied} and restarts nothing.
 *
 * @param restartPending restart only if {@code pending_restart} is set
 * @param role restart only a member of this role, or null for any
 * @param postgresVersion restart only if the running version is lower (e.g. {@code 15.6}), or null
 * @param timeout start timeout (whole seconds) overriding {@code primary_start_timeout}, or null
 * @param schedule when to restart, with offset; null for now (then the call waits for the restart)
 */
public record RestartRequest(boolean restartPending, RestartRole role, String postgresVersion, Duration timeout,
                             OffsetDateTime schedule) implements Serializable {

    private static final RestartRequest NOW = new RestartRequest(false, null, null, null, null);
    private static final Set<String> MAP_KEYS = Set.of("restart_pending", "role", "postgres_version", "timeout",
            "schedule");

    public RestartRequest {
        if (timeout != null && (timeout.isNegative() || timeout.toSeconds() < 1)) {
            throw new OpsValidationException("restart timeout must be at least one second, was " + timeout);
        }
        if (postgresVersion != null && postgresVersion.isBlank()) {
            throw new OpsValidationException("postgresVersion must not be blank; use null for any version");
        }
    }

    /** An unconditional restart, now. */
    public static RestartRequest now() {
        return NOW;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From a script map: {@code restart_pending} (boolean), {@code role} ({@code primary}, {@code replica},
     * {@code standby_leader}; {@code master} reads as primary), {@code postgres_version}, {@code timeout}
     * (seconds or a Duration text such as {@code PT60S}), {@code schedule} (ISO 8601 with offset).
     */
    public static RestartRequest fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        for (String key : map.keySet()) {
            if (!MAP_KEYS.contains(key)) {
                throw new OpsValidationException("unknown restart key '" + key + "' (known: " + MAP_KEYS + ")");
            }
        }
        Builder b = builder();
        Object pending = map.get("restart_pending");
        if (pending != null) {
            b.restartPending(Boolean.parseBoolean(String.valueOf(pending)));
        }
        Object role = map.get("role");
        if (role != null) {
            String text = String.valueOf(role).trim().toLowerCase(Locale.ROOT);
            b.role("master".equals(text) ? RestartRole.PRIMARY : roleOf(text));
        }
        Object version = map.get("postgres_version");
        if (version != null) {
            b.postgresVersion(String.valueOf(version));
        }
        Object timeout = map.get("timeout");
        if (timeout != null) {
            b.timeout(timeout instanceof Number seconds ? Duration.ofSeconds(seconds.longValue())
                    : parseDuration(String.valueOf(timeout)));
        }
        Object schedule = map.get("schedule");
        if (schedule != null) {
            b.schedule(SwitchoverRequest.zoned(String.valueOf(schedule), "schedule"));
        }
        return b.build();
    }

    public Builder toBuilder() {
        return builder().restartPending(restartPending).role(role).postgresVersion(postgresVersion).timeout(timeout)
                .schedule(schedule);
    }

    /** The JSON body Patroni expects (only the conditions that are set). */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (restartPending) {
            body.put("restart_pending", true);
        }
        if (role != null) {
            body.put("role", role.wireName());
        }
        if (postgresVersion != null) {
            body.put("postgres_version", postgresVersion);
        }
        if (timeout != null) {
            body.put("timeout", timeout.toSeconds());
        }
        if (schedule != null) {
            body.put("schedule", schedule.toString());
        }
        return body;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("restart_pending", restartPending);
        map.put("role", role == null ? null : role.wireName());
        map.put("postgres_version", postgresVersion);
        map.put("timeout_seconds", timeout == null ? null : timeout.toSeconds());
        map.put("schedule", schedule == null ? null : schedule.toString());
        return map;
    }

    private static RestartRole roleOf(String text) {
        for (RestartRole role : RestartRole.values()) {
            if (role.wireName().equals(text)) {
                return role;
            }
        }
        throw new OpsValidationException("restart role must be primary, replica or standby_leader, was '" + text + "'");
    }

    private static Duration parseDuration(String text) {
        try {
            return text.trim().toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(text.trim())
                    : Duration.ofSeconds(Long.parseLong(text.trim()));
        } catch (RuntimeException e) {
            throw new OpsValidationException("restart timeout must be seconds or an ISO duration (PT60S): " + text);
        }
    }

    /** Not thread-safe. */
    public static final class Builder {
        private boolean restartPending;
        private RestartRole role;
        private String postgresVersion;
        private Duration timeout;
        private OffsetDateTime schedule;

        private Builder() {
        }

        public Builder restartPending(boolean restartPending) {
            this.restartPending = restartPending;
            return this;
        }

        public Builder role(RestartRole role) {
            this.role = role;
            return this;
        }

        public Builder postgresVersion(String postgresVersion) {
            this.postgresVersion = postgresVersion;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder schedule(OffsetDateTime schedule) {
            this.schedule = schedule;
            return this;
        }

        public RestartRequest build() {
            return new RestartRequest(restartPending, role, postgresVersion, timeout, schedule);
        }
    }
}
