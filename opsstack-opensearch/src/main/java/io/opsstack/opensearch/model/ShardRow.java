package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One shard copy from {@code _cat/shards}.
 *
 * @param docs document count, null when unknown (unassigned or initialising copies)
 * @param storeBytes store size in bytes, null when unknown
 * @param ip IP of the node holding the copy (the source of a relocating copy); null when unassigned
 * @param nodeId id of that node; null when unassigned
 * @param node name of that node; null when unassigned
 * @param relocatingTo the target of a RELOCATING copy, otherwise null
 * @param unassignedReason the reason code of an UNASSIGNED copy (e.g. {@code NODE_LEFT}), otherwise null
 */
public record ShardRow(
        String index,
        int shard,
        boolean primary,
        ShardState state,
        Long docs,
        Long storeBytes,
        String ip,
        String nodeId,
        String node,
        RelocationTarget relocatingTo,
        String unassignedReason) implements Serializable {

    public ShardRow {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(state, "state");
        if (shard < 0) {
            throw new IllegalArgumentException("shard number must not be negative: " + shard);
        }
        if ((state == ShardState.RELOCATING) != (relocatingTo != null)) {
            throw new IllegalArgumentException("a relocation target is required for, and only for, RELOCATING copies");
        }
        if (state != ShardState.UNASSIGNED && node == null) {
            throw new IllegalArgumentException(state + " copy of " + index + "[" + shard + "] has no node");
        }
    }

    /** True when this copy occupies {@code nodeName}: it is held there or is relocating there. */
    public boolean occupies(String nodeName) {
        return nodeName.equals(node) || (relocatingTo != null && nodeName.equals(relocatingTo.node()));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("shard", shard);
        m.put("primary", primary);
        m.put("state", state.name());
        m.put("docs", docs);
        m.put("store_bytes", storeBytes);
        m.put("ip", ip);
        m.put("node_id", nodeId);
        m.put("node", node);
        m.put("relocating_to", relocatingTo == null ? null : relocatingTo.toMap());
        m.put("unassigned_reason", unassignedReason);
        return m;
    }
}
