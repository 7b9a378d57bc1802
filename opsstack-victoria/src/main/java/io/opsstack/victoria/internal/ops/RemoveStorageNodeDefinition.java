package io.opsstack.victoria.internal.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.internal.HealthRules;
import io.opsstack.victoria.internal.NodeReading;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ClusterNode;
import io.opsstack.victoria.model.ComponentHealth;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.ReplicationCheck;
import io.opsstack.victoria.model.StorageLink;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.ops.FlagSource;
import io.opsstack.victoria.ops.RemovalPhase;
import io.opsstack.victoria.ops.RemoveStorageNodeRequest;
import io.opsstack.victoria.ops.StorageRemoval;

/**
 * Removes a vmstorage node without hiding data. Phase {@code FROM_VMINSERT}: refused when the
 * remaining nodes break the {@code 2·RF−1} rule or a vminsert reports another storage node
 * unreachable; otherwise drop it from each vminsert's list (one at a time, restart, gate) and record
 * when that finished. Phase {@code FROM_VMSELECT}: refused while a vminsert still lists the node, and
 * before its data is past retention unless the caller states it was re-ingested; otherwise drop it from
 * each vmselect's list the same way and stop it.
 */
public final class RemoveStorageNodeDefinition implements OperationDefinition<StorageRemoval> {
    public static final String NAME = "victoria-remove-storage";
    static final String GUARD_REPLICATION = "replication-factor-kept";
    static final String GUARD_REACHABLE = "other-storage-reachable";
    static final String GUARD_RETENTION = "data-past-retention";
    private static final String REMOVED_AT = "removed_from_vminsert_at";

    private final VictoriaClusterOps ops;
    private final RemoveStorageNodeRequest request;
    private final StorageNode node;
    private final NodeSteps steps;
    private final StorageListCheck lists;
    private final FlagSource flags;

