package io.opsstack.opensearch.ops;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.api.service.ServiceControl;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Drain (and optionally decommission) one node: move every shard off it, then, when a
 * {@link ServiceControl} is given, stop it and drop its exclusion once it has left. Without one the
 * node stays excluded; {@code OpenSearchOps.undrain(node)} takes it back.
 *
 * @param node the node's name
 * @param serviceControl stops the node after the drain; null to leave it running (and excluded).
 *        The request is serialisable only when this is null or serialisable itself.
 * @param recoveryLimits how far recovery throttles may be raised during the drain
 * @param waitTimeout how long the shards may take to leave
 * @param pollInterval how often progress is read (completion is seen within one interval)
 * @param stallPolls polls without progress after which the drain is reported as stalled, with the
 *        server's per-shard reasons
 * @param stopTimeout how long stopping the node and seeing it leave may take
 */
public record DrainRequest(String node, ServiceControl serviceControl, RecoveryLimits recoveryLimits,
                           Duration waitTimeout, Duration pollInterval, int stallPolls, Duration stopTimeout)
        implements Serializable {
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(60);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    public static final int DEFAULT_STALL_POLLS = 60;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofMinutes(2);

    public DrainRequest {
        if (node == null || node.isBlank()) {
            throw new OpsValidationException("a drain needs a node name");
        }
        if (recoveryLimits == null) {
            throw new OpsValidationException("recoveryLimits must not be null; use RecoveryLimits.unchanged()");
        }
        positive(waitTimeout, "waitTimeout");
        positive(pollInterval, "pollInterval");
        positive(stopTimeout, "stopTimeout");
        if (stallPolls < 1) {
            throw new OpsValidationException("stallPolls must be 1 or more");
        }
    }

    public static Builder builder(String node) {
        return new Builder(node);
    }

    public Builder toBuilder() {
        return new Builder(node).serviceControl(serviceControl).recoveryLimits(recoveryLimits)
                .waitTimeout(waitTimeout).pollInterval(pollInterval).stallPolls(stallPolls).stopTimeout(stopTimeout);
    }

    /** Whether the node is stopped after the drain. */
    public boolean stopsNode() {
        return serviceControl != null;
    }

    /**
     * Keys (the {@link #toMap()} form): {@code node}, {@code wait_timeout_seconds}, {@code poll_interval_millis},
     * {@code stall_polls}, {@code stop_timeout_seconds}, {@code recovery_limits} (a map, see
     * {@link RecoveryLimits#fromMap}). {@code stop_node} may only be false: stopping needs a
     * {@link ServiceControl}, given through the builder.
     */
    public static DrainRequest fromMap(Map<String, ?> map) {
        OptionMaps.requireKnownKeys(map, Set.of("node", "stop_node", "recovery_limits", "wait_timeout_seconds",
                "poll_interval_millis", "stall_polls", "stop_timeout_seconds"), "drain");
        if (Boolean.TRUE.equals(OptionMaps.bool(map, "stop_node"))) {
            throw new OpsValidationException("drain 'stop_node' needs a ServiceControl: set it with DrainRequest.builder(node)"
                    + ".serviceControl(...)");
        }
        Builder builder = builder(OptionMaps.requiredString(map, "node", "a drain").trim())
                .waitTimeout(RequestChecks.seconds(map, "wait_timeout_seconds", DEFAULT_WAIT_TIMEOUT))
                .pollInterval(RequestChecks.millis(map, "poll_interval_millis", DEFAULT_POLL_INTERVAL))
                .stopTimeout(RequestChecks.seconds(map, "stop_timeout_seconds", DEFAULT_STOP_TIMEOUT));
        Integer stallPolls = OptionMaps.integer(map, "stall_polls");
        if (stallPolls != null) {
            builder.stallPolls(stallPolls);
        }
        Object limits = map.get("recovery_limits");
        if (limits instanceof Map<?, ?> limitsMap) {
            builder.recoveryLimits(RecoveryLimits.fromMap(RequestChecks.stringKeys(limitsMap, "recovery_limits")));
        } else if (limits != null) {
            throw new OpsValidationException("'recovery_limits' must be a map, was '" + limits + "'");
        }
        return builder.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node", node);
        map.put("stop_node", stopsNode());
        map.put("recovery_limits", recoveryLimits.toMap());
        map.put("wait_timeout_seconds", waitTimeout.toSeconds());
        map.put("poll_interval_millis", pollInterval.toMillis());
        map.put("stall_polls", stallPolls);
        map.put("stop_timeout_seconds", stopTimeout.toSeconds());
        return map;
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new OpsValidationException("drain " + name + " must be a positive duration, was " + value);
        }
    }

    public static final class Builder {
        private final String node;
        private ServiceControl serviceControl;
        private RecoveryLimits recoveryLimits = RecoveryLimits.defaults();
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private int stallPolls = DEFAULT_STALL_POLLS;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;

        private Builder(String node) {
            this.node = node;
        }

        /** Stop the node through this control after the drain. */
        public Builder serviceControl(ServiceControl serviceControl) {
            this.serviceControl = serviceControl;
            return this;
        }

        public Builder recoveryLimits(RecoveryLimits recoveryLimits) {
            this.recoveryLimits = recoveryLimits;
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

        public Builder stallPolls(int stallPolls) {
            this.stallPolls = stallPolls;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public DrainRequest build() {
            return new DrainRequest(node, serviceControl, recoveryLimits, waitTimeout, pollInterval, stallPolls,
                    stopTimeout);
        }
    }
}
