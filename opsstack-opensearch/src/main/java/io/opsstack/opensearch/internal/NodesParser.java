package io.opsstack.opensearch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.opensearch.OpenSearchResponseException;
import io.opsstack.opensearch.model.NodeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code GET _nodes} and the elected cluster manager from cluster state or {@code _cat}. */
public final class NodesParser {
    private static final String LEGACY_MANAGER_ROLE = "master";

    private NodesParser() {
    }

    /** Nodes sorted by name. */
    public static List<NodeInfo> parseNodes(String body) {
        JsonNode nodes = Json.parse(body, "_nodes").get("nodes");
        if (nodes == null || !nodes.isObject()) {
            throw new OpenSearchResponseException("_nodes answer has no 'nodes' object");
        }
        List<NodeInfo> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : nodes.properties()) {
            out.add(parseNode(e.getKey(), e.getValue()));
        }
        out.sort(Comparator.comparing(NodeInfo::name));
        return List.copyOf(out);
    }

    private static NodeInfo parseNode(String id, JsonNode n) {
        Set<String> roles = new LinkedHashSet<>();
        n.path("roles").forEach(r -> roles.add(normaliseRole(r.asText())));
        Map<String, String> attributes = new LinkedHashMap<>();
        n.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
        return new NodeInfo(id, Json.requireText(n, "name", "node " + id), Json.text(n, "host"), Json.text(n, "ip"),
                Json.text(n, "transport_address"), Json.text(n.path("http"), "publish_address"),
                Json.text(n, "version"), roles, attributes);
    }

    /** 2.x may still report the pre-rename {@code master} role. */
    static String normaliseRole(String role) {
        return LEGACY_MANAGER_ROLE.equals(role) ? "cluster_manager" : role;
    }

    /**
     * The elected manager's id from {@code _cluster/state/cluster_manager_node} (field
     * {@code cluster_manager_node}, or {@code master_node} on older answers); null when none is elected.
     */
    public static String parseClusterStateManager(String body) {
        JsonNode root = Json.parse(body, "_cluster/state/cluster_manager_node");
        String id = Json.text(root, "cluster_manager_node");
        return id != null ? id : Json.text(root, "master_node");
    }

    /** The elected manager's id from {@code _cat/cluster_manager?format=json}; null when none is elected. */
    public static String parseCatClusterManager(String body) {
        JsonNode root = Json.parse(body, "_cat/cluster_manager");
        if (!root.isArray()) {
            throw new OpenSearchResponseException("_cat/cluster_manager answer is not a JSON array");
        }
        if (root.isEmpty()) {
            return null;
        }
        String id = Json.text(root.get(0), "id");
        return id == null || id.equals("-") ? null : id;
    }
}
