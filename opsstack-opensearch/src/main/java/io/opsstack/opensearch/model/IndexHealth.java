package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Health of one index, from {@code _cluster/health?level=indices}. */
public record IndexHealth(
        String index,
        HealthStatus status,
        int numberOfShards,
        int numberOfReplicas,
        int activePrimaryShards,
        int activeShards,
        int relocatingShards,
        int initializingShards,
        int unassignedShards) implements Serializable {

    public IndexHealth {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(status, "status");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("status", status.apiValue());
        m.put("number_of_shards", numberOfShards);
        m.put("number_of_replicas", numberOfReplicas);
        m.put("active_primary_shards", activePrimaryShards);
        m.put("active_shards", activeShards);
        m.put("relocating_shards", relocatingShards);
        m.put("initializing_shards", initializingShards);
        m.put("unassigned_shards", unassignedShards);
        return m;
    }
}
