package io.opsstack.opensearch.internal.ops.restart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.opensearch.model.NodeInfo;

/**
 * The cluster as a rolling-restart plan saw it, stored in (and read back from) the plan parameters so a
 * resumed run judges against the same expectations.
 */
record PlanTopology(List<String> clusterNodes, List<String> managerNodes, Map<String, String> tiers,
                    int maxUnavailable, int baselineUnassigned) {

    static final String CLUSTER_NODES = "cluster_nodes";
    static final String MANAGER_NODES = "manager_nodes";
    static final String TIER_PREFIX = "tier.";
    static final String MAX_UNAVAILABLE = "max_unavailable";
    static final String BASELINE_UNASSIGNED = "baseline_unassigned";

    PlanTopology {
        clusterNodes = List.copyOf(clusterNodes);
        managerNodes = List.copyOf(managerNodes);
        tiers = Map.copyOf(tiers);
    }

    static PlanTopology of(List<NodeInfo> nodes, String tierAttribute, int maxUnavailable, int baselineUnassigned) {
        List<String> all = new ArrayList<>();
        List<String> managers = new ArrayList<>();
        Map<String, String> tiers = new LinkedHashMap<>();
        for (NodeInfo node : nodes) {
            all.add(node.name());
            if (node.isClusterManagerEligible()) {
                managers.add(node.name());
            }
            String tier = node.attribute(tierAttribute);
            if (tier != null) {
                tiers.put(node.name(), tier);
            }
        }
        return new PlanTopology(all, managers, tiers, maxUnavailable, baselineUnassigned);
    }

    static PlanTopology fromParameters(Map<String, String> parameters) {
        Map<String, String> tiers = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (key.startsWith(TIER_PREFIX)) {
                tiers.put(key.substring(TIER_PREFIX.length()), value);
            }
        });
        return new PlanTopology(split(parameters.get(CLUSTER_NODES)), split(parameters.get(MANAGER_NODES)), tiers,
                Integer.parseInt(parameters.getOrDefault(MAX_UNAVAILABLE, "1")),
                Integer.parseInt(parameters.getOrDefault(BASELINE_UNASSIGNED, "0")));
    }

    Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(CLUSTER_NODES, String.join(",", clusterNodes));
        parameters.put(MANAGER_NODES, String.join(",", managerNodes));
        tiers.forEach((node, tier) -> parameters.put(TIER_PREFIX + node, tier));
        parameters.put(MAX_UNAVAILABLE, String.valueOf(maxUnavailable));
        parameters.put(BASELINE_UNASSIGNED, String.valueOf(baselineUnassigned));
        return parameters;
    }

    String tierOf(String node) {
        return tiers.get(node);
    }

    List<String> nodesOfTier(String tier) {
        return clusterNodes.stream().filter(node -> tier.equals(tiers.get(node))).toList();
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.split(","));
    }
}
