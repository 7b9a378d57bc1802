package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Whether one node could take the shard, with the deciders that said so.
 *
 * @param nodeName the node's name
 * @param nodeId the node's id; empty when not reported
 * @param decision {@code YES}, {@code NO}, {@code THROTTLED}, {@code WORSE_BALANCE} … (upper case)
 * @param deciders the deciders that decided (the server lists only the non-YES ones unless asked for all)
 */
public record NodeDecision(String nodeName, String nodeId, String decision, List<DeciderDecision> deciders)
        implements Serializable {

    public NodeDecision {
        Objects.requireNonNull(nodeName, "nodeName");
        nodeId = nodeId == null ? "" : nodeId;
        decision = Objects.requireNonNull(decision, "decision").toUpperCase(Locale.ROOT);
        deciders = List.copyOf(deciders);
    }

    public boolean isNo() {
        return "NO".equals(decision);
    }

    /** "node: decider NO: explanation; …" for messages. */
    public String reason() {
        List<String> no = deciders.stream().filter(DeciderDecision::isNo).map(DeciderDecision::toString).toList();
        return nodeName + " " + decision + (no.isEmpty() ? "" : " (" + String.join("; ", no) + ")");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node_name", nodeName);
        map.put("node_id", nodeId);
        map.put("decision", decision);
        map.put("deciders", deciders.stream().map(DeciderDecision::toMap).toList());
        return map;
    }
}
