package io.opsstack.ssh.rolling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.internal.rolling.RolloutSettings;

/**
 * What {@link RollingOps#rollingRestart} restarts: the nodes in the order given (an inventory role's
 * order, see {@link ServiceNodes#fromInventory}), the health gates each node must pass before the
 * next is touched, at most {@code maxUnavailable} nodes down at once (default 1), an optional pause
 * between nodes, and how the service is cycled. Immutable.
 */
public final class RollingRestartRequest {
    private static final Set<String> MAP_KEYS = Set.of("gates", "maxUnavailable", "pauseBetweenHosts", "method",
            "serviceTimeout", "clusterName");

    private final ServiceNodes nodes;
    private final List<HealthGate> gates;
    private final int maxUnavailable;
    private final Duration pauseBetweenHosts;
    private final RestartMethod method;
    private final Duration serviceTimeout;
    private final String clusterName;

    private RollingRestartRequest(Builder builder) {
        this.nodes = Objects.requireNonNull(builder.nodes, "nodes");
        if (nodes.nodes().isEmpty()) {
            throw new OpsValidationException("a rolling restart needs at least one node");
        }
        this.gates = RolloutSettings.requireDistinctNames(builder.gates);
        if (builder.maxUnavailable < 1 || builder.maxUnavailable > nodes.nodes().size()) {
            throw new OpsValidationException("maxUnavailable must be 1 to the " + nodes.nodes().size()
                    + " node(s) of the request, was " + builder.maxUnavailable);
        }
        this.maxUnavailable = builder.maxUnavailable;
        this.pauseBetweenHosts = RolloutSettings.requireNotNegative(builder.pauseBetweenHosts, "pauseBetweenHosts");
        this.method = Objects.requireNonNull(builder.method, "method");
        this.serviceTimeout = RolloutSettings.requirePositive(builder.serviceTimeout, "serviceTimeout");
        this.clusterName = builder.clusterName != null ? RolloutSettings.requireClusterName(builder.clusterName)
                : RolloutSettings.defaultClusterName(nodes);
    }

    /** A request for these nodes, restarted in their order. */
    public static Builder builder(ServiceNodes nodes) {
        return new Builder(nodes);
    }

    /**
     * A request from script options: {@code gates} (list of maps, see {@link HealthGates#fromMap}),
     * {@code maxUnavailable}, {@code pauseBetweenHosts}, {@code method} (STOP_START or RESTART),
     * {@code serviceTimeout}, {@code clusterName}.
     */
    public static RollingRestartRequest fromMap(ServiceNodes nodes, Map<String, ?> options) {
        OptionMaps.requireKnownKeys(options, MAP_KEYS, "rolling restart");
        Builder builder = builder(nodes).gates(RolloutSettings.gates(options));
        Integer maxUnavailable = OptionMaps.integer(options, "maxUnavailable");
        if (maxUnavailable != null) {
            builder.maxUnavailable(maxUnavailable);
        }
        Duration pause = OptionMaps.duration(options, "pauseBetweenHosts");
        if (pause != null) {
            builder.pauseBetweenHosts(pause);
        }
        String method = OptionMaps.string(options, "method");
        if (method != null) {
            try {
                builder.method(RestartMethod.valueOf(method.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new OpsValidationException("method must be STOP_START or RESTART, was '" + method + "'");
            }
        }
        Duration serviceTimeout = OptionMaps.duration(options, "serviceTimeout");
        if (serviceTimeout != null) {
            builder.serviceTimeout(serviceTimeout);
        }
        return builder.clusterName(OptionMaps.string(options, "clusterName")).build();
    }

    public Builder toBuilder() {
        return new Builder(nodes).gates(gates).maxUnavailable(maxUnavailable).pauseBetweenHosts(pauseBetweenHosts)
                .method(method).serviceTimeout(serviceTimeout).clusterName(clusterName);
    }

    /** The nodes in restart order. */
    public List<ServiceNode> nodes() {
        return nodes.nodes();
    }

    public ServiceNodes serviceNodes() {
        return nodes;
    }

    public List<HealthGate> gates() {
        return gates;
    }

    public int maxUnavailable() {
        return maxUnavailable;
    }

    public Duration pauseBetweenHosts() {
        return pauseBetweenHosts;
    }

    public RestartMethod method() {
        return method;
    }

    /** Bound of each stop, start or restart. */
    public Duration serviceTimeout() {
        return serviceTimeout;
    }

    /** Names the fleet in the operation's target ({@code ssh/<clusterName>}), which is also its lease key. */
    public String clusterName() {
        return clusterName;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("clusterName", clusterName);
        map.put("nodes", nodes.toMap().get("nodes"));
        List<Map<String, Object>> gateMaps = new ArrayList<>();
        gates.forEach(gate -> gateMaps.add(gate.toMap()));
        map.put("gates", gateMaps);
        map.put("maxUnavailable", maxUnavailable);
        map.put("pauseBetweenHosts", pauseBetweenHosts.toString());
        map.put("method", method.name());
        map.put("serviceTimeout", serviceTimeout.toString());
        return map;
    }

    @Override
    public String toString() {
        return "RollingRestartRequest[" + clusterName + ", " + nodes.nodes().size() + " nodes, gates "
                + RolloutSettings.gateNames(gates) + ", maxUnavailable=" + maxUnavailable + "]";
    }

    /** Builder of {@link RollingRestartRequest}; defaults: no gates, maxUnavailable 1, no pause, STOP_START, 5 minutes per service action. */
    public static final class Builder {
        private final ServiceNodes nodes;
        private final List<HealthGate> gates = new ArrayList<>();
        private int maxUnavailable = 1;
        private Duration pauseBetweenHosts = Duration.ZERO;
        private RestartMethod method = RestartMethod.STOP_START;
        private Duration serviceTimeout = RolloutSettings.DEFAULT_SERVICE_TIMEOUT;
        private String clusterName;

        private Builder(ServiceNodes nodes) {
            this.nodes = nodes;
        }

        /** Adds a gate every node must pass after its restart (and others pass before it goes down). */
        public Builder gate(HealthGate gate) {
            gates.add(Objects.requireNonNull(gate, "gate"));
            return this;
        }

        /** Replaces the gates. */
        public Builder gates(List<? extends HealthGate> newGates) {
            gates.clear();
            newGates.forEach(this::gate);
            return this;
        }

        public Builder maxUnavailable(int nodesDownAtOnce) {
            this.maxUnavailable = nodesDownAtOnce;
            return this;
        }

        public Builder pauseBetweenHosts(Duration pause) {
            this.pauseBetweenHosts = pause;
            return this;
        }

        public Builder method(RestartMethod restartMethod) {
            this.method = restartMethod;
            return this;
        }

        public Builder serviceTimeout(Duration timeout) {
            this.serviceTimeout = timeout;
            return this;
        }

        /** Null for the default: the services' names joined by {@code +}. */
        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        public RollingRestartRequest build() {
            return new RollingRestartRequest(this);
        }
    }
}
