package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A voting configuration exclusion in the cluster state; {@code nodeName} may be {@code _absent_}. */
public record VotingExclusion(String nodeId, String nodeName) implements Serializable {

    public VotingExclusion {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(nodeName, "nodeName");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node_id", nodeId);
        map.put("node_name", nodeName);
        return map;
    }
}
