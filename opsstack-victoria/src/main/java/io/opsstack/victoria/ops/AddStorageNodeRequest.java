package io.opsstack.victoria.ops;

import java.io.Serializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.StorageNode;

/**
 * Adds a vmstorage node: start it, gate on its health, then put it on every vmselect's
 * {@code -storageNode} and restart the vmselects one at a time, then the same for vminsert (vmselect
 * first, so data written to the new node is readable from the start).
 *
 * @param node     the new node, not yet in the cluster definition; its {@code name} is the node name
 *                 passed to the service control
 * @param settings timeouts and gates of the vmselect/vminsert restarts
 */
public record AddStorageNodeRequest(StorageNode node, RolloutSettings settings) implements Serializable {

    public AddStorageNodeRequest {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(settings, "settings");
        if (settings.gateProfile() != GateProfile.CLUSTER) {
            throw new OpsValidationException("adding a vmstorage node needs the cluster gate profile");
        }
    }

    public static AddStorageNodeRequest of(StorageNode node) {
        return builder().node(node).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().node(node).settings(settings);
    }

    /**
     * Keys: {@code node} (an HTTP address, or a map as in {@code ClusterDefinition.fromMap}'s vmstorage entries:
     * {@code name}, {@code http}, {@code vminsert_port}, {@code vmselect_port}, {@code host},
     * {@code service}) plus the {@link RolloutSettings#fromMap} keys.
     */
    public static AddStorageNodeRequest fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        Set<String> known = new HashSet<>(RolloutSettings.KEYS);
        known.add("node");
        OptionMaps.requireKnownKeys(map, known, "add vmstorage");
        Object node = map.get("node");
        if (node == null) {
            throw new OpsValidationException("add vmstorage needs 'node': its HTTP address or a map with at least 'http'");
        }
        // the definition's own map reader, so a node is written the same way in both places
        ClusterDefinition parsed = ClusterDefinition.fromMap(Map.of("vminsert", List.of("placeholder:8480"),
                "vmselect", List.of("placeholder:8481"), "vmstorage", List.of(node)));
        return builder().node(parsed.vmstorage().get(0)).settings(RolloutSettings.fromMap(map)).build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node", node.toMap());
        map.putAll(settings.toMap());
        return map;
    }

    /** Not thread-safe. */
    public static final class Builder {
        private StorageNode node;
        private RolloutSettings settings = RolloutSettings.defaults();

        private Builder() {
        }

        public Builder node(StorageNode node) {
            this.node = node;
            return this;
        }

        public Builder settings(RolloutSettings settings) {
            this.settings = settings;
            return this;
        }

        public AddStorageNodeRequest build() {
            if (node == null) {
                throw new OpsValidationException("add vmstorage needs the new node");
            }
            return new AddStorageNodeRequest(node, settings);
        }
    }
}
