package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How transient failures of <em>idempotent</em> requests are retried: connection failures and
 * HTTP 429/502/503/504. Non-idempotent requests are never retried, whatever the policy.
 *
 * <p>The wait before retry <i>n</i> (1-based) is {@code min(maxBackoff, initialBackoff * 2^(n-1))},
 * reduced by a random share of up to {@code jitter} (0.5 by default, so between half and all of it).
 * When the server sends {@code Retry-After} (seconds or an HTTP date), the wait is at least that
 * long, capped at {@code maxRetryAfter} (30 s by default) so that a server cannot park the caller.
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final Set<String> MAP_KEYS = Set.of("max_attempts", "initial_backoff", "max_backoff", "jitter",
            "max_retry_after");

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** 3 attempts, exponential backoff from 200 ms to 5 s with jitter 0.5, Retry-After honoured up to 30 s. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** {@code maxAttempts} counts the first attempt too: 3 means up to 2 retries. */
    public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From a script map with keys {@code max_attempts}, {@code initial_backoff}, {@code max_backoff}, {@code jitter}, {@code max_retry_after}. */
    public static RetryPolicy fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return DEFAULTS;
        }
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "retry");
        Builder b = builder();
        Integer attempts = OptionMaps.integer(map, "max_attempts");
        Duration initial = OptionMaps.duration(map, "initial_backoff");
        Duration max = OptionMaps.duration(map, "max_backoff");
        Double jitter = OptionMaps.decimal(map, "jitter");
        Duration maxRetryAfter = OptionMaps.duration(map, "max_retry_after");
        if (attempts != null) {
            b.maxAttempts(attempts);
        }
        if (initial != null) {
            b.initialBackoff(initial);
        }
        if (max != null) {
            b.maxBackoff(max);
        }
        if (jitter != null) {
            b.jitter(jitter);
        }
        if (maxRetryAfter != null) {
            b.maxRetryAfter(maxRetryAfter);
        }
        return b.build();
    }

    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .jitter(jitter).maxRetryAfter(maxRetryAfter);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Share (0..1) of each backoff that is randomly taken off, to spread retries of many callers. */
    public double jitter() {
        return jitter;
    }

    /** Upper bound on a wait requested by {@code Retry-After}. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy p && maxAttempts == p.maxAttempts && initialBackoff.equals(p.initialBackoff)
                && maxBackoff.equals(p.maxBackoff) && jitter == p.jitter && maxRetryAfter.equals(p.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    @Override
    public String toString() {
        if (maxAttempts == 1) {
            return "RetryPolicy[none]";
        }
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + ".." + maxBackoff
                + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double jitter = 0.5;
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Total attempts including the first; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new OpsValidationException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = notNegative(initialBackoff, "initialBackoff");
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = notNegative(maxBackoff, "maxBackoff");
            return this;
        }

        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new OpsValidationException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = notNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new OpsValidationException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
            }
            return new RetryPolicy(this);
        }

        private static Duration notNegative(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative()) {
                throw new OpsValidationException(what + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
