package io.opsstack.victoria.ops;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;

/**
 * How a VictoriaMetrics rolling operation takes nodes down and decides they are back.
 *
 * @param serviceTimeout  bound of one stop, start or restart through the service control
 * @param gateTimeout     how long a restarted node may take to pass its gates
 * @param pollInterval    pause between gate polls
 * @param reroutingWindow how long the rerouting counters of every vminsert must stay flat before a node
 *                        goes down (zero: not checked)
 * @param gateProfile     which vmstorage gates apply
 */
public record RolloutSettings(Duration serviceTimeout, Duration gateTimeout, Duration pollInterval,
                              Duration reroutingWindow, GateProfile gateProfile) implements Serializable {
    public static final Duration DEFAULT_SERVICE_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_GATE_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REROUTING_WINDOW = Duration.ofSeconds(5);
    static final Set<String> KEYS = Set.of("service_timeout", "gate_timeout", "poll_interval", "rerouting_window",
            "gate_profile");

    public RolloutSettings {
        positive(serviceTimeout, "serviceTimeout");
        positive(gateTimeout, "gateTimeout");
        positive(pollInterval, "pollInterval");
        Objects.requireNonNull(reroutingWindow, "reroutingWindow");
        if (reroutingWindow.isNegative()) {
            throw new OpsValidationException("reroutingWindow must not be negative, was " + reroutingWindow);
        }
        Objects.requireNonNull(gateProfile, "gateProfile");
    }

    public static RolloutSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().serviceTimeout(serviceTimeout).gateTimeout(gateTimeout).pollInterval(pollInterval)
                .reroutingWindow(reroutingWindow).gateProfile(gateProfile);
    }

    /**
     * Keys (all optional): {@code service_timeout}, {@code gate_timeout}, {@code poll_interval},
     * {@code rerouting_window} (ISO-8601 or seconds), {@code gate_profile} ({@code cluster},
     * {@code single_node_standin}); other keys are ignored so requests can share one map.
     */
    public static RolloutSettings fromMap(Map<String, ?> map) {
        Builder b = builder();
        Duration value = OptionMaps.duration(map, "service_timeout");
        if (value != null) {
            b.serviceTimeout(value);
        }
        if ((value = OptionMaps.duration(map, "gate_timeout")) != null) {
            b.gateTimeout(value);
        }
        if ((value = OptionMaps.duration(map, "poll_interval")) != null) {
            b.pollInterval(value);
        }
        if ((value = OptionMaps.duration(map, "rerouting_window")) != null) {
            b.reroutingWindow(value);
        }
        String profile = OptionMaps.string(map, "gate_profile");
        if (profile != null) {
            try {
                b.gateProfile(GateProfile.valueOf(profile.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new OpsValidationException("gate_profile must be cluster or single_node_standin, was '" + profile + "'");
            }
        }
        return b.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service_timeout", serviceTimeout.toString());
        map.put("gate_timeout", gateTimeout.toString());
        map.put("poll_interval", pollInterval.toString());
        map.put("rerouting_window", reroutingWindow.toString());
        map.put("gate_profile", gateProfile.name().toLowerCase(Locale.ROOT));
        return map;
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new OpsValidationException(name + " must be positive, was " + duration);
        }
    }

    /** Not thread-safe. */
    public static final class Builder {
        private Duration serviceTimeout = DEFAULT_SERVICE_TIMEOUT;
        private Duration gateTimeout = DEFAULT_GATE_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration reroutingWindow = DEFAULT_REROUTING_WINDOW;
        private GateProfile gateProfile = GateProfile.CLUSTER;

        private Builder() {
        }

        public Builder serviceTimeout(Duration serviceTimeout) {
            this.serviceTimeout = serviceTimeout;
            return this;
        }

        public Builder gateTimeout(Duration gateTimeout) {
            this.gateTimeout = gateTimeout;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder reroutingWindow(Duration reroutingWindow) {
            this.reroutingWindow = reroutingWindow;
            return this;
        }

        public Builder gateProfile(GateProfile gateProfile) {
            this.gateProfile = gateProfile;
            return this;
        }

        public RolloutSettings build() {
            return new RolloutSettings(serviceTimeout, gateTimeout, pollInterval, reroutingWindow, gateProfile);
        }
    }
}
