package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.patroni.model.ClusterStatus;

/**
 * How a switchover or failover ended.
 *
 * @param formerLeader the leader before the operation, null if there was none
 * @param leader the leader afterwards
 * @param timeline the leader's timeline afterwards
 * @param cluster the converged cluster as last read
 */
public record SwitchoverResult(String formerLeader, String leader, long timeline, ClusterStatus cluster)
        implements Serializable {

    public SwitchoverResult {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(cluster, "cluster");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("former_leader", formerLeader);
        map.put("leader", leader);
        map.put("timeline", timeline);
        map.put("cluster", cluster.toMap());
        return map;
    }
}
