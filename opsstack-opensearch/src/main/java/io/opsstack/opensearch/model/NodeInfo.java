package io.opsstack.opensearch.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One node from {@code GET _nodes}. Roles use the current names: a 2.x {@code master} role is
 * reported as {@code cluster_manager}.
 *
 * @param httpAddress the HTTP publish address; null when the node has HTTP disabled
 * @param attributes custom node attributes ({@code node.attr.*}), e.g. {@code temp=hot}
 */
public record NodeInfo(
        String id,
        String name,
        String host,
        String ip,
        String transportAddress,
        String httpAddress,
        String version,
        Set<String> roles,
        Map<String, String> attributes) implements Serializable {

    public static final String ROLE_CLUSTER_MANAGER = "cluster_manager";
    public static final String ROLE_DATA = "data";

    public NodeInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean isClusterManagerEligible() {
        return roles.contains(ROLE_CLUSTER_MANAGER);
    }

    /** Holds data: the {@code data} role or any tiered data role ({@code data_hot}, …). */
    public boolean isData() {
        return roles.stream().anyMatch(r -> r.equals(ROLE_DATA) || r.startsWith("data_"));
    }

    /** The value of a custom node attribute, or null. */
    public String attribute(String key) {
        return attributes.get(key);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("host", host);
        m.put("ip", ip);
        m.put("transport_address", transportAddress);
        m.put("http_address", httpAddress);
        m.put("version", version);
        m.put("roles", new ArrayList<>(new TreeSet<>(roles)));
        m.put("attributes", new LinkedHashMap<>(new TreeMap<>(attributes)));
        return m;
    }
}
