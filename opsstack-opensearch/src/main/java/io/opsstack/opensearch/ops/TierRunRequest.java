package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.opensearch.internal.ism.TimeValues;
import io.opsstack.opensearch.policy.TierPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link TierPolicy} with opsstack instead of ISM: the indices its patterns match are put into
 * the phase their age calls for.
 *
 * @param asOf the moment ages are measured at; null = when the plan is made
 * @param waitTimeout how long to wait for the shard copies of one index to settle on their tier
 * @param pollInterval how often placement is checked while waiting
 */
public record TierRunRequest(TierPolicy policy, Instant asOf, Duration waitTimeout, Duration pollInterval)
        implements Serializable {
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    public TierRunRequest {
        if (policy == null) {
            throw new OpsValidationException("a tier run needs a policy");
        }
        requirePositive(waitTimeout, "waitTimeout");
        requirePositive(pollInterval, "pollInterval");
    }

    public static Builder builder(TierPolicy policy) {
        return new Builder(policy);
    }

    public Builder toBuilder() {
        return new Builder(policy).asOf(asOf).waitTimeout(waitTimeout).pollInterval(pollInterval);
    }

    /**
     * Keys: {@code policy} (a {@link TierPolicy#fromMap} map), {@code as_of} (ISO instant), {@code wait_timeout}
     * and {@code poll_interval} (time values such as {@code 30m}, {@code 1s}).
     */
    @SuppressWarnings("unchecked")
    public static TierRunRequest fromMap(Map<String, ?> map) {
        Object policy = map.get("policy");
        if (!(policy instanceof Map<?, ?> policyMap)) {
            throw new OpsValidationException("a tier run needs 'policy' as a map");
        }
        Builder builder = builder(TierPolicy.fromMap((Map<String, ?>) policyMap));
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            switch (entry.getKey()) {
                case "policy" -> { }
                case "as_of" -> builder.asOf(RequestChecks.instant(map, "as_of"));
                case "wait_timeout" -> builder.waitTimeout(TimeValues.fromObject(value, "wait_timeout"));
                case "poll_interval" -> builder.pollInterval(TimeValues.fromObject(value, "poll_interval"));
                default -> throw new OpsValidationException("unknown tier run option '" + entry.getKey()
                        + "'; known: policy, as_of, wait_timeout, poll_interval");
            }
        }
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("policy", policy.toMap());
        map.put("as_of", asOf == null ? null : asOf.toString());
        map.put("wait_timeout", TimeValues.format(waitTimeout));
        map.put("poll_interval", TimeValues.format(pollInterval));
        return map;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new OpsValidationException("tier run " + name + " must be a positive duration, was " + value);
        }
    }

    /** Builder for {@link TierRunRequest}; not thread-safe. */
    public static final class Builder {
        private final TierPolicy policy;
        private Instant asOf;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;

        private Builder(TierPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        public Builder asOf(Instant asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder waitTimeout(Duration waitTimeout) {
            this.waitTimeout = waitTimeout;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public TierRunRequest build() {
            return new TierRunRequest(policy, asOf, waitTimeout, pollInterval);
        }
    }
}
