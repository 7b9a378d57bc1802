package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.internal.HostPort;

/**
 * One vminsert, vmselect, vmagent or vmauth process.
 *
 * @param name        unique within its component type; defaults to the HTTP address
 * @param httpAddress {@code host:port} of its HTTP listener (e.g. {@code node140:8480})
 * @param host        the machine that runs it, for service control over SSH; defaults to the HTTP host
 * @param service     the service unit that runs it (e.g. {@code vminsert}); defaults to the component name
 */
public record ClusterNode(String name, String httpAddress, String host, String service) implements Serializable {

    public ClusterNode {
        httpAddress = HostPort.require(httpAddress, "HTTP address");
        name = blankToDefault(name, httpAddress);
        host = blankToDefault(host, HostPort.host(httpAddress));
        if (service == null || service.isBlank()) {
            throw new OpsValidationException("node " + name + " needs a service name");
        }
    }

    /** A node named by its address, on the address's host, run by {@code service}. */
    public static ClusterNode of(String httpAddress, String service) {
        return new ClusterNode(null, httpAddress, null, service);
    }

    /** {@code http://host:port} (or https) for a client. */
    public String baseUrl(String scheme) {
        return scheme + "://" + httpAddress;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("http", httpAddress);
        map.put("host", host);
        map.put("service", service);
        return map;
    }

    static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
