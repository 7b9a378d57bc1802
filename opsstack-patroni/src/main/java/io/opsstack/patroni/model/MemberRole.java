package io.opsstack.patroni.model;

import java.util.Locale;

/**
 * A member's PostgreSQL role as {@code /patroni} reports it. Patroni 3.x says {@code master},
 * 4.x {@code primary}; both read as {@link #PRIMARY}.
 */
public enum MemberRole {
    PRIMARY, STANDBY_LEADER, REPLICA, UNKNOWN;

    /** Reads Patroni's role text; unknown or missing text is {@link #UNKNOWN}. */
    public static MemberRole fromPatroni(String role) {
        if (role == null) {
            return UNKNOWN;
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "master", "primary" -> PRIMARY;
            case "standby_leader" -> STANDBY_LEADER;
            case "replica" -> REPLICA;
            default -> UNKNOWN;
        };
    }
}
