package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Answer of {@code GET _cluster/health}. A wait_for_* request that ran out of time is still a
 * health answer: {@link #timedOut()} is true and the counters are the state at the deadline.
 *
 * @param indices per-index detail, keyed by index name; empty unless level was indices or shards
 */
public record ClusterHealth(
        String clusterName,
        HealthStatus status,
        boolean timedOut,
        int numberOfNodes,
        int numberOfDataNodes,
        int activePrimaryShards,
        int activeShards,
        int relocatingShards,
        int initializingShards,
        int unassignedShards,
        int delayedUnassignedShards,
        int numberOfPendingTasks,
        int numberOfInFlightFetch,
        long taskMaxWaitingInQueueMillis,
        double activeShardsPercent,
        Map<String, IndexHealth> indices) implements Serializable {

    public ClusterHealth {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(status, "status");
        indices = indices == null ? Map.of() : Map.copyOf(indices);
    }

    /** Shards moving or being fetched: relocating + initializing + in-flight fetches. */
    public int shardActivity() {
        return relocatingShards + initializingShards + numberOfInFlightFetch;
    }

    public boolean isGreen() {
        return status == HealthStatus.GREEN;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster_name", clusterName);
        m.put("status", status.apiValue());
        m.put("timed_out", timedOut);
        m.put("number_of_nodes", numberOfNodes);
        m.put("number_of_data_nodes", numberOfDataNodes);
        m.put("active_primary_shards", activePrimaryShards);
        m.put("active_shards", activeShards);
        m.put("relocating_shards", relocatingShards);
        m.put("initializing_shards", initializingShards);
        m.put("unassigned_shards", unassignedShards);
        m.put("delayed_unassigned_shards", delayedUnassignedShards);
        m.put("number_of_pending_tasks", numberOfPendingTasks);
        m.put("number_of_in_flight_fetch", numberOfInFlightFetch);
        m.put("task_max_waiting_in_queue_millis", taskMaxWaitingInQueueMillis);
        m.put("active_shards_percent_as_number", activeShardsPercent);
        if (!indices.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            indices.keySet().stream().sorted().forEach(name -> detail.put(name, indices.get(name).toMap()));
            m.put("indices", detail);
        }
        return m;
    }

    @Override
    public String toString() {
        return "ClusterHealth[" + clusterName + " " + status.apiValue() + (timedOut ? " timed_out" : "")
                + ", nodes=" + numberOfNodes + ", relocating=" + relocatingShards + ", initializing="
                + initializingShards + ", unassigned=" + unassignedShards + ", pending_tasks=" + numberOfPendingTasks
                + (indices.isEmpty() ? "" : ", indices=" + indices.size()) + "]";
    }
}
