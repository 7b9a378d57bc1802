package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Health of one process as read from {@code /health} and {@code /metrics}.
 *
 * @param type         the component
 * @param node         its name in the definition
 * @param httpAddress  where it was asked
 * @param healthy      no problems found
 * @param problems     why it is not healthy, one sentence each
 * @param storageLinks for vminsert and vmselect: each vmstorage address of its list
 * @param details      the gauges and counters the verdict used (e.g. {@code vm_vminsert_conns}, rerouting counters)
 */
public record ComponentHealth(ComponentType type, String node, String httpAddress, boolean healthy,
                              List<String> problems, List<StorageLink> storageLinks, Map<String, Double> details)
        implements Serializable {

    public ComponentHealth {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(httpAddress, "httpAddress");
        problems = List.copyOf(problems);
        storageLinks = List.copyOf(storageLinks);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        if (healthy && !problems.isEmpty()) {
            throw new IllegalArgumentException("a healthy component cannot list problems: " + problems);
        }
    }

    /** The link to a storage address, if this component lists it. */
    public Optional<StorageLink> link(String address) {
        return storageLinks.stream().filter(link -> link.address().equals(address)).findFirst();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type.id());
        map.put("node", node);
        map.put("http", httpAddress);
        map.put("healthy", healthy);
        map.put("problems", problems);
        map.put("storage_links", storageLinks.stream().map(StorageLink::toMap).toList());
        map.put("details", new LinkedHashMap<>(details));
        return map;
    }
}
