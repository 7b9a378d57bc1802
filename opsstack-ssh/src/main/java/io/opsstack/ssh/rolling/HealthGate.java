package io.opsstack.ssh.rolling;

import java.time.Duration;
import java.util.Map;

import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SshExecutor;

/**
 * A named health check of one node, made after the node was (re)started and before a rolling
 * operation moves on, and as a guard before another node is taken down. Built-ins:
 * {@link HttpHealthGate}, {@link TcpHealthGate}, {@link CommandHealthGate}; implement this
 * interface for anything else. Implementations must be immutable and thread-safe.
 */
public interface HealthGate {

    /** Stable name shown in plans, events and {@link io.opsstack.api.error.UnsafeOperationException}. */
    String name();

    /** What the gate checks on this node, e.g. {@code GET http://10.0.0.5:9200/ -> 200}. */
    String describe(ServiceNode node);

    /** How long the gate waits for the node to become healthy after it was started. */
    Duration timeout();

    /** Time between two probes while waiting. */
    Duration pollInterval();

    /**
     * Checks the node once, without waiting. An unhealthy or unreachable node is a failed probe,
     * not an exception; exceptions are left for misconfiguration.
     */
    GateProbe probe(ServiceNode node, SshExecutor ssh);

    /** The gate's settings as a plain map (as {@link HealthGates#fromMap} reads them). */
    Map<String, Object> toMap();
}
