package io.opsstack.opensearch.internal.ops.restart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.error.UnsafeOperationException;
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
import io.opsstack.api.service.ServiceControl;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.internal.ops.EndpointCoverage;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.SnapshotApi;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.ops.snapshot.SnapshotDefinition;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.ops.RollingRestartRequest;
import io.opsstack.opensearch.ops.SnapshotRequest;

/**
 * Rolling restart or rolling upgrade: a pre-flight step, for upgrades a snapshot, then one step per node (or per
 * zone where allocation awareness proves it safe) in a deterministic order, each behind its named guards.
 */
public final class RollingRestartDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-rolling-restart";
    public static final String GUARD_SETTLED = "cluster-settled";
    public static final String GUARD_NO_FOREIGN_MAINTENANCE = "no-foreign-maintenance";
    public static final String GUARD_VERSION_RULES = "version-rules";
    public static final String GUARD_MAX_UNAVAILABLE = "max-unavailable-budget";
    public static final String GUARD_ONE_MANAGER = "one-cluster-manager-at-a-time";
    public static final String GUARD_PRIMARY_COPIES = "primaries-have-started-copies";
    public static final String GUARD_TIER_KEEPS_NODE = "tier-keeps-a-healthy-node";
    private static final String UNSET = "<unset>";

    private final OpenSearchOps client;
    private final RestClient rest;
    private final SnapshotApi snapshots;
    private final RollingRestartRequest request;
    private final ClusterGates clusterGates;
    private final NodeGates nodeGates;
    private final RestartSequence sequence;

    public RollingRestartDefinition(OpenSearchOps client, RestClient rest, SnapshotApi snapshots,
                                    ServiceControl control, RollingRestartRequest request) {
        super(NAME, client);
        this.client = client;
        this.rest = rest;
        this.snapshots = snapshots;
        this.request = Objects.requireNonNull(request, "request");
        this.clusterGates = new ClusterGates(client, rest);
        this.nodeGates = new NodeGates(client);
        this.sequence = new RestartSequence(client, rest, Objects.requireNonNull(control, "control"), request,
                nodeGates, target());
    }


    @Override
    public Plan plan() {
        List<NodeInfo> nodes = client.nodes();
        Map<String, NodeInfo> byName = new LinkedHashMap<>();
        nodes.forEach(node -> byName.put(node.name(), node));
        List<String> unknown = request.nodes().stream().filter(name -> !byName.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new OpsValidationException("unknown node(s) " + unknown + "; the cluster has " + byName.keySet(), target());
        }
        if (request.maxUnavailable() > nodes.size()) {
            throw new OpsValidationException("maxUnavailable " + request.maxUnavailable() + " exceeds the cluster's "
                    + nodes.size() + " nodes", target());
        }
        String electedId = client.clusterManagerNodeId();
        List<NodeInfo> selected = nodes.stream()
                .filter(node -> request.nodes().isEmpty() || request.nodes().contains(node.name())).toList();
        List<String> order = RestartOrder.order(selected, electedId, request.tierAttribute());
        ClusterSettings settings = client.clusterSettings(false);
        PlanTopology topology = PlanTopology.of(nodes, request.tierAttribute(), request.maxUnavailable(),
                client.health().unassignedShards());
        List<String> notes = new ArrayList<>();
        List<RestartGroups.Group> groups = RestartGroups.groups(order, byName,
                request.parallelZones() ? client.shards() : List.of(),
                request.parallelZones() ? request.zoneAttribute() : null,
                request.parallelZones() ? awarenessAttributes() : List.of(), request.maxUnavailable(), notes);

        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("order", String.join(",", order))
                .parameter("target_version", request.targetVersion() == null ? "<same>" : request.targetVersion());
        topology.toParameters().forEach(plan::parameter);
        notes.forEach(plan::warning);
        String prior = settings.persistent().get(ClusterGates.ENABLE_KEY);
        PlannedStep.Builder preflight = PlannedStep.builder("preflight", StepAction.READ, target())
                .description("check the cluster is settled, no other maintenance is in flight and an endpoint stays up throughout");
        if (request.isUpgrade()) {
            // first: a forbidden version is a lasting refusal, an unsettled cluster a passing one
            preflight.guard(GUARD_VERSION_RULES);
        }
        plan.step(preflight.guard(GUARD_SETTLED).guard(GUARD_NO_FOREIGN_MAINTENANCE).guard(EndpointCoverage.GUARD));
        if (request.isUpgrade()) {
            addSnapshotStep(plan);
        }
        for (RestartGroups.Group group : groups) {
            plan.step(restartStep(group, byName, electedId, prior));
        }
        plan.stateFacts(facts(nodes, settings));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    /** Awareness as the cluster applies it: set through the API or in {@code opensearch.yml} (a default then). */
    private List<String> awarenessAttributes() {
        return client.clusterSettings(true).awarenessAttributes().orElse(List.of());
    }

    private void addSnapshotStep(Plan.Builder plan) {
        if (request.snapshotRepository() == null) {
            plan.warning("no snapshot repository given: the official upgrade procedure takes a snapshot first");
            return;
        }
        if (snapshots.repository(request.snapshotRepository()).isEmpty()) {
            throw new OpsValidationException("unknown snapshot repository '" + request.snapshotRepository() + "'", target());
        }
        plan.step(PlannedStep.builder("snapshot", StepAction.SNAPSHOT, request.snapshotRepository())
                .description("snapshot all indices into " + request.snapshotRepository() + " and wait for SUCCESS"));
    }

    private PlannedStep.Builder restartStep(RestartGroups.Group group, Map<String, NodeInfo> byName, String electedId,
                                            String prior) {
        List<String> names = group.nodes();
        String id = names.size() == 1 ? "restart-" + names.get(0) : "restart-zone-" + String.join("+", names);
        StringBuilder description = new StringBuilder(request.isUpgrade() ? "upgrade " : "restart ")
                .append(String.join(" + ", names)).append(" (");
        names.forEach(name -> description.append(RestartOrder.reason(byName.get(name), electedId, request.tierAttribute())).append("; "));
        description.setLength(description.length() - 2);
        description.append("): allocation primaries, flush, stop, start, rejoin")
                .append(request.isUpgrade() ? " on " + request.targetVersion() : " on the same version")
                .append(", allocation back to ").append(prior == null ? UNSET : prior).append(", wait for green, then until nothing moves");
        if (request.recoveryConcurrency() > 0) {
            description.append("; ").append(RestartSequence.RECOVERIES_KEY).append(" at least ")
                    .append(request.recoveryConcurrency()).append(" while its copies recover, restored when the operation ends");
        }
        if (request.delayedAllocation() != null) {
            description.append("; ").append(DelayedAllocationWindow.KEY).append(" raised to ")
                    .append(request.delayedAllocation().toSeconds()).append(" s while down, then restored");
        }
        if (group.reason() != null) {
            description.append("; together because ").append(group.reason());
        }
        return PlannedStep.builder(id, StepAction.RESTART, String.join(",", names))
                .description(description.toString())
                .disruptive(true)
                .guard(GUARD_MAX_UNAVAILABLE)
                .guard(GUARD_ONE_MANAGER)
                .guard(GUARD_PRIMARY_COPIES)
                .guard(GUARD_TIER_KEEPS_NODE)
                .guard(GUARD_SETTLED);
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return facts(client.nodes(), client.clusterSettings(false));
    }

    private Map<String, String> facts(List<NodeInfo> nodes, ClusterSettings settings) {
        Map<String, String> facts = new TreeMap<>();
        nodes.forEach(node -> facts.put(versionFact(node.name()), node.version()));
        String enable = settings.persistent().get(ClusterGates.ENABLE_KEY);
        facts.put("persistent." + ClusterGates.ENABLE_KEY, enable == null ? UNSET : enable);
        return facts;
    }

    /** The plan fact holding the version a node ran when the plan was made. */
    static String versionFact(String node) {
        return "node." + node + ".version";
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.action()) {
            case READ -> { }
            case SNAPSHOT -> snapshot(context);
            case RESTART -> sequence.restart(List.of(step.target().split(",")),
                    PlanTopology.fromParameters(context.plan().parameters()), context);
            default -> throw new IllegalStateException("rolling restart has no " + step.action() + " step");
        }
    }

    private void snapshot(StepContext context) {
        String name = ("before-upgrade-" + context.operationId()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._+-]", "-");
        SnapshotRequest snapshot = SnapshotRequest.builder().repository(request.snapshotRepository()).snapshot(name)
                .pollInterval(request.pollInterval()).build();
        SnapshotDefinition definition = new SnapshotDefinition(client, snapshots, snapshot);
        for (PlannedStep part : definition.plan().steps()) {
            for (String guardName : part.guardNames()) {
                GuardResult verdict = definition.guard(guardName).check(part, context);
                if (!verdict.passed()) {
                    throw new UnsafeOperationException(guardName, verdict.reason(), target(), NAME, context.step().id());
                }
            }
            definition.execute(part, context);
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_SETTLED -> new NamedGuard(name, (step, context) ->
                    settled(step, PlanTopology.fromParameters(context.plan().parameters())));
            case GUARD_NO_FOREIGN_MAINTENANCE -> new NamedGuard(name, (step, context) ->
                    clusterGates.noForeignMaintenance(context.savedValue(RestartSequence.ENABLE_PRIOR).isPresent()));
            case GUARD_VERSION_RULES -> new NamedGuard(name, (step, context) -> versionRules());
            case EndpointCoverage.GUARD -> new NamedGuard(name, (step, context) ->
                    EndpointCoverage.check(rest, client.nodes(), restartGroups(context.plan())));
            case GUARD_MAX_UNAVAILABLE -> new NamedGuard(name, (step, context) ->
                    nodeGates.maxUnavailable(group(step), PlanTopology.fromParameters(context.plan().parameters())));
            case GUARD_ONE_MANAGER -> new NamedGuard(name, (step, context) ->
                    nodeGates.oneClusterManagerAtATime(group(step), PlanTopology.fromParameters(context.plan().parameters())));
            case GUARD_PRIMARY_COPIES -> new NamedGuard(name, (step, context) -> nodeGates.primariesHaveStartedCopies(group(step)));
            case GUARD_TIER_KEEPS_NODE -> new NamedGuard(name, (step, context) ->
                    nodeGates.tierKeepsAHealthyNode(group(step), PlanTopology.fromParameters(context.plan().parameters())));
            default -> throw new OpsValidationException("rolling restart has no guard named '" + name + "'");
        };
    }

    private GuardResult versionRules() {
        List<String> problems = new ArrayList<>();
        for (NodeInfo node : client.nodes()) {
            String violation = VersionRules.violation(node.version(), request.targetVersion());
            if (violation != null) {
                problems.add(node.name() + ": " + violation);
            }
        }
        return problems.isEmpty()
                ? GuardResult.pass("every node may upgrade to " + request.targetVersion())
                : GuardResult.fail(String.join("; ", problems));
    }

    @Override
    public void cleanup(OperationContext context, OperationStatus status) {
        sequence.restoreIfHeld(context);
    }

    /**
     * A restart step whose nodes are all down while every other node is up was cut short after its stop (the
     * applying process crashed): the missing nodes and their delayed replicas are the step's own doing and
     * starting the nodes is what settles the cluster, so only red blocks the step then.
     */
    private GuardResult settled(PlannedStep step, PlanTopology topology) {
        if (step.action() == StepAction.RESTART && nodeGates.onlyGroupDown(group(step), topology)) {
            return clusterGates.notRedWhileDown(group(step));
        }
        return clusterGates.settled(topology.clusterNodes().size());
    }

    private static List<List<String>> restartGroups(Plan plan) {
        return plan.steps().stream().filter(step -> step.action() == StepAction.RESTART)
                .map(RollingRestartDefinition::group).toList();
    }

    private static List<String> group(PlannedStep step) {
        return List.of(step.target().split(","));
    }
}
