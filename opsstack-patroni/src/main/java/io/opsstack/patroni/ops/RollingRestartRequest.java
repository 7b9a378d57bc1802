package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * A replicas-first rolling restart.
 *
 * @param force restart every member, not only those reporting {@code pending_restart}
 * @param primaryStrategy how the primary is restarted after the replicas
 * @param parameterChanges the parameter changes the restart applies, if known: lowering a
 *                         hot-standby-sensitive parameter restarts the primary first (in place) and
 *                         then the replicas, twice if needed; otherwise replicas go first
 * @param memberTimeout how long to wait for one restarted member to stream again with lag 0
 * @param convergenceTimeout how long to wait for the cluster to converge after a primary change
 * @param maxLagBytes a switchover lag limit stricter than {@code maximum_lag_on_failover}; -1 for none
 */
public record RollingRestartRequest(boolean force, PrimaryRestartStrategy primaryStrategy,
                                    List<ParameterChange> parameterChanges, Duration memberTimeout,
                                    Duration convergenceTimeout, long maxLagBytes) implements Serializable {
    public static final Duration DEFAULT_MEMBER_TIMEOUT = Duration.ofMinutes(3);

    public RollingRestartRequest {
        Objects.requireNonNull(primaryStrategy, "primaryStrategy");
        parameterChanges = List.copyOf(Objects.requireNonNull(parameterChanges, "parameterChanges"));
        Requests.requirePositive(memberTimeout, "memberTimeout");
        Requests.requirePositive(convergenceTimeout, "convergenceTimeout");
        if (maxLagBytes < -1) {
            throw new OpsValidationException("maxLagBytes must be -1 (none) or a byte count, got " + maxLagBytes);
        }
    }

    /** Members with {@code pending_restart} only, replicas first, then a switchover. */
    public static RollingRestartRequest pending() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().force(force).primaryStrategy(primaryStrategy).parameterChanges(parameterChanges)
                .memberTimeout(memberTimeout).convergenceTimeout(convergenceTimeout).maxLagBytes(maxLagBytes);
    }

    /** True when a change lowers a hot-standby-sensitive parameter (then the primary goes first). */
    public boolean lowersHotStandbySensitive() {
        return parameterChanges.stream().anyMatch(ParameterChange::lowersHotStandbySensitive);
    }

    /**
     * Keys: {@code force}, {@code primary_strategy} ({@code switchover}, {@code in_place}),
     * {@code member_timeout}, {@code convergence_timeout} (ISO-8601 or seconds), {@code max_lag_bytes},
     * {@code parameter_changes} (list of {@link ParameterChange#fromMap} maps).
     */
    public static RollingRestartRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "force" -> builder.force(Requests.bool(key, value));
                case "primary_strategy" -> builder.primaryStrategy(strategy(value));
                case "member_timeout" -> builder.memberTimeout(Requests.duration(key, value));
                case "convergence_timeout" -> builder.convergenceTimeout(Requests.duration(key, value));
                case "max_lag_bytes" -> builder.maxLagBytes(Requests.number(key, value));
                case "parameter_changes" -> builder.parameterChanges(parameterChanges(value));
                default -> throw new OpsValidationException("unknown rolling restart option '" + key + "'; known: force, "
                        + "primary_strategy, member_timeout, convergence_timeout, max_lag_bytes, parameter_changes");
            }
        });
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("force", force);
        map.put("primary_strategy", primaryStrategy.name());
        map.put("parameter_changes", parameterChanges.stream().map(ParameterChange::toMap).toList());
        map.put("member_timeout", memberTimeout.toString());
        map.put("convergence_timeout", convergenceTimeout.toString());
        map.put("max_lag_bytes", maxLagBytes);
        return map;
    }

    private static List<ParameterChange> parameterChanges(Object value) {
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof Map))) {
            throw new OpsValidationException("parameter_changes must be a list of maps, got " + value);
        }
        return list.stream().map(item -> ParameterChange.fromMap((Map<?, ?>) item)).toList();
    }

    private static PrimaryRestartStrategy strategy(Object value) {
        if (value instanceof PrimaryRestartStrategy strategy) {
            return strategy;
        }
        try {
            return PrimaryRestartStrategy.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OpsValidationException("primary_strategy must be switchover or in_place, got '" + value + "'");
        }
    }

    /** Not thread-safe. */
    public static final class Builder {
        private boolean force;
        private PrimaryRestartStrategy primaryStrategy = PrimaryRestartStrategy.SWITCHOVER;
        private List<ParameterChange> parameterChanges = List.of();
        private Duration memberTimeout = DEFAULT_MEMBER_TIMEOUT;
        private Duration convergenceTimeout = SwitchoverPlanRequest.DEFAULT_CONVERGENCE_TIMEOUT;
        private long maxLagBytes = -1;

        private Builder() {
        }

        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        public Builder primaryStrategy(PrimaryRestartStrategy primaryStrategy) {
            this.primaryStrategy = primaryStrategy;
            return this;
        }

        public Builder parameterChanges(List<ParameterChange> parameterChanges) {
            this.parameterChanges = parameterChanges;
            return this;
        }

        public Builder memberTimeout(Duration memberTimeout) {
            this.memberTimeout = memberTimeout;
            return this;
        }

        public Builder convergenceTimeout(Duration convergenceTimeout) {
            this.convergenceTimeout = convergenceTimeout;
            return this;
        }

        public Builder maxLagBytes(long maxLagBytes) {
            this.maxLagBytes = maxLagBytes;
            return this;
        }

        public RollingRestartRequest build() {
            return new RollingRestartRequest(force, primaryStrategy, parameterChanges, memberTimeout, convergenceTimeout,
                    maxLagBytes);
        }
    }
}
