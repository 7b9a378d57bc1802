package io.opsstack.patroni.ops;

/** How a rolling restart restarts the primary once the replicas are done. */
public enum PrimaryRestartStrategy {
    /**
     * Switch over to the healthiest replica (writes pause for about a second and a half); Patroni
     * restarts the former primary as a replica, which applies its pending parameters.
     */
    SWITCHOVER,
    /**
     * Restart the primary in place: no leader change (useful behind load balancers that need a
     * while to see a new primary), but writes stop for the whole restart.
     */
    IN_PLACE
}
