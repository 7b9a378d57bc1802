package io.opsstack.opensearch.internal.ops.drain;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.WaitTimeoutException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.internal.ops.EndpointCoverage;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.internal.allocation.ExclusionList;
import io.opsstack.opensearch.internal.allocation.RecoveryThrottles;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.allocation.VotingExclusion;
import io.opsstack.opensearch.ops.DrainRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drain-and-decommission of one node: (voting exclusion for a manager-eligible node) → exclusion by
 * name (read-verify-write) → wait until drained, with the recovery throttles raised within the
 * caller's limits → optionally stop the node, see it leave, drop its exclusions. Throttles are
 * restored by {@link #cleanup}, also after a resumed crash, from the values saved in the journal.
 */
public final class DrainDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-drain";
    static final String GUARD_FEASIBLE = "drain-feasible";
    static final String GUARD_NOT_RED = "cluster-not-red";
    static final String GUARD_NO_FOREIGN_VOTING = "no-foreign-voting-exclusions";
    static final String GUARD_DRAINED = "node-drained";
    private static final int EXPLAINED_BLOCKED = 10;
    private static final String UNSET = "<unset>";

    private final OpenSearchOps client;
    private final RestClient rest;
    private final DrainRequest request;

    public DrainDefinition(OpenSearchOps client, RestClient rest, DrainRequest request) {
        super(NAME, client);
        this.client = client;
        this.rest = rest;
        this.request = request;
    }


    @Override
    public Plan plan() {
        NodeInfo node = requireNode();
        String name = node.name();
        ClusterSnapshot snapshot = ClusterSnapshot.read(client);
        ClusterSettings settings = snapshot.settings();
        DrainFeasibility feasibility = DrainPlanner.assess(snapshot, name);
        Map<String, String> raises = RecoveryThrottles.raises(settings, request.recoveryLimits());
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("node", name)
                .parameter("stop_node", String.valueOf(request.stopsNode()))
                .parameter("shard_copies", String.valueOf(feasibility.copies()))
                .parameter("bytes", String.valueOf(feasibility.bytes()))
                .parameter("recovery_limits", request.recoveryLimits().toMap().toString());
        boolean manager = node.isClusterManagerEligible();
        PlannedStep.Builder exclude = PlannedStep.builder("exclude-node", StepAction.EXCLUDE, name)
                .description("add " + name + " to " + ExclusionList.KEY + " (other entries kept)")
                .disruptive(true)
                .change(ExclusionList.KEY, ExclusionList.raw(settings), ExclusionList.withNode(settings, name))
                .guard(GUARD_NOT_RED).guard(GUARD_FEASIBLE);
        PlannedStep.Builder first = manager ? votingExclusionStep(name) : exclude;
        if (request.stopsNode()) {
            // on the first step, so a client that only reaches this node is refused before any change
            first.guard(EndpointCoverage.GUARD);
        }
        if (manager) {
            plan.step(first);
        }
        plan.step(exclude);
        plan.step(PlannedStep.builder("await-drained", StepAction.WAIT, name)
                .description("wait until no shard copy is on " + name + " (" + feasibility.copies() + " copies, "
                        + feasibility.bytes() + " bytes), none is unassigned and nothing moves"
                        + (raises.isEmpty() ? "" : "; recovery throttles raised to " + raises + " (before the exclusion) "
                        + "meanwhile and restored afterwards")));
        if (request.stopsNode()) {
            plan.step(PlannedStep.builder("stop-node", StepAction.STOP, name)
                    .description("stop " + name + " through " + request.serviceControl())
                    .disruptive(true).guard(GUARD_DRAINED));
            plan.step(PlannedStep.builder("await-node-left", StepAction.WAIT, name)
                    .description("wait until " + name + " has left the cluster"));
            plan.step(PlannedStep.builder("remove-exclusion", StepAction.INCLUDE, name)
                    .description("remove the departed " + name + " from " + ExclusionList.KEY)
                    .change(ExclusionList.KEY, ExclusionList.withNode(settings, name), ExclusionList.raw(settings)));
            if (manager) {
                plan.step(PlannedStep.builder("clear-voting-exclusion", StepAction.INCLUDE, name)
                        .description("clear the voting exclusion of the departed " + name));
            }
        } else {
            plan.warning(name + " stays excluded from allocation" + (manager ? " and from voting" : "")
                    + " after the drain (no service control given to stop it); undrain(\"" + name + "\") takes it back");
        }
        plan.stateFacts(stateFacts(settings, node));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    private static PlannedStep.Builder votingExclusionStep(String name) {
        return PlannedStep.builder("add-voting-exclusion", StepAction.EXCLUDE, name)
                .description("exclude cluster-manager-eligible " + name + " from the voting configuration")
                .disruptive(true).guard(GUARD_FEASIBLE).guard(GUARD_NO_FOREIGN_VOTING);
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return stateFacts(client.clusterSettings(true), requireNode());
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        String node = request.node();
        switch (step.id()) {
            case "add-voting-exclusion" -> client.allocation().addVotingExclusions(List.of(node));
            case "exclude-node" -> {
                // raised first, so the recoveries the exclusion starts already run at the raised limits
                RecoveryThrottles.raise(client, context, request.recoveryLimits());
                new ExclusionList(client).add(node);
            }
            case "await-drained" -> {
                RecoveryThrottles.raise(client, context, request.recoveryLimits());
                new DrainWatch(client, node, request.pollInterval(), request.stallPolls())
                        .await(context, min(request.waitTimeout(), context.remaining()));
            }
            case "stop-node" -> request.serviceControl().stop(node, request.stopTimeout());
            case "await-node-left" -> awaitLeft(context);
            case "remove-exclusion" -> new ExclusionList(client).remove(node);
            case "clear-voting-exclusion" -> client.allocation().clearVotingExclusions(true);
            default -> throw new IllegalStateException("drain has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_FEASIBLE -> new NamedGuard(name, (step, context) -> feasible());
            case GUARD_NOT_RED -> new NamedGuard(name, (step, context) -> notRed());
            case GUARD_NO_FOREIGN_VOTING -> new NamedGuard(name, (step, context) -> noForeignVotingExclusions());
            case GUARD_DRAINED -> new NamedGuard(name, (step, context) -> drained());
            case EndpointCoverage.GUARD -> new NamedGuard(name, (step, context) ->
                    EndpointCoverage.check(rest, client.nodes(), List.of(List.of(request.node()))));
            default -> throw new OpsValidationException("drain has no guard named '" + name + "'");
        };
    }

    @Override
    public void cleanup(OperationContext context, OperationStatus status) {
        RecoveryThrottles.restore(client, context);
    }

    private GuardResult feasible() {
        DrainFeasibility feasibility = DrainPlanner.assess(ClusterSnapshot.read(client), request.node());
        if (feasibility.feasible()) {
            return GuardResult.pass(feasibility.summary());
        }
        return GuardResult.fail(feasibility.summary() + serverReasons(feasibility));
    }

    /** The server's view of the blocked copies: allocation explain, node by node. */
    private String serverReasons(DrainFeasibility feasibility) {
        List<String> reasons = new ArrayList<>();
        for (String copy : feasibility.blocked().keySet().stream().sorted().limit(EXPLAINED_BLOCKED).toList()) {
            int open = copy.lastIndexOf('[');
            String index = copy.substring(0, open);
            int shard = Integer.parseInt(copy.substring(open + 1, copy.lastIndexOf(']')));
            boolean primary = copy.endsWith("p");
            try {
                reasons.add(client.allocation().explain(index, shard, primary, request.node()).reasons());
            } catch (OpsException e) {
                reasons.add(copy + ": allocation explain failed: " + e.getMessage());
            }
        }
        return reasons.isEmpty() ? "" : " — allocation explain: " + String.join(" || ", reasons);
    }

    private GuardResult notRed() {
        HealthStatus status = client.health().status();
        return status == HealthStatus.RED
                ? GuardResult.fail("cluster health is red: shards must not be moved while primaries are missing")
                : GuardResult.pass("cluster health is " + status.name().toLowerCase());
    }

    private GuardResult noForeignVotingExclusions() {
        List<String> foreign = client.allocation().votingExclusions().stream().map(VotingExclusion::nodeName)
                .filter(n -> !n.equals(request.node())).toList();
        return foreign.isEmpty() ? GuardResult.pass("no other voting exclusions")
                : GuardResult.fail("voting exclusions of other nodes are in place " + foreign
                        + ": another maintenance is in progress, and clearing them later would undo it");
    }

    private GuardResult drained() {
        try {
            DrainState state = DrainState.of(request.node(), client.shards(), client.health());
            return state.drained() ? GuardResult.pass(request.node() + " holds no shard copies and nothing moves")
                    : GuardResult.fail("not drained: " + state.describe());
        } catch (OpsException e) {
            return GuardResult.fail("drain state unknown, treated as not drained: " + e.getMessage());
        }
    }

    private void awaitLeft(StepContext context) {
        long deadline = System.nanoTime() + request.stopTimeout().toNanos();
        while (true) {
            context.checkCancelled();
            try {
                if (client.nodes().stream().noneMatch(n -> n.name().equals(request.node()))) {
                    return;
                }
                context.waiting(request.node() + " is still a member of the cluster");
            } catch (OpsException e) {
                context.waiting("membership unknown: " + e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new WaitTimeoutException(request.node() + " did not leave the cluster within "
                        + request.stopTimeout(), null, target(), 0, request.stopTimeout());
            }
            try {
                Thread.sleep(request.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OpsCancelledException.interrupted("waiting for " + request.node()
                        + " to leave", e);
            }
        }
    }

    private NodeInfo requireNode() {
        List<NodeInfo> nodes = client.nodes();
        return nodes.stream().filter(n -> n.name().equals(request.node())).findFirst()
                .orElseThrow(() -> new OpsValidationException("unknown node '" + request.node() + "'; the cluster has "
                        + nodes.stream().map(NodeInfo::name).toList(), target()));
    }

    private Map<String, String> stateFacts(ClusterSettings settings, NodeInfo node) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("node." + node.name() + ".id", node.id());
        facts.put(ExclusionList.KEY, orUnset(ExclusionList.raw(settings)));
        facts.put(RecoveryThrottles.CONCURRENT, orUnset(settings.persistent().get(RecoveryThrottles.CONCURRENT)));
        facts.put(RecoveryThrottles.MAX_BYTES, orUnset(settings.persistent().get(RecoveryThrottles.MAX_BYTES)));
        return facts;
    }

    private static String orUnset(String value) {
        return value == null ? UNSET : value;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
