package io.opsstack.patroni.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One member as {@code GET /cluster} lists it.
 *
 * @param name the member name
 * @param role the normalised role
 * @param rawRole the role text as sent
 * @param state PostgreSQL state ({@code running}; replicas of Patroni ≥ 3.0.4 {@code streaming} or
 *              {@code in archive recovery}; {@code stopped}, {@code starting}, …)
 * @param apiUrl the member's REST URL ({@code http://host:port/patroni}), null if unknown
 * @param host the PostgreSQL host, null if unknown
 * @param port the PostgreSQL port, 0 if unknown
 * @param timeline the timeline, 0 if not published
 * @param lagBytes replication lag in bytes behind the leader's last published position; null for the
 *                 leader and when Patroni reports {@code "unknown"}
 * @param lagUnknown whether Patroni reported the lag as {@code "unknown"}
 * @param receiveLagBytes receive lag (Patroni ≥ 4.1), null otherwise
 * @param replayLagBytes replay lag (Patroni ≥ 4.1), null otherwise
 * @param tags the member's tags, values as text
 * @param pendingRestart whether a restart is needed to apply parameters
 * @param scheduledRestartAt ISO time of a scheduled restart, null if none
 */
public record ClusterMember(String name, ClusterRole role, String rawRole, String state, String apiUrl, String host,
                            int port, long timeline, Long lagBytes, boolean lagUnknown, Long receiveLagBytes,
                            Long replayLagBytes, Map<String, String> tags, boolean pendingRestart,
                            String scheduledRestartAt) implements Serializable {

    public ClusterMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        state = state == null ? "" : state;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** True for the leader of a primary or standby cluster. */
    public boolean isLeader() {
        return role.isLeader();
    }

    /** True when PostgreSQL runs: {@code running}, or {@code streaming} on newer replicas. */
    public boolean isRunning() {
        return "running".equals(state) || "streaming".equals(state);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("role", role.name());
        map.put("raw_role", rawRole);
        map.put("state", state);
        map.put("api_url", apiUrl);
        map.put("host", host);
        map.put("port", port);
        map.put("timeline", timeline);
        map.put("lag_bytes", lagBytes);
        map.put("lag_unknown", lagUnknown);
        map.put("receive_lag_bytes", receiveLagBytes);
        map.put("replay_lag_bytes", replayLagBytes);
        map.put("tags", new LinkedHashMap<>(tags));
        map.put("pending_restart", pendingRestart);
        map.put("scheduled_restart_at", scheduledRestartAt);
        return map;
    }
}
