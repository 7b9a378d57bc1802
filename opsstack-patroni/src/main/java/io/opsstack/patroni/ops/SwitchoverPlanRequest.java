package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * A planned switchover.
 *
 * @param candidate the member to promote; null lets the plan pick the healthiest eligible replica
 *                  (least lag, in sync mode a synchronous standby) and name it
 * @param maxLagBytes a lag limit stricter than the cluster's {@code maximum_lag_on_failover}; -1 for none
 * @param maxTransactionAge the longest open transaction allowed on the primary, checked only when a
 *                          {@link TransactionAgeCheck} is given
 * @param convergenceTimeout how long to wait after the switchover for one leader (the candidate) and
 *                           every member running on its timeline with lag 0
 * @param scheduledAt when Patroni should switch over, with its offset; null for now. A scheduled
 *                    switchover is not waited for; cancel it with {@code PatroniOps.cancelScheduledSwitchover()}
 */
public record SwitchoverPlanRequest(String candidate, long maxLagBytes, Duration maxTransactionAge,
                                    Duration convergenceTimeout, OffsetDateTime scheduledAt) implements Serializable {
    public static final Duration DEFAULT_CONVERGENCE_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_MAX_TRANSACTION_AGE = Duration.ofMinutes(1);

    public SwitchoverPlanRequest {
        if (candidate != null && candidate.isBlank()) {
            throw new OpsValidationException("candidate must not be blank; use null to let the plan choose");
        }
        if (maxLagBytes < -1) {
            throw new OpsValidationException("maxLagBytes must be -1 (none) or a byte count, got " + maxLagBytes);
        }
        Requests.requirePositive(maxTransactionAge, "maxTransactionAge");
        Requests.requirePositive(convergenceTimeout, "convergenceTimeout");
    }

    /** A switchover to any eligible replica now, with the defaults. */
    public static SwitchoverPlanRequest toAnyReplica() {
        return builder().build();
    }

    /** A switchover to {@code candidate} now, with the defaults. */
    public static SwitchoverPlanRequest to(String candidate) {
        return builder().candidate(candidate).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().candidate(candidate).maxLagBytes(maxLagBytes).maxTransactionAge(maxTransactionAge)
                .convergenceTimeout(convergenceTimeout).scheduledAt(scheduledAt);
    }

    /**
     * Keys: {@code candidate}, {@code max_lag_bytes}, {@code max_transaction_age} and
     * {@code convergence_timeout} (ISO-8601 such as {@code PT2M} or seconds), {@code scheduled_at}
     * (ISO-8601 with offset).
     */
    public static SwitchoverPlanRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "candidate" -> builder.candidate(value.toString());
                case "max_lag_bytes" -> builder.maxLagBytes(Requests.number(key, value));
                case "max_transaction_age" -> builder.maxTransactionAge(Requests.duration(key, value));
                case "convergence_timeout" -> builder.convergenceTimeout(Requests.duration(key, value));
                case "scheduled_at" -> builder.scheduledAt(zoned(value));
                default -> throw new OpsValidationException("unknown switchover option '" + key + "'; known: candidate, "
                        + "max_lag_bytes, max_transaction_age, convergence_timeout, scheduled_at");
            }
        });
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("candidate", candidate);
        map.put("max_lag_bytes", maxLagBytes);
        map.put("max_transaction_age", maxTransactionAge.toString());
        map.put("convergence_timeout", convergenceTimeout.toString());
        map.put("scheduled_at", scheduledAt == null ? null : scheduledAt.toString());
        return map;
    }

    private static OffsetDateTime zoned(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        try {
            return OffsetDateTime.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new OpsValidationException("scheduled_at must be ISO 8601 with an offset, e.g. 2030-01-01T02:00:00Z: "
                    + value);
        }
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String candidate;
        private long maxLagBytes = -1;
        private Duration maxTransactionAge = DEFAULT_MAX_TRANSACTION_AGE;
        private Duration convergenceTimeout = DEFAULT_CONVERGENCE_TIMEOUT;
        private OffsetDateTime scheduledAt;

        private Builder() {
        }

        public Builder candidate(String candidate) {
            this.candidate = candidate;
            return this;
        }

        public Builder maxLagBytes(long maxLagBytes) {
            this.maxLagBytes = maxLagBytes;
            return this;
        }

        public Builder maxTransactionAge(Duration maxTransactionAge) {
            this.maxTransactionAge = maxTransactionAge;
            return this;
        }

        public Builder convergenceTimeout(Duration convergenceTimeout) {
            this.convergenceTimeout = convergenceTimeout;
            return this;
        }

        public Builder scheduledAt(OffsetDateTime scheduledAt) {
            this.scheduledAt = scheduledAt;
            return this;
        }

        public SwitchoverPlanRequest build() {
            return new SwitchoverPlanRequest(candidate, maxLagBytes, maxTransactionAge, convergenceTimeout, scheduledAt);
        }
    }
}
