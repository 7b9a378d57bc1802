package io.opsstack.victoria.ops;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a vmstorage removal phase.
 *
 * @param node                  the node's name
 * @param phase                 the phase that finished
 * @param removedFromVminsertAt when no vminsert listed the node any more (the end of the first phase); null
 *                              in the second phase when the data was declared re-ingested without it
 * @param retentionPeriod       the node's {@code -retentionPeriod} as read from its {@code /flags}
 * @param vmselectRemovalNotBefore the earliest time the second phase may run without
 *                              {@code dataReingested} (see the plan); null when {@code removedFromVminsertAt} is
 */
public record StorageRemoval(String node, RemovalPhase phase, Instant removedFromVminsertAt, String retentionPeriod,
                             Instant vmselectRemovalNotBefore) implements Serializable {

    public StorageRemoval {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(retentionPeriod, "retentionPeriod");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node", node);
        map.put("phase", phase.name().toLowerCase(Locale.ROOT));
        map.put("removed_from_vminsert_at", removedFromVminsertAt == null ? null : removedFromVminsertAt.toString());
        map.put("retention_period", retentionPeriod);
        map.put("vmselect_removal_not_before", vmselectRemovalNotBefore == null ? null : vmselectRemovalNotBefore.toString());
        return map;
    }
}
