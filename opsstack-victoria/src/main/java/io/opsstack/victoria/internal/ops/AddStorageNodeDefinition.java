package io.opsstack.victoria.internal.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.VmStorageClient;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ClusterNode;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.AddStorageNodeRequest;
import io.opsstack.victoria.ops.FlagSource;

/**
 * Adds a vmstorage node in the documented order: start it and wait for its health, then per vmselect
 * (one at a time) add it to {@code -storageNode}, restart and gate, then the same per vminsert, and
 * finally wait until every vminsert and vmselect is connected to it.
 */
public final class AddStorageNodeDefinition implements OperationDefinition<Void> {
    public static final String NAME = "victoria-add-storage";

    private final VictoriaClusterOps ops;
    private final StorageNode node;
    private final NodeSteps steps;
    private final StorageListCheck lists;
    private VmStorageClient client;

    public AddStorageNodeDefinition(VictoriaClusterOps ops, AddStorageNodeRequest request, ServiceControl control, FlagSource flags) {
        this.ops = ops;
        this.node = request.node();
        this.steps = new NodeSteps(ops, control, flags, request.settings(), NAME);
        this.lists = new StorageListCheck(ops, flags, steps.target());
        ClusterDefinition definition = ops.definition();
        for (StorageNode member : definition.vmstorage()) {
            if (member.name().equals(node.name()) || member.httpAddress().equals(node.httpAddress())
                    || member.vminsertAddress().equals(node.vminsertAddress())) {
                throw new OpsValidationException("vmstorage " + node.name() + " (" + node.httpAddress() + ") is already a member of "
                        + definition.name() + " as " + member.name(), steps.target());
            }
        }
        for (ComponentType type : List.of(ComponentType.VMINSERT, ComponentType.VMSELECT)) {
            if (definition.nodes(type).stream().anyMatch(other -> other.name().equals(node.name()))) {
                throw new OpsValidationException("'" + node.name() + "' names a " + type.id() + " node, not a new vmstorage",
                        steps.target());
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
        ClusterDefinition definition = ops.definition();
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("node", node.name())
                .parameter("vminsert_address", node.vminsertAddress())
                .parameter("vmselect_address", node.vmselectAddress())
                .parameter("order", "start node, vmselect, vminsert");
        plan.step(steps.start(node.name(), node.service()));
        plan.step(PlannedStep.builder("health-" + node.name(), StepAction.WAIT, node.name())
                .description("wait until vmstorage " + node.name() + " answers /health and is writable"));
        for (ClusterNode select : definition.vmselect()) {
            List<String> before = lists.require(ComponentType.VMSELECT, select.name(), List.of(definition.vmselectStorageList()));
            steps.rollOut(plan, select.name(), before, StorageListCheck.with(before, node.vmselectAddress()));
        }
        for (ClusterNode insert : definition.vminsert()) {
            List<String> before = lists.require(ComponentType.VMINSERT, insert.name(), List.of(definition.vminsertStorageList()));
            steps.rollOut(plan, insert.name(), before, StorageListCheck.with(before, node.vminsertAddress()));
        }
        plan.step(PlannedStep.builder("joined-" + node.name(), StepAction.WAIT, node.name())
                .description("wait until every vminsert and vmselect is connected to " + node.name()
                        + " (vm_vminsert_conns, vm_vmselect_conns)"));
        plan.warning("add " + node.name() + " to the cluster definition once this plan is applied");
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        Map<String, String> facts = new TreeMap<>(steps.flagFacts());
        facts.putAll(steps.serviceFacts(List.of(node.name())));
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (step.id().equals("health-" + node.name()) || step.id().equals("joined-" + node.name())) {
            steps.gates().await("vmstorage " + node.name() + (step.id().startsWith("health-") ? " healthy" : " joined"),
                    node.name(), () -> steps.gates().storageProblems(node, client(), null), context);
        } else if (!steps.execute(step, context)) {
            throw new IllegalStateException("adding a vmstorage node has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return steps.guard(name);
    }

    @Override
    public void cleanup(OperationContext context, OperationStatus status) {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private synchronized VmStorageClient client() {
        if (client == null) {
            client = ops.storageClient(node);
        }
        return client;
    }
}
