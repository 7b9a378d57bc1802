package io.opsstack.patroni.internal.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.MemberRole;
import io.opsstack.patroni.model.MemberStatus;
import io.opsstack.patroni.ops.StandbyClusterStatus;

/** Reads a standby cluster and, when reachable, the active cluster it replicates from. */
public final class StandbyReads {

    private StandbyReads() {
    }

    /**
     * The standby cluster read through {@code standby}, the active one through {@code active} (null
     * when unknown). An unreachable active cluster reads as not writable, without its status.
     */
    public static StandbyClusterStatus read(PatroniOps standby, PatroniOps active) {
        ClusterStatus cluster = standby.cluster();
        Map<String, String> source = new LinkedHashMap<>();
        if (standby.config().values().get("standby_cluster") instanceof Map<?, ?> section) {
            section.forEach((key, value) -> source.put(String.valueOf(key), String.valueOf(value)));
        }
        ClusterMember leader = cluster.leader().orElse(null);
        MemberStatus leaderStatus = leader == null ? null : standby.member(leader.name()).status();
        ClusterStatus activeCluster = null;
        String activeLeader = null;
        Long activeLocation = null;
        boolean writable = false;
        if (active != null) {
            try {
                activeCluster = active.cluster();
                ClusterMember primary = activeCluster.leader().filter(member -> member.role() == ClusterRole.LEADER)
                        .orElse(null);
                if (primary != null) {
                    activeLeader = primary.name();
                    MemberStatus status = active.member(primary.name()).status();
                    activeLocation = status.wal().location();
                    writable = status.role() == MemberRole.PRIMARY && status.isRunning();
                }
            } catch (OpsClientException | PatroniServiceException e) {
                // unreachable or leaderless: exactly the situation a disaster-recovery promotion is for
                activeCluster = null;
            }
        }
        return new StandbyClusterStatus(cluster, leader == null ? null : leader.name(), source,
                leaderStatus == null ? null : leaderStatus.wal().receivedLocation(),
                leaderStatus == null ? null : leaderStatus.wal().replayedLocation(),
                leaderStatus == null ? null : leaderStatus.wal().replayedTimestamp(),
                activeCluster, activeLeader, activeLocation, writable);
    }
}
