package io.opsstack.ssh.rolling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.internal.rolling.RolloutSettings;

/**
 * What {@link RollingOps#syncRollout} does, as {@code sync.sh} did: verify the reference node (its
 * gates pass), then for every other node in order, one at a time: stop, make the target directory
 * match the source, start, gate. The source is the reference node's directory or a local
 * directory. Directory paths may contain {@code {node}} (the node's name), for hosts that keep
 * the directory at different paths. Immutable.
 */
public final class SyncRolloutRequest {
    private static final Set<String> MAP_KEYS = Set.of("referenceNode", "localSource", "sourceDirectory",
            "targetDirectory", "deleteExtras", "gates", "pauseBetweenHosts", "serviceTimeout", "clusterName");

    private final ServiceNodes nodes;
    private final String referenceNode;
    private final Path localSource;
    private final String sourceDirectory;
    private final String targetDirectory;
    private final boolean deleteExtras;
    private final List<HealthGate> gates;
    private final Duration pauseBetweenHosts;
    private final Duration serviceTimeout;
    private final String clusterName;

    private SyncRolloutRequest(Builder builder) {
        this.nodes = Objects.requireNonNull(builder.nodes, "nodes");
        this.referenceNode = builder.referenceNode;
        this.localSource = builder.localSource == null ? null : builder.localSource.toAbsolutePath().normalize();
        if (referenceNode == null && localSource == null) {
            throw new OpsValidationException("a sync rollout needs a reference node or a local source directory");
        }
        if (referenceNode != null) {
            nodes.get(referenceNode); // refuses an unknown reference node now rather than at plan time
        }
        if (builder.targetDirectory == null || builder.targetDirectory.isBlank()) {
            throw new OpsValidationException("a sync rollout needs the target directory");
        }
        this.targetDirectory = builder.targetDirectory;
        this.sourceDirectory = builder.sourceDirectory != null ? builder.sourceDirectory : targetDirectory;
        this.deleteExtras = builder.deleteExtras;
        this.gates = RolloutSettings.requireDistinctNames(builder.gates);
        this.pauseBetweenHosts = RolloutSettings.requireNotNegative(builder.pauseBetweenHosts, "pauseBetweenHosts");
        this.serviceTimeout = RolloutSettings.requirePositive(builder.serviceTimeout, "serviceTimeout");
        this.clusterName = builder.clusterName != null ? RolloutSettings.requireClusterName(builder.clusterName)
                : RolloutSettings.defaultClusterName(nodes);
        if (targets().isEmpty()) {
            throw new OpsValidationException("a sync rollout needs at least one node besides the reference node");
        }
    }

    /** Copies {@code targetDirectory} from the verified reference node to every other node. */
    public static Builder fromReference(ServiceNodes nodes, String referenceNode, String targetDirectory) {
        return new Builder(nodes).referenceNode(Objects.requireNonNull(referenceNode, "referenceNode"))
                .targetDirectory(targetDirectory);
    }

    /** Copies a local directory to every node (but a reference node, if one is named as well). */
    public static Builder fromLocal(ServiceNodes nodes, Path localDirectory, String targetDirectory) {
        return new Builder(nodes).localSource(Objects.requireNonNull(localDirectory, "localDirectory"))
                .targetDirectory(targetDirectory);
    }

    /**
     * A request from script options: {@code referenceNode} and/or {@code localSource},
     * {@code targetDirectory} (required), {@code sourceDirectory}, {@code deleteExtras}, {@code gates}
     * (list of maps, see {@link HealthGates#fromMap}), {@code pauseBetweenHosts},
     * {@code serviceTimeout}, {@code clusterName}.
     */
    public static SyncRolloutRequest fromMap(ServiceNodes nodes, Map<String, ?> options) {
        OptionMaps.requireKnownKeys(options, MAP_KEYS, "sync rollout");
        Builder builder = new Builder(nodes)
                .referenceNode(OptionMaps.string(options, "referenceNode"))
                .localSource(OptionMaps.path(options, "localSource"))
                .targetDirectory(OptionMaps.requiredString(options, "targetDirectory", "a sync rollout"))
                .sourceDirectory(OptionMaps.string(options, "sourceDirectory"))
                .gates(RolloutSettings.gates(options))
                .clusterName(OptionMaps.string(options, "clusterName"));
        Boolean deleteExtras = OptionMaps.bool(options, "deleteExtras");
        if (deleteExtras != null) {
            builder.deleteExtras(deleteExtras);
        }
        Duration pause = OptionMaps.duration(options, "pauseBetweenHosts");
        if (pause != null) {
            builder.pauseBetweenHosts(pause);
        }
        Duration serviceTimeout = OptionMaps.duration(options, "serviceTimeout");
        if (serviceTimeout != null) {
            builder.serviceTimeout(serviceTimeout);
        }
        return builder.build();
    }

