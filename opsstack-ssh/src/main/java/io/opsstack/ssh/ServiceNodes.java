package io.opsstack.ssh;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;

/** Which SSH target and service each node name stands for; used by the SSH service controls. Immutable. */
public final class ServiceNodes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, ServiceNode> nodes;

    private ServiceNodes(Map<String, ServiceNode> nodes) {
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    public static ServiceNodes of(List<ServiceNode> nodes) {
        Builder builder = builder();
        nodes.forEach(builder::add);
        return builder.build();
    }

    /** Every host of the role, node name = host name, service = the host's name for {@code service}. */
    public static ServiceNodes fromInventory(Inventory inventory, String role, String service) {
        Builder builder = builder();
        for (InventoryHost host : inventory.hosts(role)) {
            builder.add(new ServiceNode(host.name(), host.target(), host.serviceName(service)));
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @throws OpsValidationException for an unknown node */
    public ServiceNode get(String node) {
        ServiceNode found = nodes.get(node);
        if (found == null) {
            throw new OpsValidationException("unknown node '" + node + "'; known: " + String.join(", ", nodes.keySet()));
        }
        return found;
    }

    public List<ServiceNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        nodes.values().forEach(node -> list.add(node.toMap()));
        map.put("nodes", list);
        return map;
    }

    @Override
    public String toString() {
        return "ServiceNodes" + nodes.values();
    }

    /** Builder of {@link ServiceNodes}. */
    public static final class Builder {
        private final Map<String, ServiceNode> nodes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(ServiceNode node) {
            if (nodes.put(node.node(), node) != null) {
                throw new OpsValidationException("node '" + node.node() + "' is mapped twice");
            }
            return this;
        }

        public Builder add(String node, SshTarget target, String service) {
            return add(new ServiceNode(node, target, service));
        }

        public ServiceNodes build() {
            return new ServiceNodes(nodes);
        }
    }
}
