package io.opsstack.patroni.ops;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.patroni.model.ClusterStatus;

/**
 * A standby cluster next to the active cluster it replicates from.
 *
 * @param standby the standby cluster's {@code /cluster}
 * @param standbyLeader the standby leader's name, null when it has none
 * @param source the {@code standby_cluster} section of its configuration (host, port, …), values as text
 * @param receivedLocation WAL position the standby leader received, null if unknown
 * @param replayedLocation WAL position it replayed, null if unknown
 * @param replayedAt commit time of the last replayed transaction, null if unknown
 * @param active the active cluster's {@code /cluster}, null when not given or unreachable
 * @param activeLeader the active cluster's leader, null when none is known
 * @param activeLocation the active leader's current WAL position, null if unknown
 * @param activeWritable whether the active cluster has a leader running as a writable primary
 */
public record StandbyClusterStatus(ClusterStatus standby, String standbyLeader, Map<String, String> source,
                                   Long receivedLocation, Long replayedLocation, Instant replayedAt,
                                   ClusterStatus active, String activeLeader, Long activeLocation,
                                   boolean activeWritable) implements Serializable {

    public StandbyClusterStatus {
        Objects.requireNonNull(standby, "standby");
        source = Map.copyOf(source);
    }

    /** Bytes the standby leader has not replayed yet, or null when a position is unknown. */
    public Long replayLagBytes() {
        return activeLocation == null || replayedLocation == null ? null : Math.max(0, activeLocation - replayedLocation);
    }

    /** The replayed position in PostgreSQL's {@code X/Y} notation, or null. */
    public String replayedLsn() {
        return replayedLocation == null ? null
                : Long.toHexString(replayedLocation >>> 32).toUpperCase() + "/"
                        + Long.toHexString(replayedLocation & 0xFFFFFFFFL).toUpperCase();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("standby", standby.toMap());
        map.put("standby_leader", standbyLeader);
        map.put("source", new LinkedHashMap<>(source));
        map.put("received_location", receivedLocation);
        map.put("replayed_location", replayedLocation);
        map.put("replayed_lsn", replayedLsn());
        map.put("replayed_at", replayedAt == null ? null : replayedAt.toString());
        map.put("active", active == null ? null : active.toMap());
        map.put("active_leader", activeLeader);
        map.put("active_location", activeLocation);
        map.put("active_writable", activeWritable);
        map.put("replay_lag_bytes", replayLagBytes());
        return map;
    }
}
