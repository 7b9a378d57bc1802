package io.opsstack.opensearch.model.allocation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code _cat/allocation?bytes=b}: disk and shard count of a node. Disk fields are null
 * when the server did not report them (e.g. the {@code UNASSIGNED} row).
 *
 * @param node the node name, or {@code UNASSIGNED} for the row counting unassigned shards
 * @param diskPercent used disk in percent of total
 */
public record NodeAllocation(String node, int shards, Long diskIndicesBytes, Long diskUsedBytes, Long diskAvailBytes,
                             Long diskTotalBytes, Integer diskPercent) implements Serializable {

    public NodeAllocation {
        Objects.requireNonNull(node, "node");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node", node);
        map.put("shards", shards);
        map.put("disk_indices_bytes", diskIndicesBytes);
        map.put("disk_used_bytes", diskUsedBytes);
        map.put("disk_avail_bytes", diskAvailBytes);
        map.put("disk_total_bytes", diskTotalBytes);
        map.put("disk_percent", diskPercent);
        return map;
    }
}
