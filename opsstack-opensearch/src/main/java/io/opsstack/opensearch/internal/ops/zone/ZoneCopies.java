package io.opsstack.opensearch.internal.ops.zone;

import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Which shards would lose every started copy if a zone went away. Pure. */
final class ZoneCopies {

    private ZoneCopies() {
    }

    /** Shards ({@code index[shard]}) without a STARTED copy on a node outside the zone. */
    static List<String> onlyInZone(List<ShardRow> shards, List<NodeInfo> nodes, String attribute, String zone) {
        Map<String, String> zoneOfNode = new HashMap<>();
        nodes.forEach(n -> zoneOfNode.put(n.name(), n.attribute(attribute)));
        TreeSet<String> all = new TreeSet<>();
        TreeSet<String> safe = new TreeSet<>();
        for (ShardRow row : shards) {
            String key = row.index() + "[" + row.shard() + "]";
            all.add(key);
            boolean started = row.state() == ShardState.STARTED || row.state() == ShardState.RELOCATING;
            if (started && !zone.equals(zoneOfNode.get(row.node()))) {
                safe.add(key);
            }
        }
        all.removeAll(safe);
        return List.copyOf(all);
    }
}
