package io.opsstack.api.service;

import java.time.Duration;

/**
 * Stops and starts the process behind a cluster node. Operations that must take a node down
 * (drain-and-decommission, rolling restarts) call it; implementations exist for lab processes,
 * systemd and supervisor over SSH, and command templates.
 *
 * <p>Implementations must be idempotent: stopping a stopped node or starting a running one succeeds.
 */
public interface ServiceControl {

    /** Stops the node's service and returns once the process is gone or the timeout expired (then throws). */
    void stop(String node, Duration timeout);

    /** Starts the node's service; returns once the process was launched (joining is checked by the caller). */
    void start(String node, Duration timeout);

    /** Restarts the node's service. */
    default void restart(String node, Duration timeout) {
        stop(node, timeout);
        start(node, timeout);
    }

    /** The service state as the service manager reports it. */
    ServiceState state(String node);
}
