package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.internal.DefinitionMaps;

/**
 * What a VictoriaMetrics cluster is meant to look like: its vminsert, vmselect and vmstorage nodes,
 * the replication factor vminsert writes with, and optionally the vmagents and vmauth balancers in
 * front. Health checks compare the running processes against it.
 *
 * <pre>{@code
 * ClusterDefinition.fromMap(Map.of(
 *     "name", "metrics",
 *     "vminsert", List.of("node140:8480", "node141:8480", "node142:8480"),
 *     "vmselect", List.of("node140:8481", "node141:8481", "node142:8481"),
 *     "vmstorage", List.of("node140:8482", "node141:8482", "node142:8482"),
 *     "replication_factor", 1));
 * }</pre>
 *
 * @param name              a label for reports
 * @param vminsert          at least one
 * @param vmselect          at least one
 * @param vmstorage         at least {@code replicationFactor}
 * @param replicationFactor vminsert's {@code -replicationFactor}
 * @param vmagent           agents pushing into the cluster (may be empty)
 * @param vmauth            balancers in front of vminsert/vmselect (may be empty)
 */
public record ClusterDefinition(String name, List<ClusterNode> vminsert, List<ClusterNode> vmselect,
                                List<StorageNode> vmstorage, int replicationFactor, List<ClusterNode> vmagent,
                                List<ClusterNode> vmauth) implements Serializable {

    public ClusterDefinition {
        name = name == null || name.isBlank() ? "victoria" : name.trim();
        vminsert = List.copyOf(Objects.requireNonNull(vminsert, "vminsert"));
        vmselect = List.copyOf(Objects.requireNonNull(vmselect, "vmselect"));
        vmstorage = List.copyOf(Objects.requireNonNull(vmstorage, "vmstorage"));
        vmagent = vmagent == null ? List.of() : List.copyOf(vmagent);
        vmauth = vmauth == null ? List.of() : List.copyOf(vmauth);
        requireNonEmpty(vminsert, "vminsert");
        requireNonEmpty(vmselect, "vmselect");
        requireNonEmpty(vmstorage, "vmstorage");
        requireUnique(vminsert, "vminsert");
        requireUnique(vmselect, "vmselect");
        requireUnique(vmagent, "vmagent");
        requireUnique(vmauth, "vmauth");
        requireUniqueStorage(vmstorage);
        ReplicationCheck.evaluate(vmstorage.size(), replicationFactor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From a script map: {@code name}, {@code replication_factor} (default 1), and lists
     * {@code vminsert}, {@code vmselect}, {@code vmstorage}, {@code vmagent}, {@code vmauth}. A list
     * entry is either {@code "host:port"} or a map with {@code http}, {@code name}, {@code host},
     * {@code service} (and for vmstorage {@code vminsert_port}, {@code vmselect_port}, default 8400/8401).
     */
    public static ClusterDefinition fromMap(Map<String, ?> map) {
        return DefinitionMaps.definition(map);
    }

    public Builder toBuilder() {
        Builder b = new Builder().name(name).replicationFactor(replicationFactor);
        b.vminsert.addAll(vminsert);
        b.vmselect.addAll(vmselect);
        b.vmstorage.addAll(vmstorage);
        b.vmagent.addAll(vmagent);
        b.vmauth.addAll(vmauth);
        return b;
    }

    /** The {@code 2·RF−1} check for this definition. */
    public ReplicationCheck replicationCheck() {
        return ReplicationCheck.evaluate(vmstorage.size(), replicationFactor);
    }

    /** vminsert's expected {@code -storageNode} list ({@code host:8400} entries). */
    public List<String> vminsertStorageList() {
        return vmstorage.stream().map(StorageNode::vminsertAddress).toList();
    }

    /** vmselect's expected {@code -storageNode} list ({@code host:8401} entries). */
    public List<String> vmselectStorageList() {
        return vmstorage.stream().map(StorageNode::vmselectAddress).toList();
    }

    /**
     * The non-storage nodes of a type.
     *
     * @throws OpsValidationException for {@link ComponentType#VMSTORAGE} (use {@link #vmstorage()}) and single-node
     */
    public List<ClusterNode> nodes(ComponentType type) {
        return switch (type) {
            case VMINSERT -> vminsert;
            case VMSELECT -> vmselect;
            case VMAGENT -> vmagent;
            case VMAUTH -> vmauth;
            default -> throw new OpsValidationException(type.id() + " is not a list of plain nodes in a cluster definition");
        };
    }

    /** A vminsert/vmselect/vmagent/vmauth node by name or HTTP address. */
    public ClusterNode node(ComponentType type, String nameOrAddress) {
        for (ClusterNode node : nodes(type)) {
            if (node.name().equals(nameOrAddress) || node.httpAddress().equals(nameOrAddress)) {
                return node;
            }
        }
        throw unknownNode(type, nameOrAddress, nodes(type).stream().map(ClusterNode::name).toList());
    }

    /** A vmstorage node by name, HTTP address or RPC address. */
    public StorageNode storageNode(String nameOrAddress) {
        for (StorageNode node : vmstorage) {
            if (node.name().equals(nameOrAddress) || node.httpAddress().equals(nameOrAddress)
                    || node.vminsertAddress().equals(nameOrAddress) || node.vmselectAddress().equals(nameOrAddress)) {
                return node;
            }
        }
        throw unknownNode(ComponentType.VMSTORAGE, nameOrAddress, vmstorage.stream().map(StorageNode::name).toList());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("replication_factor", replicationFactor);
        map.put("vminsert", vminsert.stream().map(ClusterNode::toMap).toList());
        map.put("vmselect", vmselect.stream().map(ClusterNode::toMap).toList());
        map.put("vmstorage", vmstorage.stream().map(StorageNode::toMap).toList());
        map.put("vmagent", vmagent.stream().map(ClusterNode::toMap).toList());
        map.put("vmauth", vmauth.stream().map(ClusterNode::toMap).toList());
        return map;
    }

    private static OpsValidationException unknownNode(ComponentType type, String given, List<String> known) {
        return new OpsValidationException("no " + type.id() + " node '" + given + "' in the cluster definition; known: " + known);
    }

    private static void requireNonEmpty(List<?> nodes, String type) {
        if (nodes.isEmpty()) {
            throw new OpsValidationException("a cluster definition needs at least one " + type + " node");
        }
    }

    private static void requireUnique(List<ClusterNode> nodes, String type) {
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (ClusterNode node : nodes) {
            if (!names.add(node.name()) || !addresses.add(node.httpAddress())) {
                throw new OpsValidationException("duplicate " + type + " node " + node.name() + " (" + node.httpAddress() + ")");
            }
        }
    }

    private static void requireUniqueStorage(List<StorageNode> nodes) {
        Set<String> seen = new HashSet<>();
        for (StorageNode node : nodes) {
            if (!seen.add("name " + node.name()) || !seen.add(node.httpAddress())
                    || !seen.add(node.vminsertAddress()) || !seen.add(node.vmselectAddress())) {
                throw new OpsValidationException("duplicate vmstorage node or address: " + node.name() + " (" + node.httpAddress() + ")");
            }
        }
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String name;
        private int replicationFactor = 1;
        private final List<ClusterNode> vminsert = new ArrayList<>();
        private final List<ClusterNode> vmselect = new ArrayList<>();
        private final List<StorageNode> vmstorage = new ArrayList<>();
        private final List<ClusterNode> vmagent = new ArrayList<>();
        private final List<ClusterNode> vmauth = new ArrayList<>();

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder replicationFactor(int replicationFactor) {
            this.replicationFactor = replicationFactor;
            return this;
        }

        /** Adds vminsert nodes by HTTP address (service {@code vminsert}). */
        public Builder vminsert(String... httpAddresses) {
            for (String address : httpAddresses) {
                vminsert.add(ClusterNode.of(address, "vminsert"));
            }
            return this;
        }

        public Builder vminsert(ClusterNode node) {
            vminsert.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        /** Adds vmselect nodes by HTTP address (service {@code vmselect}). */
        public Builder vmselect(String... httpAddresses) {
            for (String address : httpAddresses) {
                vmselect.add(ClusterNode.of(address, "vmselect"));
            }
            return this;
        }

        public Builder vmselect(ClusterNode node) {
            vmselect.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        /** Adds vmstorage nodes by HTTP address, RPC ports 8400/8401 on the same host. */
        public Builder vmstorage(String... httpAddresses) {
            for (String address : httpAddresses) {
                vmstorage.add(StorageNode.of(address));
            }
            return this;
        }

        public Builder vmstorage(StorageNode node) {
            vmstorage.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        public Builder vmagent(String... httpAddresses) {
            for (String address : httpAddresses) {
                vmagent.add(ClusterNode.of(address, "vmagent"));
            }
            return this;
        }

        public Builder vmagent(ClusterNode node) {
            vmagent.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        public Builder vmauth(ClusterNode node) {
            vmauth.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        public Builder vmauth(String... httpAddresses) {
            for (String address : httpAddresses) {
                vmauth.add(ClusterNode.of(address, "vmauth"));
            }
            return this;
        }

        public ClusterDefinition build() {
            return new ClusterDefinition(name, vminsert, vmselect, vmstorage, replicationFactor, vmagent, vmauth);
        }
    }
}
