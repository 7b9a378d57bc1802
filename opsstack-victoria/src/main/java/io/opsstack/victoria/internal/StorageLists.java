package io.opsstack.victoria.internal;

import java.util.List;

import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ComponentFlags;
import io.opsstack.victoria.model.StorageNode;

/**
 * The {@code -storageNode} list a vminsert or vmselect actually uses: from its {@code /flags} with
 * the default port added (8400 / 8401, as the components do), else the definition's.
 */
public final class StorageLists {

    private StorageLists() {
    }

    public static List<String> vminsert(ComponentFlags flags, ClusterDefinition definition) {
        return resolve(flags, StorageNode.DEFAULT_VMINSERT_PORT, definition.vminsertStorageList());
    }

    public static List<String> vmselect(ComponentFlags flags, ClusterDefinition definition) {
        return resolve(flags, StorageNode.DEFAULT_VMSELECT_PORT, definition.vmselectStorageList());
    }

    /** The flag's list with default ports; empty when the flag is absent. */
    public static List<String> fromFlags(ComponentFlags flags, int defaultPort) {
        return flags.storageNodes().stream().map(address -> HostPort.withDefaultPort(address, defaultPort)).toList();
    }

    private static List<String> resolve(ComponentFlags flags, int defaultPort, List<String> fallback) {
        List<String> listed = flags == null ? List.of() : fromFlags(flags, defaultPort);
        return listed.isEmpty() ? fallback : listed;
    }
}
