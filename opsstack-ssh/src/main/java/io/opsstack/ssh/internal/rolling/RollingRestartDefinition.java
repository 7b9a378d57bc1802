package io.opsstack.ssh.internal.rolling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.rolling.RestartMethod;
import io.opsstack.ssh.rolling.RollingRestartRequest;

/**
 * Restarts the nodes in batches of at most {@code maxUnavailable}: stop (or restart) the batch, start
 * it, wait for every node's health gates, optionally pause, then the next batch. A node goes down
 * only while every node outside its batch passes its gates; a gate that does not pass stops the
 * operation at that node.
 */
public final class RollingRestartDefinition implements OperationDefinition<Void> {
    public static final String NAME = "ssh-rolling-restart";

    private final RollingRestartRequest request;
    private final HostActions actions;
    private final String target;
    /** Node name to the names of the nodes cycled together with it. */
    private final Map<String, List<String>> batchOf = new HashMap<>();

    public RollingRestartDefinition(SshExecutor ssh, ServiceControl control, RollingRestartRequest request) {
        this.request = request;
        this.target = "ssh/" + request.clusterName();
        this.actions = new HostActions(request.serviceNodes(), control, new GateRunner(ssh, request.gates()),
                request.serviceTimeout(), request.pauseBetweenHosts(), target);
        for (List<ServiceNode> batch : batches()) {
            List<String> names = batch.stream().map(ServiceNode::node).toList();
            names.forEach(name -> batchOf.put(name, names));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Plan plan() {
        Plan.Builder plan = Plan.builder(NAME, target)
                .parameter("nodes", String.join(",", nodeNames()))
                .parameter("gates", String.join(",", RolloutSettings.gateNames(request.gates())))
                .parameter("maxUnavailable", String.valueOf(request.maxUnavailable()))
                .parameter("method", request.method().name())
                .parameter("pauseBetweenHosts", request.pauseBetweenHosts().toString());
        if (request.gates().isEmpty()) {
            plan.warning("no health gates: each node is started and the next one taken down without checking it");
        }
        List<List<ServiceNode>> batches = batches();
        for (int i = 0; i < batches.size(); i++) {
            List<ServiceNode> batch = batches.get(i);
            String group = batch.size() > 1 ? "batch-" + (i + 1) : null;
            if (request.method() == RestartMethod.RESTART) {
                batch.forEach(node -> plan.step(actions.restart(node, group(group, "restart"))));
            } else {
                batch.forEach(node -> plan.step(actions.stop(node, group(group, "stop"))));
                batch.forEach(node -> plan.step(actions.start(node, group(group, "start"))));
            }
            batch.forEach(node -> plan.step(actions.gate(node, group(group, "gate"), "check")));
            if (actions.pauses() && i < batches.size() - 1) {
                plan.step(actions.pause(batch.get(batch.size() - 1)));
            }
        }
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return actions.serviceFacts();
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (!actions.execute(step, context)) {
            throw new IllegalStateException("a rolling restart has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        if (HostActions.GUARD_OTHERS_HEALTHY.equals(name)) {
            return new NamedGuard(name, (step, context) -> actions.othersHealthy(batchOf.get(step.target())));
        }
        throw new OpsValidationException("a rolling restart has no guard named '" + name + "'");
    }

    private List<String> nodeNames() {
        return request.nodes().stream().map(ServiceNode::node).toList();
    }

    private List<List<ServiceNode>> batches() {
        List<List<ServiceNode>> batches = new ArrayList<>();
        List<ServiceNode> nodes = request.nodes();
        for (int from = 0; from < nodes.size(); from += request.maxUnavailable()) {
            batches.add(nodes.subList(from, Math.min(nodes.size(), from + request.maxUnavailable())));
        }
        return batches;
    }

    private static String group(String batchGroup, String action) {
        return batchGroup == null ? null : action + "-" + batchGroup;
    }
}
