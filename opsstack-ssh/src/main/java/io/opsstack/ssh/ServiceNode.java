package io.opsstack.ssh;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/** A cluster node name mapped to the SSH target it runs on and its service (systemd unit, supervisor program). */
public record ServiceNode(String node, SshTarget target, String service) implements Serializable {

    public ServiceNode {
        Objects.requireNonNull(target, "target");
        if (node == null || node.isBlank()) {
            throw new OpsValidationException("node name must not be blank");
        }
        if (service == null || service.isBlank()) {
            throw new OpsValidationException("service name of node '" + node + "' must not be blank");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node", node);
        map.put("target", target.toString());
        map.put("service", service);
        return map;
    }
}
