package io.opsstack.patroni.model;

import java.util.Locale;

/**
 * A member's role in {@code /cluster}: {@code leader}, {@code standby_leader} (leader of a standby
 * cluster), {@code sync_standby}, {@code quorum_standby} (4.x) or {@code replica}; older versions'
 * {@code master}/{@code primary} read as {@link #LEADER}.
 */
public enum ClusterRole {
    LEADER, STANDBY_LEADER, SYNC_STANDBY, QUORUM_STANDBY, REPLICA, UNKNOWN;

    public static ClusterRole fromPatroni(String role) {
        if (role == null) {
            return UNKNOWN;
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "leader", "master", "primary" -> LEADER;
            case "standby_leader" -> STANDBY_LEADER;
            case "sync_standby" -> SYNC_STANDBY;
            case "quorum_standby" -> QUORUM_STANDBY;
            case "replica" -> REPLICA;
            default -> UNKNOWN;
        };
    }

    /** True for the leader of a primary or of a standby cluster. */
    public boolean isLeader() {
        return this == LEADER || this == STANDBY_LEADER;
    }
}
