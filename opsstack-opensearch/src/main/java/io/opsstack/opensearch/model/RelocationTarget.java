package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Where a RELOCATING shard copy is moving to. */
public record RelocationTarget(String ip, String nodeId, String node) implements Serializable {

    public RelocationTarget {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(node, "node");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", ip);
        m.put("node_id", nodeId);
        m.put("node", node);
        return m;
    }
}
