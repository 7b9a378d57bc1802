package io.opsstack.testkit.victoria;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One process of a {@link VmClusterSimulator}, as started.
 *
 * @param name           e.g. {@code vmstorage-1}
 * @param component      {@code vminsert}, {@code vmselect} or {@code vmstorage}
 * @param httpAddress    {@code 127.0.0.1:<port>}
 * @param vminsertAddress for vmstorage: its {@code -vminsertAddr}; otherwise empty
 * @param vmselectAddress for vmstorage: its {@code -vmselectAddr}; otherwise empty
 * @param storageNodes   for vminsert and vmselect: the {@code -storageNode} list of its flags file (read at start)
 */
public record SimulatedNode(String name, String component, String httpAddress, String vminsertAddress,
                            String vmselectAddress, List<String> storageNodes) implements Serializable {

    public SimulatedNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(httpAddress, "httpAddress");
        Objects.requireNonNull(vminsertAddress, "vminsertAddress");
        Objects.requireNonNull(vmselectAddress, "vmselectAddress");
        storageNodes = List.copyOf(storageNodes);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + httpAddress;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("component", component);
        map.put("http", httpAddress);
        map.put("vminsert_address", vminsertAddress);
        map.put("vmselect_address", vmselectAddress);
        map.put("storage_nodes", storageNodes);
        return map;
    }
}
