package io.opsstack.opensearch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.IndexHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code _cluster/health} bodies, including the 408 body of a timed-out wait. */
public final class HealthParser {

    private HealthParser() {
    }

    public static ClusterHealth parse(String body) {
        JsonNode root = Json.parse(body, "_cluster/health");
        try {
            return new ClusterHealth(
                    Json.requireText(root, "cluster_name", "health"),
                    HealthStatus.parse(Json.requireText(root, "status", "health")),
                    Json.boolOr(root, "timed_out", false),
                    Json.intOr(root, "number_of_nodes", 0),
                    Json.intOr(root, "number_of_data_nodes", 0),
                    Json.intOr(root, "active_primary_shards", 0),
                    Json.intOr(root, "active_shards", 0),
                    Json.intOr(root, "relocating_shards", 0),
                    Json.intOr(root, "initializing_shards", 0),
                    Json.intOr(root, "unassigned_shards", 0),
                    Json.intOr(root, "delayed_unassigned_shards", 0),
                    Json.intOr(root, "number_of_pending_tasks", 0),
                    Json.intOr(root, "number_of_in_flight_fetch", 0),
                    longOr(root, "task_max_waiting_in_queue_millis"),
                    root.path("active_shards_percent_as_number").asDouble(0),
                    indices(root.get("indices")));
        } catch (OpenSearchResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OpenSearchResponseException("unexpected _cluster/health answer (" + e.getMessage() + "): "
                    + Json.excerpt(root), e, null);
        }
    }

    private static long longOr(JsonNode node, String field) {
        Long v = Json.longOrNull(node, field);
        return v == null ? 0 : v;
    }

    private static Map<String, IndexHealth> indices(JsonNode indices) {
        Map<String, IndexHealth> out = new LinkedHashMap<>();
        if (indices == null || !indices.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : indices.properties()) {
            JsonNode n = e.getValue();
            out.put(e.getKey(), new IndexHealth(e.getKey(),
                    HealthStatus.parse(Json.requireText(n, "status", "index health of " + e.getKey())),
                    Json.intOr(n, "number_of_shards", 0),
                    Json.intOr(n, "number_of_replicas", 0),
                    Json.intOr(n, "active_primary_shards", 0),
                    Json.intOr(n, "active_shards", 0),
                    Json.intOr(n, "relocating_shards", 0),
                    Json.intOr(n, "initializing_shards", 0),
                    Json.intOr(n, "unassigned_shards", 0)));
        }
        return out;
    }
}
