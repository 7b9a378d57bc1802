package io.opsstack.victoria.internal.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.ops.GateProfile;
import io.opsstack.victoria.ops.VmRollingRestartRequest;

/**
 * Restarts vmstorage, then vminsert, then vmselect nodes, one node at a time in definition order (so
 * a resumed apply picks the same next node): each restart waits behind the guards that the rest of
 * the cluster is healthy and not rerouting, and is followed by a gate that waits until the node is
 * back by its metrics.
 */
public final class VmRollingRestartDefinition implements OperationDefinition<Void> {
    public static final String NAME = "victoria-rolling-restart";

    private final VmRollingRestartRequest request;
    private final NodeSteps steps;

    public VmRollingRestartDefinition(VictoriaClusterOps ops, VmRollingRestartRequest request, ServiceControl control) {
        this.request = request;
        this.steps = new NodeSteps(ops, control, null, request.settings(), NAME);
        for (String node : request.nodes()) {
            ComponentType type = steps.component(node);
            if (!request.components().contains(type)) {
                throw new OpsValidationException(node + " is a " + type.id() + " node, but the request restarts only "
                        + request.components().stream().map(ComponentType::id).collect(Collectors.joining(", ")), steps.target());
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return steps.target();
    }

    @Override
    public Plan plan() {
        List<String> order = order();
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("order", String.join(",", order))
                .parameter("components", request.components().stream().map(ComponentType::id).collect(Collectors.joining(",")))
                .parameter("gate_profile", request.settings().gateProfile().name())
                .parameter("max_unavailable", "1");
        if (request.settings().gateProfile() == GateProfile.SINGLE_NODE_STANDIN) {
            plan.warning("gate profile SINGLE_NODE_STANDIN: storage nodes are gated on /health, read-only and free disk only; "
                    + "vminsert/vmselect reachability, vm_vminsert_conns/vm_vmselect_conns and rerouting are not checked");
        }
        for (String node : order) {
            plan.step(steps.restart(node));
            plan.step(steps.gate(node));
        }
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return steps.serviceFacts(order());
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (!steps.execute(step, context)) {
            throw new IllegalStateException("a VictoriaMetrics rolling restart has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return steps.guard(name);
    }

    /** The nodes to restart: components in the documented order, nodes in definition order. */
    private List<String> order() {
        List<String> order = new ArrayList<>();
        for (ComponentType type : request.components()) {
            for (String node : steps.nodes(type)) {
                if (request.nodes().isEmpty() || request.nodes().contains(node)) {
                    order.add(node);
                }
            }
        }
        return order;
    }
}
