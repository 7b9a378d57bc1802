package io.opsstack.testkit.opensearch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsValidationException;

/**
 * The nodes of a lab. Ready-made topologies mirror a tiered logging fleet (data in hot, warm and
 * cold tiers told apart by the {@code temp} node attribute, each node in its own {@code zone});
 * build others with {@link #builder(String)}.
 *
 * @param name  short identifier, used in shared-lab keys and directory names
 * @param nodes at least one node, unique names, at least one cluster-manager-eligible node
 */
public record LabTopology(String name, List<LabNodeSpec> nodes) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Name of {@link #hotWarmCold()}. */
    public static final String HOT_WARM_COLD = "hot-warm-cold";
    /** Name of {@link #hotWarmColdTwoHot()}. */
    public static final String HOT_WARM_COLD_TWO_HOT = "hot-warm-cold-two-hot";
    /** Name of {@link #singleNode()}. */
    public static final String SINGLE_NODE = "single-node";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public LabTopology {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new OpsValidationException("invalid topology name '" + name + "': lower-case letters, digits, '.', '_', '-'");
        }
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        if (nodes.isEmpty()) {
            throw new OpsValidationException("topology '" + name + "' has no nodes");
        }
        Set<String> names = new HashSet<>();
        for (LabNodeSpec node : nodes) {
            if (!names.add(node.name())) {
                throw new OpsValidationException("topology '" + name + "' repeats node name " + node.name(), node.name());
            }
        }
        if (nodes.stream().noneMatch(LabNodeSpec::isClusterManagerEligible)) {
            throw new OpsValidationException("topology '" + name + "' has no cluster_manager-eligible node");
        }
    }

    /**
     * Three nodes {@code opensearch-hot-1}, {@code opensearch-warm-1}, {@code opensearch-cold-1}, each
     * cluster_manager + data + ingest, with {@code temp=hot|warm|cold} and {@code zone=zone-a|b|c}.
     */
    public static LabTopology hotWarmCold() {
        return new LabTopology(HOT_WARM_COLD, List.of(
                tierNode("opensearch-hot-1", "hot", "zone-a"),
                tierNode("opensearch-warm-1", "warm", "zone-b"),
                tierNode("opensearch-cold-1", "cold", "zone-c")));
    }

    /**
     * {@link #hotWarmCold()} plus {@code opensearch-hot-2} ({@code temp=hot}, {@code zone=zone-b}), so a
     * hot node can be drained or lost while the hot tier keeps a home for its shards.
     */
    public static LabTopology hotWarmColdTwoHot() {
        List<LabNodeSpec> nodes = new ArrayList<>(hotWarmCold().nodes());
        nodes.add(1, tierNode("opensearch-hot-2", "hot", "zone-b"));
        return new LabTopology(HOT_WARM_COLD_TWO_HOT, nodes);
    }

    /** One node {@code opensearch-1} with every role: the cheapest lab. */
    public static LabTopology singleNode() {
        return new LabTopology(SINGLE_NODE, List.of(LabNodeSpec.builder("opensearch-1").build()));
    }

    /** One of the ready-made topologies by its name. */
    public static LabTopology named(String name) {
        switch (name) {
            case HOT_WARM_COLD:
                return hotWarmCold();
            case HOT_WARM_COLD_TWO_HOT:
                return hotWarmColdTwoHot();
            case SINGLE_NODE:
                return singleNode();
            default:
                throw new OpsValidationException("unknown lab topology '" + name + "'; ready-made ones are "
                        + List.of(HOT_WARM_COLD, HOT_WARM_COLD_TWO_HOT, SINGLE_NODE));
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name);
        nodes.forEach(builder::node);
        return builder;
    }

    /** The node spec with that name. */
    public LabNodeSpec node(String nodeName) {
        for (LabNodeSpec node : nodes) {
            if (node.name().equals(nodeName)) {
                return node;
            }
        }
        throw new OpsValidationException("no node '" + nodeName + "' in topology " + name, nodeName);
    }

    /** Names of all nodes, in topology order. */
    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> names.add(node.name()));
        return names;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        List<Map<String, Object>> nodeMaps = new ArrayList<>();
        nodes.forEach(node -> nodeMaps.add(node.toMap()));
        map.put("nodes", nodeMaps);
        return map;
    }

    /** Reads the {@link #toMap()} form; a map with only {@code name} selects a ready-made topology. */
    public static LabTopology fromMap(Map<String, ?> map) {
        Object name = map.get("name");
        if (!(name instanceof String)) {
            throw new OpsValidationException("lab topology needs a 'name' string: " + map);
        }
        Object nodes = map.get("nodes");
        if (nodes == null) {
            return named((String) name);
        }
        if (!(nodes instanceof List<?>)) {
            throw new OpsValidationException("lab topology 'nodes' must be a list of maps: " + nodes);
        }
        Builder builder = builder((String) name);
        for (Object node : (List<?>) nodes) {
            if (!(node instanceof Map<?, ?>)) {
                throw new OpsValidationException("lab topology node must be a map: " + node);
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> nodeMap = (Map<String, ?>) node;
            builder.node(LabNodeSpec.fromMap(nodeMap));
        }
        return builder.build();
    }

    private static LabNodeSpec tierNode(String name, String temperature, String zone) {
        return LabNodeSpec.builder(name).attribute("temp", temperature).attribute("zone", zone).build();
    }

    /** Builder for {@link LabTopology}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<LabNodeSpec> nodes = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder node(LabNodeSpec node) {
            nodes.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        public LabTopology build() {
            return new LabTopology(name, nodes);
        }
    }
}
