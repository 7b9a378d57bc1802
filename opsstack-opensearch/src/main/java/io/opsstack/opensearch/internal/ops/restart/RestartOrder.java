package io.opsstack.opensearch.internal.ops.restart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.opsstack.opensearch.model.NodeInfo;

/**
 * The deterministic order of a rolling restart, so a resumed run picks the same node: data-only nodes,
 * then other roles (ingest, coordinating), then cluster-manager-eligible nodes, the elected manager last
 * (one election instead of several). Within a group: colder tiers first (cold, warm, hot, then nodes
 * without the tier attribute), then by name.
 */
public final class RestartOrder {

    private static final Map<String, Integer> TIER_RANK = Map.of("cold", 0, "warm", 1, "hot", 2);

    private RestartOrder() {
    }

    /** Node names in restart order. */
    public static List<String> order(List<NodeInfo> nodes, String electedManagerId, String tierAttribute) {
        List<NodeInfo> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.<NodeInfo>comparingInt(RestartOrder::roleGroup)
                .thenComparing(node -> node.id().equals(electedManagerId))
                .thenComparingInt(node -> tierRank(node, tierAttribute))
                .thenComparing(NodeInfo::name));
        return sorted.stream().map(NodeInfo::name).toList();
    }

    /** Why the node sits where it does, for the plan. */
    public static String reason(NodeInfo node, String electedManagerId, String tierAttribute) {
        String tier = node.attribute(tierAttribute);
        String role = switch (roleGroup(node)) {
            case 0 -> "data node";
            case 1 -> "non-data, non-manager node";
            default -> node.id().equals(electedManagerId) ? "elected cluster manager (last)" : "cluster-manager-eligible node";
        };
        return role + (tier == null ? "" : ", " + tierAttribute + "=" + tier);
    }

    static int roleGroup(NodeInfo node) {
        if (node.isClusterManagerEligible()) {
            return 2;
        }
        return node.isData() ? 0 : 1;
    }

    private static int tierRank(NodeInfo node, String tierAttribute) {
        String tier = node.attribute(tierAttribute);
        return tier == null ? TIER_RANK.size() : TIER_RANK.getOrDefault(tier, TIER_RANK.size());
    }
}
