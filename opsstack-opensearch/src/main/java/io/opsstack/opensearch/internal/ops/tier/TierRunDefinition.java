package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;
import io.opsstack.opensearch.internal.ops.TierPlacement;
import io.opsstack.opensearch.ops.TierRunRequest;
import io.opsstack.opensearch.policy.PolicyPhase;
import io.opsstack.opensearch.policy.PolicyValidation;
import io.opsstack.opensearch.policy.TierAction;
import io.opsstack.opensearch.policy.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tier runner: plans with {@link TierRunPlanner} on a freshly read {@link ClusterView} and applies
 * per index, waiting per index until every copy is STARTED on a node its allocation filters allow.
 */
public final class TierRunDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-tier-run";
    static final String GUARD_CLUSTER_NOT_RED = ClusterGuards.CLUSTER_NOT_RED;
    static final String GUARD_TIER_HAS_NODES = "target-tier-has-data-nodes";
    static final String GUARD_ROOM_FOR_REPLICAS = "target-tier-has-room-for-replicas";
    static final String GUARD_DISK_ROOM = "target-tier-has-disk-room";
    static final String GUARD_DUE_FOR_DELETE = "index-due-for-deletion";
    private static final String UNSET = "<unset>";
    private static final String REQUIRE = "index.routing.allocation.require.";

    private final OpenSearchOps client;
    private final RestClient rest;
    private final TierRunRequest request;
    private final TierPolicy policy;
    private final ClusterViewReader reader;

    public TierRunDefinition(OpenSearchOps client, RestClient rest, TierRunRequest request) {
        super(NAME, client);
        this.client = client;
        this.rest = rest;
        this.request = request;
        this.policy = request.policy();
        this.reader = new ClusterViewReader(client, rest);
    }


    /** Checks the policy against the live cluster: attribute values exist, target tiers have disk room. */
    public PolicyValidation validate() {
        TierRunPlan plan = new TierRunPlanner(policy, reader.read(policy.indexPatterns()), Instant.now()).plan();
        return new PolicyValidation(policy.name(), plan.problems());
    }

    @Override
    public Plan plan() {
        for (PolicyPhase phase : policy.phases()) {
            if (phase.actions().stream().anyMatch(TierAction.Shrink.class::isInstance)) {
                throw new OpsValidationException("phase " + phase.name() + " of policy " + policy.name()
                        + " shrinks indices, which only the ISM executor runs; remove shrink to use the tier runner", target());
            }
        }
        Instant now = request.asOf() != null ? request.asOf() : Instant.now();
        ClusterView view = reader.read(policy.indexPatterns());
        TierRunPlanner planner = new TierRunPlanner(policy, view, now);
        new PolicyValidation(policy.name(), planner.attributeProblems()).requireValid();
        TierRunPlan run = planner.plan();
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("policy", policy.name())
                .parameter("indices", String.join(",", policy.indexPatterns()))
                .parameter("age_from", policy.age().text())
                .parameter("as_of", now.toString());
        run.warnings().forEach(plan::warning);
        run.problems().forEach(p -> plan.warning(p.toString()));
        if (run.indices().isEmpty()) {
            plan.warning("no index matches " + policy.indexPatterns());
        }
        for (TierRunPlan.IndexPlan index : run.indices()) {
            if (index.steps().isEmpty()) {
                plan.step(PlannedStep.builder("noop/" + index.index(), StepAction.NO_OP, index.index())
                        .description(index.label() + ": nothing to do"));
            }
            for (TierRunPlan.IndexStep step : index.steps()) {
                plan.step(plannedStep(index, step));
            }
        }
        plan.stateFacts(stateFacts(view));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    private PlannedStep.Builder plannedStep(TierRunPlan.IndexPlan index, TierRunPlan.IndexStep step) {
        String name = index.index();
        String description = index.label() + ": " + step.summary();
        PlannedStep.Builder b = switch (step.kind()) {
            case OPEN -> PlannedStep.builder("open/" + name, StepAction.EXEC, name).disruptive(true)
                    .guard(GUARD_CLUSTER_NOT_RED);
            case SETTINGS -> {
                PlannedStep.Builder s = PlannedStep.builder("settings/" + name, StepAction.UPDATE_SETTING, name)
                        .disruptive(true).guard(GUARD_CLUSTER_NOT_RED);
                step.after().forEach((key, value) -> s.change(key, step.before().get(key), value));
                if (step.after().keySet().stream().anyMatch(k -> k.startsWith(REQUIRE))) {
                    s.guard(GUARD_TIER_HAS_NODES).guard(GUARD_ROOM_FOR_REPLICAS).guard(GUARD_DISK_ROOM);
                }
                yield s;
            }
            case AWAIT -> PlannedStep.builder("await/" + name, StepAction.WAIT, name);
            case FORCE_MERGE -> PlannedStep.builder("force-merge/" + name, StepAction.EXEC, name)
                    .change(TierRunPlanner.MAX_SEGMENTS, null, step.after().get(TierRunPlanner.MAX_SEGMENTS));
            case CLOSE -> PlannedStep.builder("close/" + name, StepAction.EXEC, name).disruptive(true)
                    .guard(GUARD_CLUSTER_NOT_RED);
            case DELETE -> PlannedStep.builder("delete/" + name, StepAction.DELETE, name).disruptive(true)
                    .guard(GUARD_DUE_FOR_DELETE);
        };
        return b.description(description);
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return stateFacts(reader.read(policy.indexPatterns()));
    }

    /** Per index its status and every setting the policy may change; per tier its data nodes. */
    private Map<String, String> stateFacts(ClusterView view) {
        Set<String> keys = new TreeSet<>(Set.of(TierRunPlanner.REPLICAS, TierRunPlanner.PRIORITY, TierRunPlanner.WRITE_BLOCK));
        Set<String> tiers = new TreeSet<>();
        for (PolicyPhase phase : policy.phases()) {
            for (TierAction action : phase.actions()) {
                if (action instanceof TierAction.Allocation a) {
                    keys.add(a.setting());
                    tiers.add(a.attribute() + "=" + a.value());
                }
            }
        }
        Map<String, String> facts = new TreeMap<>();
        for (ClusterView.IndexState index : view.indices()) {
            facts.put("index." + index.name() + ".status", index.open() ? "open" : "close");
            for (String key : keys) {
                String value = index.setting(key);
                facts.put("index." + index.name() + "." + key, value == null ? UNSET : value);
            }
        }
        for (String tier : tiers) {
            facts.put("tier." + tier + ".data_nodes", String.join(",", nodesOf(view, tier)));
        }
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        String index = step.target();
        String path = "/" + RestPaths.index(index);
        switch (step.id().substring(0, step.id().indexOf('/'))) {
            case "noop" -> { }
            case "open" -> IndexCommands.open(client, rest, index, context, target());
            case "settings" -> client.putIndexSettings(index, step.after());
            case "await" -> awaitPlacement(index, context);
            case "force-merge" -> rest.body(HttpRequest.post(path + "/_forcemerge")
                    .query("max_num_segments", step.after().get(TierRunPlanner.MAX_SEGMENTS))
                    .idempotent(true).timeout(context.remaining()).build());
            case "close" -> IndexCommands.close(client, rest, index, context, target());
            case "delete" -> client.deleteIndex(index);
            default -> throw new IllegalStateException("the tier runner has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_CLUSTER_NOT_RED -> new NamedGuard(name, (step, context) -> ClusterGuards.notRed(client));
            case GUARD_TIER_HAS_NODES -> new NamedGuard(name, (step, context) -> tierHasNodes(step));
            case GUARD_ROOM_FOR_REPLICAS -> new NamedGuard(name, (step, context) -> roomForReplicas(step));
            case GUARD_DISK_ROOM -> new NamedGuard(name, (step, context) -> diskRoom(step));
            case GUARD_DUE_FOR_DELETE -> new NamedGuard(name, (step, context) -> dueForDelete(step));
            default -> throw new OpsValidationException("the tier runner has no guard named '" + name + "'");
        };
    }

    private GuardResult tierHasNodes(PlannedStep step) {
        ClusterView view = reader.read(List.of(step.target()));
        for (String tier : requiredTiers(step)) {
            if (nodesOf(view, tier).isEmpty()) {
                return GuardResult.fail("no joined data node has " + tier);
            }
        }
        return GuardResult.pass("data nodes present for " + requiredTiers(step));
    }

    private GuardResult roomForReplicas(PlannedStep step) {
        String replicasText = step.after().containsKey(TierRunPlanner.REPLICAS) ? step.after().get(TierRunPlanner.REPLICAS)
                : client.indexSettings(step.target()).settings().getOrDefault(TierRunPlanner.REPLICAS, "0");
        int replicas = Integer.parseInt(replicasText);
        ClusterView view = reader.read(List.of(step.target()));
        for (String tier : requiredTiers(step)) {
            int nodes = nodesOf(view, tier).size();
            if (nodes < replicas + 1) {
                return GuardResult.fail(step.target() + " will have " + replicas + " replica(s) and needs " + (replicas + 1)
                        + " nodes with " + tier + ", there are " + nodes + ": its replicas would stay unassigned");
            }
        }
        return GuardResult.pass(step.target() + " needs " + (replicas + 1) + " node(s) per tier; " + requiredTiers(step) + " have enough");
    }

    private GuardResult diskRoom(PlannedStep step) {
        ClusterView view = reader.read(List.of(step.target()));
        long bytes = view.indices().stream().mapToLong(ClusterView.IndexState::storeBytes).sum();
        TierRunPlanner planner = new TierRunPlanner(policy, view, Instant.now());
        for (String tier : requiredTiers(step)) {
            long room = planner.roomOf(tier);
            if (bytes > room) {
                return GuardResult.fail(step.target() + " holds " + ByteSizes.format(bytes) + ", but the nodes with " + tier
                        + " have only " + ByteSizes.format(room) + " left below the low watermark (" + view.lowWatermark() + ")");
            }
        }
        return GuardResult.pass(step.target() + " (" + ByteSizes.format(bytes) + ") fits below the low watermark ("
                + view.lowWatermark() + ") of " + requiredTiers(step));
    }

    private GuardResult dueForDelete(PlannedStep step) {
        if (!client.indexExists(step.target())) {
            return GuardResult.pass(step.target() + " is already gone");
        }
        ClusterView view = reader.read(List.of(step.target()));
        TierRunPlan plan = new TierRunPlanner(policy, view, Instant.now()).plan();
        for (TierRunPlan.IndexPlan index : plan.indices()) {
            PolicyPhase phase = policy.phase(index.phase());
            if (index.index().equals(step.target()) && phase.deletes()) {
                return GuardResult.pass(index.label() + " is due for deletion");
            }
        }
        return GuardResult.fail(step.target() + " is not (or no longer) in a deleting phase of policy " + policy.name());
    }

    private static Set<String> requiredTiers(PlannedStep step) {
        Set<String> tiers = new TreeSet<>();
        step.after().forEach((key, value) -> {
            if (key.startsWith(REQUIRE)) {
                tiers.add(key.substring(REQUIRE.length()) + "=" + value);
            }
        });
        return tiers;
    }

    private static Set<String> nodesOf(ClusterView view, String tier) {
        int eq = tier.indexOf('=');
        String attribute = tier.substring(0, eq);
        String value = tier.substring(eq + 1);
        Set<String> nodes = new TreeSet<>();
        view.dataNodes().stream().filter(n -> value.equals(n.attributes().get(attribute))).forEach(n -> nodes.add(n.name()));
        return nodes;
    }

    private void awaitPlacement(String index, StepContext context) {
        Duration timeout = request.waitTimeout().compareTo(context.remaining()) < 0 ? request.waitTimeout() : context.remaining();
        Waiter.<TierPlacement>builder()
                .poll(() -> {
                    ClusterView view = reader.read(List.of(index));
                    Map<String, String> settings = view.indices().isEmpty() ? Map.of() : view.indices().get(0).settings();
                    TierPlacement placement = TierPlacement.ofCopies(index, view.shards(),
                            new AllocationFilters(view.dataNodes()).allowedNodes(settings));
                    int expected = Integer.parseInt(settings.getOrDefault(TierRunPlanner.SHARDS, "0"))
                            * (1 + Integer.parseInt(settings.getOrDefault(TierRunPlanner.REPLICAS, "0")));
                    context.progress(placement.placed(), Math.max(expected, placement.copies()), "shard copies");
                    return placement.copies() == expected ? placement : new TierPlacement(index, expected, placement.placed(),
                            placement.misplaced());
                })
                .successWhen(TierPlacement::complete)
                .retryOnException(OpsClientException.class)
                .backoff(Backoff.fixed(request.pollInterval()))
                .timeout(timeout)
                .description("every shard copy of " + index + " STARTED on a node its allocation filters allow")
                .target(target())
                .observer(context.waitObserver())
                .build()
                .await();
    }

    @Override
    public String toString() {
        return NAME + "[" + policy.name() + "]";
    }
}
