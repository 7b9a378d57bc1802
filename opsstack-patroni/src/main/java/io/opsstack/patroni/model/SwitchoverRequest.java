package io.opsstack.patroni.model;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;

/**
 * The body of {@code POST /switchover}.
 *
 * @param leader the current leader's name (required: Patroni refuses a switchover from an unnamed leader)
 * @param candidate the member to promote, or null to let Patroni pick the healthiest
 * @param scheduledAt when to switch over, with its offset (Patroni requires a zone); null for now
 */
public record SwitchoverRequest(String leader, String candidate, OffsetDateTime scheduledAt) implements Serializable {

    private static final Set<String> MAP_KEYS = Set.of("leader", "candidate", "scheduled_at");

    public SwitchoverRequest {
        if (leader == null || leader.isBlank()) {
            throw new OpsValidationException("a switchover needs the current leader's name");
        }
        if (candidate != null && candidate.isBlank()) {
            throw new OpsValidationException("candidate must not be blank; use null for any member");
        }
        if (leader.equals(candidate)) {
            throw new OpsValidationException("candidate '" + candidate + "' is already the leader");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A switchover from {@code leader} to {@code candidate} (null: any healthy member), now. */
    public static SwitchoverRequest of(String leader, String candidate) {
        return new SwitchoverRequest(leader, candidate, null);
    }

    /** From a script map: {@code leader}, {@code candidate}, {@code scheduled_at} (ISO 8601 with offset). */
    public static SwitchoverRequest fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        for (String key : map.keySet()) {
            if (!MAP_KEYS.contains(key)) {
                throw new OpsValidationException("unknown switchover key '" + key + "' (known: " + MAP_KEYS + ")");
            }
        }
        Object scheduled = map.get("scheduled_at");
        return new SwitchoverRequest(text(map.get("leader")), text(map.get("candidate")),
                scheduled == null ? null : zoned(String.valueOf(scheduled), "scheduled_at"));
    }

    public Builder toBuilder() {
        return new Builder().leader(leader).candidate(candidate).scheduledAt(scheduledAt);
    }

    /** The JSON body Patroni expects. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leader", leader);
        if (candidate != null) {
            body.put("candidate", candidate);
        }
        if (scheduledAt != null) {
            body.put("scheduled_at", scheduledAt.toString());
        }
        return body;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("leader", leader);
        map.put("candidate", candidate);
        map.put("scheduled_at", scheduledAt == null ? null : scheduledAt.toString());
        return map;
    }

    static OffsetDateTime zoned(String text, String key) {
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new OpsValidationException(key + " must be ISO 8601 with an offset (e.g. 2030-01-01T02:00:00+01:00): "
                    + text);
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String leader;
        private String candidate;
        private OffsetDateTime scheduledAt;

        private Builder() {
        }

        public Builder leader(String leader) {
            this.leader = leader;
            return this;
        }

        public Builder candidate(String candidate) {
            this.candidate = candidate;
            return this;
        }

        public Builder scheduledAt(OffsetDateTime scheduledAt) {
            this.scheduledAt = scheduledAt;
            return this;
        }

        public SwitchoverRequest build() {
            return new SwitchoverRequest(leader, candidate, scheduledAt);
        }
    }
}
