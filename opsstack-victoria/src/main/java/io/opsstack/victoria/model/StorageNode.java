package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.victoria.internal.HostPort;

/**
 * One vmstorage process: its HTTP address plus the RPC ports vminsert ({@code -vminsertAddr},
 * default 8400) and vmselect ({@code -vmselectAddr}, default 8401) connect to, which is what their
 * {@code -storageNode} lists name.
 *
 * @param name         unique among storage nodes; defaults to the HTTP address
 * @param httpAddress  {@code host:port} of the HTTP listener (e.g. {@code node140:8482})
 * @param vminsertPort the port listed on vminsert's {@code -storageNode}
 * @param vmselectPort the port listed on vmselect's {@code -storageNode}
 * @param host         the machine that runs it; defaults to the HTTP host
 * @param service      the service unit (default {@code vmstorage})
 */
public record StorageNode(String name, String httpAddress, int vminsertPort, int vmselectPort, String host,
                          String service) implements Serializable {
    public static final int DEFAULT_VMINSERT_PORT = 8400;
    public static final int DEFAULT_VMSELECT_PORT = 8401;

    public StorageNode {
        httpAddress = HostPort.require(httpAddress, "vmstorage HTTP address");
        name = ClusterNode.blankToDefault(name, httpAddress);
        HostPort.checkPort(vminsertPort, "vmstorage " + name + " vminsert port");
        HostPort.checkPort(vmselectPort, "vmstorage " + name + " vmselect port");
        host = ClusterNode.blankToDefault(host, HostPort.host(httpAddress));
        if (service == null || service.isBlank()) {
            throw new OpsValidationException("vmstorage " + name + " needs a service name");
        }
    }

    /** A node with the default RPC ports 8400/8401 on the HTTP address's host, service {@code vmstorage}. */
    public static StorageNode of(String httpAddress) {
        return new StorageNode(null, httpAddress, DEFAULT_VMINSERT_PORT, DEFAULT_VMSELECT_PORT, null, "vmstorage");
    }

    /** The entry for vminsert's {@code -storageNode}: {@code host:vminsertPort}. */
    public String vminsertAddress() {
        return HostPort.hostLiteral(httpAddress) + ":" + vminsertPort;
    }

    /** The entry for vmselect's {@code -storageNode}: {@code host:vmselectPort}. */
    public String vmselectAddress() {
        return HostPort.hostLiteral(httpAddress) + ":" + vmselectPort;
    }

    public String baseUrl(String scheme) {
        return scheme + "://" + httpAddress;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("http", httpAddress);
        map.put("vminsert_port", vminsertPort);
        map.put("vmselect_port", vmselectPort);
        map.put("host", host);
        map.put("service", service);
        return map;
    }
}