    public Builder toBuilder() {
        return new Builder(nodes).referenceNode(referenceNode).localSource(localSource).sourceDirectory(sourceDirectory)
                .targetDirectory(targetDirectory).deleteExtras(deleteExtras).gates(gates)
                .pauseBetweenHosts(pauseBetweenHosts).serviceTimeout(serviceTimeout).clusterName(clusterName);
    }

    /** The reference node, or null when only a local source is used. */
    public ServiceNode reference() {
        return referenceNode == null ? null : nodes.get(referenceNode);
    }

    /** The nodes to update, in order: every node but the reference. */
    public List<ServiceNode> targets() {
        List<ServiceNode> targets = new ArrayList<>();
        nodes.nodes().stream().filter(node -> !node.node().equals(referenceNode)).forEach(targets::add);
        return List.copyOf(targets);
    }

    public ServiceNodes serviceNodes() {
        return nodes;
    }

    /** The local source directory, or null when the reference node is the source. */
    public Path localSource() {
        return localSource;
    }

    /** The directory on the reference node (template); defaults to the target directory. */
    public String sourceDirectory() {
        return sourceDirectory;
    }

    /** The directory on each node (template with {@code {node}}). */
    public String targetDirectory() {
        return targetDirectory;
    }

    public boolean deleteExtras() {
        return deleteExtras;
    }

    public List<HealthGate> gates() {
        return gates;
    }

    public Duration pauseBetweenHosts() {
        return pauseBetweenHosts;
    }

    public Duration serviceTimeout() {
        return serviceTimeout;
    }

    public String clusterName() {
        return clusterName;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("clusterName", clusterName);
        map.put("nodes", nodes.toMap().get("nodes"));
        map.put("referenceNode", referenceNode);
        map.put("localSource", localSource == null ? null : localSource.toString());
        map.put("sourceDirectory", sourceDirectory);
        map.put("targetDirectory", targetDirectory);
        map.put("deleteExtras", deleteExtras);
        List<Map<String, Object>> gateMaps = new ArrayList<>();
        gates.forEach(gate -> gateMaps.add(gate.toMap()));
        map.put("gates", gateMaps);
        map.put("pauseBetweenHosts", pauseBetweenHosts.toString());
        map.put("serviceTimeout", serviceTimeout.toString());
        return map;
    }

    @Override
    public String toString() {
        return "SyncRolloutRequest[" + clusterName + ", from " + (localSource != null ? localSource : referenceNode)
                + " to " + targets().size() + " nodes:" + targetDirectory + ", gates " + RolloutSettings.gateNames(gates) + "]";
    }

    /** Builder of {@link SyncRolloutRequest}; defaults: extras kept, no gates, no pause, 5 minutes per service action. */
    public static final class Builder {
        private final ServiceNodes nodes;
        private String referenceNode;
        private Path localSource;
        private String sourceDirectory;
        private String targetDirectory;
        private boolean deleteExtras;
        private final List<HealthGate> gates = new ArrayList<>();
        private Duration pauseBetweenHosts = Duration.ZERO;
        private Duration serviceTimeout = RolloutSettings.DEFAULT_SERVICE_TIMEOUT;
        private String clusterName;

        private Builder(ServiceNodes nodes) {
            this.nodes = nodes;
        }

        /** The verified node: checked by the gates first, never changed; the source unless a local one is set. */
        public Builder referenceNode(String node) {
            this.referenceNode = node;
            return this;
        }

        /** A local directory to copy instead of the reference node's. */
        public Builder localSource(Path directory) {
            this.localSource = directory;
            return this;
        }

        /** The directory on the reference node, if not the same path as on the targets. */
        public Builder sourceDirectory(String directory) {
            this.sourceDirectory = directory;
            return this;
        }

        public Builder targetDirectory(String directory) {
            this.targetDirectory = directory;
            return this;
        }

        /** Delete files that exist only on a target (off by default). */
        public Builder deleteExtras(boolean enabled) {
            this.deleteExtras = enabled;
            return this;
        }

        public Builder gate(HealthGate gate) {
            gates.add(Objects.requireNonNull(gate, "gate"));
            return this;
        }

        public Builder gates(List<? extends HealthGate> newGates) {
            gates.clear();
            newGates.forEach(this::gate);
            return this;
        }

        public Builder pauseBetweenHosts(Duration pause) {
            this.pauseBetweenHosts = pause;
            return this;
        }

        public Builder serviceTimeout(Duration timeout) {
            this.serviceTimeout = timeout;
            return this;
        }

        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        public SyncRolloutRequest build() {
            return new SyncRolloutRequest(this);
        }
    }
}