    public RemoveStorageNodeDefinition(VictoriaClusterOps ops, RemoveStorageNodeRequest request, ServiceControl control,
                                       FlagSource flags) {
        this.ops = ops;
        this.request = request;
        this.flags = flags;
        this.steps = new NodeSteps(ops, control, flags, request.settings(), NAME);
        this.lists = new StorageListCheck(ops, flags, steps.target());
        this.node = resolve(ops.definition(), request.node());
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
        String retention = ops.vmstorage(node.name()).flags().value("retentionPeriod").orElse("1");
        Duration retentionPeriod = Retention.parse(retention);
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("node", node.name())
                .parameter("phase", request.phase().name())
                .parameter("retention_period", retention);
        if (request.phase() == RemovalPhase.FROM_VMINSERT) {
            planFromVminsert(plan, definition, retentionPeriod);
        } else {
            planFromVmselect(plan, definition, retentionPeriod);
        }
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return steps.flagFacts();
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (step.id().equals(keepStepId())) {
            if (context.savedValue(REMOVED_AT).isEmpty()) {
                context.saveValue(REMOVED_AT, Instant.now().toString());
            }
        } else if (!steps.execute(step, context)) {
            throw new IllegalStateException("removing a vmstorage node has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return steps.guard(name);
    }

    @Override
    public StorageRemoval result(OperationContext context) {
        String retention = context.plan().parameters().get("retention_period");
        Instant removedAt = request.phase() == RemovalPhase.FROM_VMINSERT
                ? context.savedValue(REMOVED_AT).map(SavedValue::value).map(Instant::parse).orElseThrow(() ->
                        new OpsException("the journal has no time of the removal from vminsert", null, target(), NAME, keepStepId()))
                : request.removedFromVminsertAt();
        Instant notBefore = removedAt == null ? null : Retention.dataGoneAt(removedAt, Retention.parse(retention));
        return new StorageRemoval(node.name(), request.phase(), removedAt, retention, notBefore);
    }

    private void planFromVminsert(Plan.Builder plan, ClusterDefinition definition, Duration retention) {
        int remaining = definition.vmstorage().size() - 1;
        int rf = definition.replicationFactor();
        if (remaining < Math.max(rf, 2 * rf - 1)) {
            throw refusal(GUARD_REPLICATION, "removing " + node.name() + " leaves " + remaining + " vmstorage node(s); "
                    + (remaining < rf ? "fewer than the replication factor " + rf
                    : ReplicationCheck.evaluate(remaining, rf).message()));
        }
        List<String> unreachable = unreachableOthers(definition);
        if (!unreachable.isEmpty()) {
            throw refusal(GUARD_REACHABLE, "vminsert reports other storage nodes unreachable, so their data is rerouted and "
                    + "removing another node risks it: " + String.join("; ", unreachable));
        }
        List<String> full = definition.vminsertStorageList();
        List<String> reduced = StorageListCheck.without(full, node.vminsertAddress());
        for (ClusterNode insert : definition.vminsert()) {
            List<String> before = lists.require(ComponentType.VMINSERT, insert.name(), List.of(full, reduced));
            if (before.contains(node.vminsertAddress())) {
                steps.rollOut(plan, insert.name(), before, reduced);
            }
        }
        for (ClusterNode select : definition.vmselect()) {
            lists.require(ComponentType.VMSELECT, select.name(), List.of(definition.vmselectStorageList()));
        }
        Instant goneAt = Retention.dataGoneAt(Instant.now(), retention);
        plan.parameter("vmselect_removal_not_before", goneAt.toString());
        plan.step(PlannedStep.builder(keepStepId(), StepAction.NO_OP, node.name())
                .description("keep " + node.name() + " in every vmselect's -storageNode until its data is past retention: not before "
                        + goneAt + " (if this apply finishes now), or until its data was re-ingested; then apply phase FROM_VMSELECT"));
        plan.warning("vmstorage " + node.name() + " stays readable through vmselect and must keep running; remove it from "
                + "vmselect with phase FROM_VMSELECT not before " + goneAt + " (the result gives the exact date) unless its data "
                + "is re-ingested elsewhere");
    }

    private void planFromVmselect(Plan.Builder plan, ClusterDefinition definition, Duration retention) {
        List<String> reducedInsert = StorageListCheck.without(definition.vminsertStorageList(), node.vminsertAddress());
        for (ClusterNode insert : definition.vminsert()) {
            List<String> listed = flags.storageNodes(insert.name());
            if (listed.stream().anyMatch(address -> address.equals(node.vminsertAddress())
                    || address.equals(node.vminsertAddress().substring(0, node.vminsertAddress().lastIndexOf(':'))))) {
                throw new OpsValidationException("vminsert " + insert.name() + " still lists " + node.name()
                        + ": apply phase FROM_VMINSERT first", target());
            }
            lists.require(ComponentType.VMINSERT, insert.name(), List.of(reducedInsert));
        }
        if (request.dataReingested()) {
            plan.warning("the caller states the data of " + node.name() + " was re-ingested into the remaining nodes; "
                    + "the retention date is not waited for");
        } else {
            Instant goneAt = Retention.dataGoneAt(request.removedFromVminsertAt(), retention);
            plan.parameter("vmselect_removal_not_before", goneAt.toString());
            if (Instant.now().isBefore(goneAt)) {
                throw refusal(GUARD_RETENTION, "data of " + node.name() + " stays inside its retention until " + goneAt
                        + "; removing it from vmselect earlier hides it from queries (state dataReingested after copying it)");
            }
        }
        List<String> full = definition.vmselectStorageList();
        List<String> reduced = StorageListCheck.without(full, node.vmselectAddress());
        for (ClusterNode select : definition.vmselect()) {
            List<String> before = lists.require(ComponentType.VMSELECT, select.name(), List.of(full, reduced));
            if (before.contains(node.vmselectAddress())) {
                steps.rollOut(plan, select.name(), before, reduced);
            }
        }
        plan.step(steps.stop(node.name()));
        plan.warning("remove " + node.name() + " from the cluster definition once this plan is applied");
    }

    /** For each vminsert, the storage links other than the removed node that are not healthy now. */
    private List<String> unreachableOthers(ClusterDefinition definition) {
        List<String> problems = new ArrayList<>();
        for (ClusterNode insert : definition.vminsert()) {
            NodeReading reading = NodeReading.read(ops.vminsert(insert.name()));
            ComponentHealth health = HealthRules.vminsert(insert.name(), insert.httpAddress(), reading, definition);
            if (!reading.readable()) {
                problems.add("vminsert " + insert.name() + " cannot be read: " + reading.error());
            }
            for (StorageLink link : health.storageLinks()) {
                if (!link.healthy() && !link.address().equals(node.vminsertAddress())) {
                    problems.add("vminsert " + insert.name() + " -> " + link.address() + ": " + link.reason());
                }
            }
        }
        return problems;
    }

    private UnsafeOperationException refusal(String guard, String reason) {
        return new UnsafeOperationException(guard, reason, target(), NAME, null);
    }

    private String keepStepId() {
        return "keep-" + node.name() + "-in-vmselect";
    }

    private static StorageNode resolve(ClusterDefinition definition, String name) {
        for (ComponentType type : List.of(ComponentType.VMINSERT, ComponentType.VMSELECT)) {
            Optional<ClusterNode> other = definition.nodes(type).stream()
                    .filter(candidate -> candidate.name().equals(name) || candidate.httpAddress().equals(name)).findFirst();
            if (other.isPresent()) {
                throw new OpsValidationException("'" + name + "' is a " + type.id() + " node, not a vmstorage; only vmstorage "
                        + "nodes are removed this way", "victoria/" + definition.name());
            }
        }
        return definition.storageNode(name);
    }
}
