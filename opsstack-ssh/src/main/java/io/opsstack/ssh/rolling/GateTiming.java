package io.opsstack.ssh.rolling;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * How long a {@link HealthGate} waits for a node to become healthy, and how often it probes.
 *
 * @param timeout overall wait after the node was started
 * @param pollInterval time between probes, at most the timeout
 */
public record GateTiming(Duration timeout, Duration pollInterval) implements Serializable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    public GateTiming {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new OpsValidationException("gate timeout must be positive: " + timeout);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(timeout) > 0) {
            throw new OpsValidationException("gate poll interval must be positive and at most the timeout ("
                    + timeout + "): " + pollInterval);
        }
    }

    /** Two minutes, probing every two seconds. */
    public static GateTiming defaults() {
        return new GateTiming(DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL);
    }

    public static GateTiming of(Duration timeout, Duration pollInterval) {
        return new GateTiming(timeout, pollInterval);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("timeout", timeout.toString());
        map.put("pollInterval", pollInterval.toString());
        return map;
    }
}
