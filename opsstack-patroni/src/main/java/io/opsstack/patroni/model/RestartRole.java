package io.opsstack.patroni.model;

/**
 * The {@code role} filter of {@code POST /restart}: the member restarts only if it has that role.
 * {@code primary} is sent for the primary, which Patroni 3.x and 4.x both accept
 * ({@code master} is refused by 4.x); {@link #STANDBY_LEADER} exists on 4.x only.
 */
public enum RestartRole {
    PRIMARY("primary"), REPLICA("replica"), STANDBY_LEADER("standby_leader");

    private final String wireName;

    RestartRole(String wireName) {
        this.wireName = wireName;
    }

    /** The value sent to Patroni. */
    public String wireName() {
        return wireName;
    }
}
