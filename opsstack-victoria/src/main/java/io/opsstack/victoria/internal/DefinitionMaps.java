package io.opsstack.victoria.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ClusterNode;
import io.opsstack.victoria.model.StorageNode;

/** Reads a {@link ClusterDefinition} from the plain maps scripts pass. */
public final class DefinitionMaps {
    public static final Set<String> KEYS = Set.of("name", "replication_factor", "vminsert", "vmselect", "vmstorage",
            "vmagent", "vmauth");
    private static final Set<String> NODE_KEYS = Set.of("name", "http", "host", "service");
    private static final Set<String> STORAGE_KEYS = Set.of("name", "http", "host", "service", "vminsert_port",
            "vmselect_port");

    private DefinitionMaps() {
    }

    public static ClusterDefinition definition(Map<String, ?> map) {
        if (map == null) {
            throw new OpsValidationException("cluster definition map must not be null");
        }
        OptionMaps.requireKnownKeys(map, KEYS, "cluster definition");
        ClusterDefinition.Builder b = ClusterDefinition.builder().name(OptionMaps.string(map, "name"));
        Integer rf = OptionMaps.integer(map, "replication_factor");
        if (rf != null) {
            b.replicationFactor(rf);
        }
        entries(map, "vminsert").forEach(entry -> b.vminsert(node(entry, "vminsert")));
        entries(map, "vmselect").forEach(entry -> b.vmselect(node(entry, "vmselect")));
        entries(map, "vmstorage").forEach(entry -> b.vmstorage(storage(entry)));
        entries(map, "vmagent").forEach(entry -> b.vmagent(node(entry, "vmagent")));
        entries(map, "vmauth").forEach(entry -> b.vmauth(node(entry, "vmauth")));
        return b.build();
    }

    private static List<?> entries(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text.split("\\s*,\\s*"));
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new OpsValidationException("cluster definition '" + key + "' must be a list of host:port strings or node maps");
    }

    private static ClusterNode node(Object entry, String service) {
        if (entry instanceof Map<?, ?> raw) {
            Map<String, ?> map = stringKeys(raw, service);
            OptionMaps.requireKnownKeys(map, NODE_KEYS, service + " node");
            String serviceName = OptionMaps.string(map, "service");
            return new ClusterNode(OptionMaps.string(map, "name"), OptionMaps.requiredString(map, "http", service + " node"),
                    OptionMaps.string(map, "host"), serviceName == null ? service : serviceName);
        }
        return ClusterNode.of(String.valueOf(entry), service);
    }

    private static StorageNode storage(Object entry) {
        if (!(entry instanceof Map<?, ?> raw)) {
            return StorageNode.of(String.valueOf(entry));
        }
        Map<String, ?> map = stringKeys(raw, "vmstorage");
        OptionMaps.requireKnownKeys(map, STORAGE_KEYS, "vmstorage node");
        Integer insertPort = OptionMaps.integer(map, "vminsert_port");
        Integer selectPort = OptionMaps.integer(map, "vmselect_port");
        String service = OptionMaps.string(map, "service");
        return new StorageNode(OptionMaps.string(map, "name"), OptionMaps.requiredString(map, "http", "vmstorage node"),
                insertPort == null ? StorageNode.DEFAULT_VMINSERT_PORT : insertPort,
                selectPort == null ? StorageNode.DEFAULT_VMSELECT_PORT : selectPort,
                OptionMaps.string(map, "host"), service == null ? "vmstorage" : service);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> raw, String what) {
        for (Object key : raw.keySet()) {
            if (!(key instanceof String)) {
                throw new OpsValidationException(what + " node map keys must be strings");
            }
        }
        return (Map<String, ?>) raw;
    }
}
