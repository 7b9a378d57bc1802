package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-endpoint circuit breaker: over the last {@code windowSize} calls (once at least
 * {@code minimumCalls} were made), a failure rate at or above {@code failureRateThreshold} percent
 * opens the breaker; calls to that endpoint then fail fast for {@code openDuration}, after which one
 * trial call decides whether it closes again. Failures are connection errors, timeouts and HTTP 5xx;
 * any other answer (including 4xx and 429) shows the endpoint is alive.
 */
public final class CircuitBreakerPolicy {
    private static final CircuitBreakerPolicy DEFAULTS = builder().build();
    private static final CircuitBreakerPolicy DISABLED = builder().enabled(false).build();
    private static final Set<String> MAP_KEYS = Set.of("enabled", "failure_rate_threshold", "minimum_calls",
            "window_size", "open_duration");

    private final boolean enabled;
    private final float failureRateThreshold;
    private final int minimumCalls;
    private final int windowSize;
    private final Duration openDuration;

    private CircuitBreakerPolicy(Builder b) {
        this.enabled = b.enabled;
        this.failureRateThreshold = b.failureRateThreshold;
        this.minimumCalls = b.minimumCalls;
        this.windowSize = b.windowSize;
        this.openDuration = b.openDuration;
    }

    /** Opens at 50 % failures over the last 20 calls (at least 10 calls), stays open 30 s. */
    public static CircuitBreakerPolicy defaults() {
        return DEFAULTS;
    }

    public static CircuitBreakerPolicy disabled() {
        return DISABLED;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From a script map with keys {@code enabled}, {@code failure_rate_threshold}, {@code minimum_calls}, {@code window_size}, {@code open_duration}. */
    public static CircuitBreakerPolicy fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return DEFAULTS;
        }
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "circuit_breaker");
        Builder b = builder();
        Boolean enabled = OptionMaps.bool(map, "enabled");
        Double threshold = OptionMaps.decimal(map, "failure_rate_threshold");
        Integer minimumCalls = OptionMaps.integer(map, "minimum_calls");
        Integer windowSize = OptionMaps.integer(map, "window_size");
        Duration openDuration = OptionMaps.duration(map, "open_duration");
        if (enabled != null) {
            b.enabled(enabled);
        }
        if (threshold != null) {
            b.failureRateThreshold(threshold.floatValue());
        }
        if (minimumCalls != null) {
            b.minimumCalls(minimumCalls);
        }
        if (windowSize != null) {
            b.windowSize(windowSize);
        }
        if (openDuration != null) {
            b.openDuration(openDuration);
        }
        return b.build();
    }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).failureRateThreshold(failureRateThreshold).minimumCalls(minimumCalls)
                .windowSize(windowSize).openDuration(openDuration);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Percent (1-100). */
    public float failureRateThreshold() {
        return failureRateThreshold;
    }

    public int minimumCalls() {
        return minimumCalls;
    }

    public int windowSize() {
        return windowSize;
    }

    public Duration openDuration() {
        return openDuration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CircuitBreakerPolicy p && enabled == p.enabled
                && failureRateThreshold == p.failureRateThreshold && minimumCalls == p.minimumCalls
                && windowSize == p.windowSize && openDuration.equals(p.openDuration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, failureRateThreshold, minimumCalls, windowSize, openDuration);
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "CircuitBreakerPolicy[disabled]";
        }
        return "CircuitBreakerPolicy[failureRateThreshold=" + failureRateThreshold + "%, minimumCalls=" + minimumCalls
                + ", windowSize=" + windowSize + ", openDuration=" + openDuration + "]";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private boolean enabled = true;
        private float failureRateThreshold = 50;
        private int minimumCalls = 10;
        private int windowSize = 20;
        private Duration openDuration = Duration.ofSeconds(30);

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder failureRateThreshold(float percent) {
            if (!(percent > 0 && percent <= 100)) {
                throw new OpsValidationException("failureRateThreshold must be in (0, 100], was " + percent);
            }
            this.failureRateThreshold = percent;
            return this;
        }

        public Builder minimumCalls(int minimumCalls) {
            if (minimumCalls < 1) {
                throw new OpsValidationException("minimumCalls must be at least 1, was " + minimumCalls);
            }
            this.minimumCalls = minimumCalls;
            return this;
        }

        public Builder windowSize(int windowSize) {
            if (windowSize < 1) {
                throw new OpsValidationException("windowSize must be at least 1, was " + windowSize);
            }
            this.windowSize = windowSize;
            return this;
        }

        public Builder openDuration(Duration openDuration) {
            this.openDuration = Timeouts.positive(openDuration, "openDuration");
            return this;
        }

        public CircuitBreakerPolicy build() {
            return new CircuitBreakerPolicy(this);
        }
    }
}
