package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/**
 * A planned failover to a named member. With a healthy leader Patroni treats it like a switchover
 * (prefer {@link SwitchoverPlanRequest}); without one it promotes the candidate without lag or
 * timeline checks, which may lose the writes the candidate had not received, so the plan refuses
 * it unless {@code allowWithoutLeader} is set.
 *
 * @param candidate the member to promote
 * @param allowWithoutLeader explicit opt-in to fail over while the cluster has no healthy leader
 * @param convergenceTimeout how long to wait for one leader (the candidate) and converged members
 */
public record FailoverPlanRequest(String candidate, boolean allowWithoutLeader, Duration convergenceTimeout)
        implements Serializable {

    public FailoverPlanRequest {
        if (candidate == null || candidate.isBlank()) {
            throw new OpsValidationException("a failover needs a candidate");
        }
        Requests.requirePositive(convergenceTimeout, "convergenceTimeout");
    }

    /** A failover to {@code candidate} that requires a healthy leader; see {@link #allowingNoLeader(String)}. */
    public static FailoverPlanRequest to(String candidate) {
        return builder().candidate(candidate).build();
    }

    /** A failover to {@code candidate} that may run while the cluster has no healthy leader. */
    public static FailoverPlanRequest allowingNoLeader(String candidate) {
        return builder().candidate(candidate).allowWithoutLeader(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().candidate(candidate).allowWithoutLeader(allowWithoutLeader)
                .convergenceTimeout(convergenceTimeout);
    }

    /** Keys: {@code candidate}, {@code allow_without_leader}, {@code convergence_timeout}. */
    public static FailoverPlanRequest fromMap(Map<String, ?> map) {
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            switch (key) {
                case "candidate" -> builder.candidate(value.toString());
                case "allow_without_leader" -> builder.allowWithoutLeader(Requests.bool(key, value));
                case "convergence_timeout" -> builder.convergenceTimeout(Requests.duration(key, value));
                default -> throw new OpsValidationException("unknown failover option '" + key
                        + "'; known: candidate, allow_without_leader, convergence_timeout");
            }
        });
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("candidate", candidate);
        map.put("allow_without_leader", allowWithoutLeader);
        map.put("convergence_timeout", convergenceTimeout.toString());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String candidate;
        private boolean allowWithoutLeader;
        private Duration convergenceTimeout = SwitchoverPlanRequest.DEFAULT_CONVERGENCE_TIMEOUT;

        private Builder() {
        }

        public Builder candidate(String candidate) {
            this.candidate = candidate;
            return this;
        }

        public Builder allowWithoutLeader(boolean allowWithoutLeader) {
            this.allowWithoutLeader = allowWithoutLeader;
            return this;
        }

        public Builder convergenceTimeout(Duration convergenceTimeout) {
            this.convergenceTimeout = convergenceTimeout;
            return this;
        }

        public FailoverPlanRequest build() {
            return new FailoverPlanRequest(candidate, allowWithoutLeader, convergenceTimeout);
        }
    }
}
