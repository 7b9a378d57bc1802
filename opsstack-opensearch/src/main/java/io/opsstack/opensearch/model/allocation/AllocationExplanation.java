package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code _cluster/allocation/explain} for one shard copy. Decision fields hold the
 * server's words in upper case ({@code YES}, {@code NO}, {@code THROTTLED}, …) and are null when the
 * answer did not contain them (an unassigned copy has no {@code can_remain_on_current_node}).
 *
 * @param currentState e.g. {@code STARTED}, {@code UNASSIGNED}
 * @param currentNode the node holding the copy; null when unassigned
 * @param canAllocate for unassigned copies
 * @param canRemainOnCurrentNode for assigned copies
 * @param canMoveToOtherNode for assigned copies that cannot remain
 * @param canRebalanceToOtherNode for assigned copies that may remain
 * @param explanation the server's summary sentence ({@code allocate_explanation}, {@code move_explanation}…)
 * @param remainDeciders the deciders behind {@code can_remain_on_current_node}
 * @param nodeDecisions per other node, whether it could take the copy
 */
public record AllocationExplanation(String index, int shard, boolean primary, String currentState, String currentNode,
                                    String canAllocate, String canRemainOnCurrentNode, String canMoveToOtherNode,
                                    String canRebalanceToOtherNode, String explanation,
                                    List<DeciderDecision> remainDeciders, List<NodeDecision> nodeDecisions)
        implements Serializable {

    public AllocationExplanation {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(currentState, "currentState");
        explanation = explanation == null ? "" : explanation;
        remainDeciders = List.copyOf(remainDeciders);
        nodeDecisions = List.copyOf(nodeDecisions);
    }

    /**
     * Whether some node other than the current one could take the copy: {@code can_move_to_other_node}
     * when the server answered it, otherwise any node decision that is not NO.
     */
    public boolean movable() {
        if (canMoveToOtherNode != null) {
            return !"NO".equals(canMoveToOtherNode);
        }
        return nodeDecisions.stream().anyMatch(d -> !d.isNo() && !d.nodeName().equals(currentNode));
    }

    /** Readable reasons: the summary and every node's NO deciders. */
    public String reasons() {
        List<String> parts = new ArrayList<>();
        if (!explanation.isEmpty()) {
            parts.add(explanation);
        }
        nodeDecisions.stream().filter(NodeDecision::isNo).forEach(d -> parts.add(d.reason()));
        return index + "[" + shard + "]" + (primary ? "p" : "r") + ": " + String.join(" | ", parts);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("index", index);
        map.put("shard", shard);
        map.put("primary", primary);
        map.put("current_state", currentState);
        map.put("current_node", currentNode);
        map.put("can_allocate", canAllocate);
        map.put("can_remain_on_current_node", canRemainOnCurrentNode);
        map.put("can_move_to_other_node", canMoveToOtherNode);
        map.put("can_rebalance_to_other_node", canRebalanceToOtherNode);
        map.put("explanation", explanation);
        map.put("remain_deciders", remainDeciders.stream().map(DeciderDecision::toMap).toList());
        map.put("node_decisions", nodeDecisions.stream().map(NodeDecision::toMap).toList());
        return map;
    }
}
