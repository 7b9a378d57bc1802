package io.opsstack.victoria.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one vminsert or vmselect sees one vmstorage address of its {@code -storageNode} list.
 *
 * @param address     the RPC address as listed ({@code host:8400} or {@code host:8401})
 * @param storageNode the name of the definition's vmstorage with that address, or {@code ""} if none has it
 * @param healthy     connected and writable (vminsert) or available (vmselect)
 * @param reason      why not, or {@code ""} when healthy
 */
public record StorageLink(String address, String storageNode, boolean healthy, String reason) implements Serializable {

    public StorageLink {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(storageNode, "storageNode");
        Objects.requireNonNull(reason, "reason");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("address", address);
        map.put("storage_node", storageNode);
        map.put("healthy", healthy);
        map.put("reason", reason);
        return map;
    }
}
