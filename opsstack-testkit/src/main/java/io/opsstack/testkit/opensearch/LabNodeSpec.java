package io.opsstack.testkit.opensearch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.opsstack.api.error.OpsValidationException;

/**
 * One node of a lab topology: its name, roles, node attributes ({@code node.attr.<key>}, e.g.
 * {@code temp=hot}, {@code zone=zone-a}), heap size and extra {@code opensearch.yml} settings.
 *
 * @param name       node name, also its directory name: letters, digits, {@code . _ -}
 * @param roles      at least one role, no duplicates
 * @param attributes node attributes without the {@code node.attr.} prefix
 * @param heap       JVM heap ({@code -Xms}/{@code -Xmx}), e.g. {@code 384m} or {@code 1g}
 * @param settings   extra node settings; they override lab-wide settings of the same key
 */
public record LabNodeSpec(String name, List<NodeRole> roles, Map<String, String> attributes, String heap,
                          Map<String, String> settings) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Heap used when none is given: small, so three nodes fit comfortably on a two-core runner. */
    public static final String DEFAULT_HEAP = "384m";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");

    public LabNodeSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new OpsValidationException("invalid lab node name '" + name
                    + "': use letters, digits, '.', '_' or '-' (at most 64)", name);
        }
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        if (roles.isEmpty() || new LinkedHashSet<>(roles).size() != roles.size()) {
            throw new OpsValidationException("node '" + name + "' needs at least one role and no duplicates: " + roles, name);
        }
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        for (String key : attributes.keySet()) {
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                throw new OpsValidationException("invalid node attribute key '" + key + "' on node " + name, name);
            }
        }
        Objects.requireNonNull(heap, "heap");
        if (!HEAP.matcher(heap).matches()) {
            throw new OpsValidationException("invalid heap '" + heap + "' for node " + name + "; use e.g. 384m or 1g", name);
        }
        settings = Map.copyOf(Objects.requireNonNull(settings, "settings"));
    }

    /** A node holding cluster_manager, data and ingest roles, the default heap and no attributes. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name).roles(roles).heap(heap);
        builder.attributes.putAll(attributes);
        builder.settings.putAll(settings);
        return builder;
    }

    /** True if the node may be elected cluster manager. */
    public boolean isClusterManagerEligible() {
        return roles.contains(NodeRole.CLUSTER_MANAGER);
    }

    /** Plain map form: name, roles (setting values), attributes, heap, settings (keys sorted). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        List<String> roleValues = new ArrayList<>();
        roles.forEach(role -> roleValues.add(role.settingValue()));
        map.put("roles", roleValues);
        map.put("attributes", new LinkedHashMap<>(new TreeMap<>(attributes)));
        map.put("heap", heap);
        map.put("settings", new LinkedHashMap<>(new TreeMap<>(settings)));
        return map;
    }

    /** Reads the {@link #toMap()} form; {@code roles}, {@code attributes}, {@code heap} and {@code settings} are optional. */
    public static LabNodeSpec fromMap(Map<String, ?> map) {
        Object name = map.get("name");
        if (!(name instanceof String)) {
            throw new OpsValidationException("lab node needs a 'name' string: " + map);
        }
        Builder builder = builder((String) name);
        Object roles = map.get("roles");
        if (roles instanceof Collection<?>) {
            List<NodeRole> parsed = new ArrayList<>();
            for (Object role : (Collection<?>) roles) {
                parsed.add(NodeRole.parse(String.valueOf(role)));
            }
            builder.roles(parsed);
        }
        stringMap(map.get("attributes")).forEach(builder::attribute);
        stringMap(map.get("settings")).forEach(builder::setting);
        if (map.get("heap") != null) {
            builder.heap(String.valueOf(map.get("heap")));
        }
        return builder.build();
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?>) {
            ((Map<?, ?>) value).forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        }
        return result;
    }

    /** Builder for {@link LabNodeSpec}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private List<NodeRole> roles = List.of(NodeRole.CLUSTER_MANAGER, NodeRole.DATA, NodeRole.INGEST);
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private String heap = DEFAULT_HEAP;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder roles(List<NodeRole> roles) {
            this.roles = List.copyOf(roles);
            return this;
        }

        public Builder roles(NodeRole... roles) {
            return roles(List.of(roles));
        }

        /** Adds {@code node.attr.<key>: <value>}. */
        public Builder attribute(String key, String value) {
            attributes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** Adds an {@code opensearch.yml} setting for this node only. */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public LabNodeSpec build() {
            return new LabNodeSpec(name, roles, attributes, heap, settings);
        }
    }
}
