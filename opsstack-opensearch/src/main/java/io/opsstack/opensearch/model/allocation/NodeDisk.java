package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** File-system totals of one node from {@code _nodes/stats/fs}. */
public record NodeDisk(String nodeId, String nodeName, long totalBytes, long availableBytes, long freeBytes)
        implements Serializable {

    public NodeDisk {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(nodeName, "nodeName");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node_id", nodeId);
        map.put("node_name", nodeName);
        map.put("total_bytes", totalBytes);
        map.put("available_bytes", availableBytes);
        map.put("free_bytes", freeBytes);
        return map;
    }
}
