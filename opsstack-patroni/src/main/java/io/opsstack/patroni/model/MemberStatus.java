package io.opsstack.patroni.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A member's own status ({@code GET /patroni}, also the body of the health endpoints), normalised
 * across Patroni 3.x and 4.x: {@code master} reads as {@link MemberRole#PRIMARY}, and the member
 * name, absent from 3.x answers, is filled in from {@code /cluster} where the client can.
 *
 * @param name the member name, null when it could not be determined
 * @param scope the cluster name ({@code patroni.scope}), null if absent
 * @param patroniVersion e.g. {@code 3.0.2}, null if absent
 * @param state PostgreSQL state: {@code running}, {@code streaming}, {@code starting}, {@code stopped}, …
 * @param role the normalised role
 * @param rawRole the role text as sent, null if absent
 * @param serverVersion PostgreSQL version number (e.g. 150018), 0 when not running
 * @param postmasterStartTime start time of the postmaster, null when not running
 * @param timeline the timeline, 0 when unknown
 * @param wal the {@code xlog} positions
 * @param replication the primary's WAL senders (empty on replicas)
 * @param pendingRestart whether a restart is needed to apply parameters
 * @param pendingRestartReason parameter → {@code "old -> new"} (Patroni ≥ 3.3), empty otherwise
 * @param tags the member's effective tags, values as text
 * @param scheduledRestartAt ISO time of a scheduled restart, null if none
 * @param databaseSystemIdentifier the database system identifier, null if unknown
 * @param paused whether the cluster is in maintenance mode
 * @param clusterUnlocked whether the cluster has no leader lock
 * @param syncStandby whether this member is a synchronous standby
 * @param replicationState replica's replication state ({@code streaming}, …; Patroni ≥ 3.0.4), null otherwise
 * @param dcsLastSeen epoch seconds of the last successful DCS contact, 0 if unknown
 */
public record MemberStatus(String name, String scope, String patroniVersion, String state, MemberRole role,
                           String rawRole, int serverVersion, Instant postmasterStartTime, long timeline,
                           WalPositions wal, List<ReplicationConnection> replication, boolean pendingRestart,
                           Map<String, String> pendingRestartReason, Map<String, String> tags,
                           String scheduledRestartAt, String databaseSystemIdentifier, boolean paused,
                           boolean clusterUnlocked, boolean syncStandby, String replicationState, long dcsLastSeen)
        implements Serializable {

    public MemberStatus {
        state = state == null ? "unknown" : state;
        Objects.requireNonNull(role, "role");
        wal = wal == null ? WalPositions.NONE : wal;
        replication = List.copyOf(replication == null ? List.of() : replication);
        pendingRestartReason = Map.copyOf(pendingRestartReason == null ? Map.of() : pendingRestartReason);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** The same status with the member name set (3.x answers lack it). */
    public MemberStatus withName(String memberName) {
        return new MemberStatus(memberName, scope, patroniVersion, state, role, rawRole, serverVersion,
                postmasterStartTime, timeline, wal, replication, pendingRestart, pendingRestartReason, tags,
                scheduledRestartAt, databaseSystemIdentifier, paused, clusterUnlocked, syncStandby, replicationState,
                dcsLastSeen);
    }

    /** True when PostgreSQL is up: state {@code running} or {@code streaming}. */
    public boolean isRunning() {
        return "running".equals(state) || "streaming".equals(state);
    }

    /** The major Patroni version (3, 4, …), 0 if unknown. */
    public int patroniMajorVersion() {
        if (patroniVersion == null) {
            return 0;
        }
        int dot = patroniVersion.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? patroniVersion : patroniVersion.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("scope", scope);
        map.put("patroni_version", patroniVersion);
        map.put("state", state);
        map.put("role", role.name());
        map.put("raw_role", rawRole);
        map.put("server_version", serverVersion);
        map.put("postmaster_start_time", postmasterStartTime == null ? null : postmasterStartTime.toString());
        map.put("timeline", timeline);
        map.put("wal", wal.toMap());
        List<Map<String, Object>> connections = new ArrayList<>();
        replication.forEach(connection -> connections.add(connection.toMap()));
        map.put("replication", connections);
        map.put("pending_restart", pendingRestart);
        map.put("pending_restart_reason", new LinkedHashMap<>(pendingRestartReason));
        map.put("tags", new LinkedHashMap<>(tags));
        map.put("scheduled_restart_at", scheduledRestartAt);
        map.put("database_system_identifier", databaseSystemIdentifier);
        map.put("paused", paused);
        map.put("cluster_unlocked", clusterUnlocked);
        map.put("sync_standby", syncStandby);
        map.put("replication_state", replicationState);
        map.put("dcs_last_seen", dcsLastSeen);
        return map;
    }
}
