package io.opsstack.ssh.rolling;

import java.util.Map;
import java.util.Objects;

import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.internal.rolling.RollingRestartDefinition;
import io.opsstack.ssh.internal.rolling.SyncRolloutDefinition;

/**
 * Rolling operations on any service reached over SSH, planned and applied like every opsstack
 * operation (plan, guards, journal, lease):
 * <pre>{@code
 * RollingOps rolling = RollingOps.create(ssh, SupervisorServiceControl.builder(ssh, nodes).build());
 * Operation<Void> restart = rolling.rollingRestart(RollingRestartRequest.builder(nodes)
 *         .gate(HttpHealthGate.builder("http-ok", "http://{host}:8080/health").build())
 *         .build());
 * Plan plan = restart.plan();
 * System.out.println(plan.render());
 * restart.apply(plan, ApplyOptions.defaults());
 * }</pre>
 * A health gate a node does not pass stops the operation at that node with
 * {@link io.opsstack.api.error.UnsafeOperationException} naming the gate and what it saw; nodes
 * after it are not touched. Applying the same plan again (same operation id) resumes at that node.
 * The service control must know the nodes of the request by the same names. Thread-safe.
 */
public final class RollingOps {
    private final SshExecutor ssh;
    private final ServiceControl control;

    private RollingOps(SshExecutor ssh, ServiceControl control) {
        this.ssh = Objects.requireNonNull(ssh, "ssh");
        this.control = Objects.requireNonNull(control, "control");
    }

    /**
     * Rolling operations that stop and start services through {@code control} and run command
     * gates and file syncs through {@code ssh}.
     */
    public static RollingOps create(SshExecutor ssh, ServiceControl control) {
        return new RollingOps(ssh, control);
    }

    /**
     * Restarts every node of the request in order, at most {@code maxUnavailable} at once; after
     * each node (or batch) is started, waits until it passes every health gate. Steps per node:
     * {@code stop-<node>}, {@code start-<node>} (or {@code restart-<node>}), {@code gate-<node>}, and
     * {@code pause-after-<node>} between batches when a pause is set. Guard before a node goes down:
     * {@code other-nodes-healthy} (every node outside its batch passes its gates now).
     */
    public Operation<Void> rollingRestart(RollingRestartRequest request) {
        return PlanExecutor.operation(new RollingRestartDefinition(ssh, control, Objects.requireNonNull(request, "request")));
    }

    /** {@link #rollingRestart(RollingRestartRequest)} configured from script options (see {@link RollingRestartRequest#fromMap}). */
    public Operation<Void> rollingRestart(ServiceNodes nodes, Map<String, ?> options) {
        return rollingRestart(RollingRestartRequest.fromMap(nodes, options));
    }

    /**
     * The {@code sync.sh} flow: {@code gate-<reference>} (the reference node passes its gates, nothing
     * is changed otherwise), then per other node, one at a time: {@code stop-<node>},
     * {@code sync-<node>} (the plan lists each file to ADD, UPDATE or DELETE), {@code start-<node>},
     * {@code gate-<node>}. A node already matching the source gets one no-op step and keeps
     * running. Guard before a node goes down: {@code other-nodes-healthy}.
     */
    public Operation<Void> syncRollout(SyncRolloutRequest request) {
        return PlanExecutor.operation(new SyncRolloutDefinition(ssh, control, Objects.requireNonNull(request, "request")));
    }

    /** {@link #syncRollout(SyncRolloutRequest)} configured from script options (see {@link SyncRolloutRequest#fromMap}). */
    public Operation<Void> syncRollout(ServiceNodes nodes, Map<String, ?> options) {
        return syncRollout(SyncRolloutRequest.fromMap(nodes, options));
    }

    /** One probe of a gate on a node, e.g. to check a gate's configuration before planning. */
    public GateProbe probe(HealthGate gate, ServiceNode node) {
        return gate.probe(node, ssh);
    }

    @Override
    public String toString() {
        return "RollingOps[" + control.getClass().getSimpleName() + "]";
    }
}
