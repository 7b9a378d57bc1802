package io.opsstack.victoria.ops;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.victoria.model.ComponentType;

/**
 * A rolling restart of a VictoriaMetrics cluster, one node at a time in the documented order
 * vmstorage → vminsert → vmselect, nodes of a component in definition order.
 *
 * @param components which components to restart; always run in the documented order whatever the order
 *                   given here; default all three
 * @param nodes      restrict to these node names (empty: every node of the chosen components)
 * @param settings   timeouts and the gate profile
 */
public record VmRollingRestartRequest(List<ComponentType> components, List<String> nodes, RolloutSettings settings)
        implements Serializable {
    /** The documented no-downtime order. */
    public static final List<ComponentType> ORDER = List.of(ComponentType.VMSTORAGE, ComponentType.VMINSERT,
            ComponentType.VMSELECT);

    public VmRollingRestartRequest {
        Objects.requireNonNull(components, "components");
        for (ComponentType type : components) {
            if (!ORDER.contains(type)) {
                throw new OpsValidationException("a cluster rolling restart covers vmstorage, vminsert and vmselect, not "
                        + type.id());
            }
        }
        if (components.isEmpty()) {
            throw new OpsValidationException("choose at least one component to restart");
        }
        List<ComponentType> chosen = components;
        components = ORDER.stream().filter(chosen::contains).toList();
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        Objects.requireNonNull(settings, "settings");
        if (settings.gateProfile() == GateProfile.SINGLE_NODE_STANDIN && !components.equals(List.of(ComponentType.VMSTORAGE))) {
            throw new OpsValidationException("gate profile single_node_standin applies to vmstorage restarts only; "
                    + "set components to [vmstorage]");
        }
    }

    /** Every vmstorage, vminsert and vmselect with the default settings. */
    public static VmRollingRestartRequest all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().components(components).nodes(nodes).settings(settings);
    }

    /**
     * Keys: {@code components} (list of {@code vmstorage}, {@code vminsert}, {@code vmselect}),
     * {@code nodes} (list of names) plus the {@link RolloutSettings#fromMap} keys.
     */
    public static VmRollingRestartRequest fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        Set<String> known = new HashSet<>(RolloutSettings.KEYS);
        known.addAll(Set.of("components", "nodes"));
        OptionMaps.requireKnownKeys(map, known, "rolling restart");
        Builder b = builder().settings(RolloutSettings.fromMap(map));
        List<String> components = OptionMaps.strings(map, "components");
        if (!components.isEmpty()) {
            List<ComponentType> types = new ArrayList<>();
            components.forEach(name -> types.add(ComponentType.parse(name)));
            b.components(types);
        }
        return b.nodes(OptionMaps.strings(map, "nodes")).build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("components", components.stream().map(ComponentType::id).toList());
        map.put("nodes", nodes);
        map.putAll(settings.toMap());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private List<ComponentType> components = ORDER;
        private List<String> nodes = List.of();
        private RolloutSettings settings = RolloutSettings.defaults();

        private Builder() {
        }

        public Builder components(List<ComponentType> components) {
            this.components = components;
            return this;
        }

        public Builder components(ComponentType... components) {
            return components(List.of(components));
        }

        public Builder nodes(List<String> nodes) {
            this.nodes = nodes;
            return this;
        }

        public Builder nodes(String... nodes) {
            return nodes(List.of(nodes));
        }

        public Builder settings(RolloutSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Shortcut for {@code settings(settings.toBuilder().gateProfile(profile).build())}. */
        public Builder gateProfile(GateProfile profile) {
            this.settings = settings.toBuilder().gateProfile(profile).build();
            return this;
        }

        public VmRollingRestartRequest build() {
            return new VmRollingRestartRequest(components, nodes, settings);
        }
    }
}
