package io.opsstack.opensearch.internal.ops;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.ops.TierMoveRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves indices to the data nodes of a tier by setting {@code index.routing.allocation.require.<attr>},
 * then waits per index until every shard copy is STARTED on a node of that tier.
 */
public final class TierMoveDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-tier-move";
    static final String GUARD_CLUSTER_NOT_RED = "cluster-not-red";
    static final String GUARD_TIER_HAS_NODES = "target-tier-has-data-nodes";
    static final String GUARD_ROOM_FOR_REPLICAS = "target-tier-has-room-for-replicas";
    private static final String UNSET = "<unset>";

    private final OpenSearchOps client;
    private final TierMoveRequest request;

    public TierMoveDefinition(OpenSearchOps client, TierMoveRequest request) {
        super(NAME, client);
        this.client = client;
        this.request = request;
    }


    @Override
    public Plan plan() {
        Map<String, String> tierOfNode = dataNodeTiers();
        Set<String> tierNodes = nodesOfTier(tierOfNode);
        if (tierNodes.isEmpty()) {
            throw new OpsValidationException("no data node has node attribute " + request.attribute() + "="
                    + request.tier() + "; values present: " + new TreeSet<>(tierOfNode.values()), target());
        }
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("indices", String.join(",", request.indices()))
                .parameter("attribute", request.attribute())
                .parameter("tier", request.tier());
        List<String> indices = resolveIndices(plan);
        var shards = client.shards(indices.toArray(String[]::new));
        for (String index : indices) {
            String before = client.indexSettings(index).get(requireKey());
            TierPlacement placement = TierPlacement.of(index, shards, tierOfNode, request.tier());
            if (request.tier().equals(before) && placement.complete()) {
                plan.step(PlannedStep.builder("noop-" + index, StepAction.NO_OP, index)
                        .description(index + " is already on " + tierLabel() + " (" + placement.copies() + " shard copies)"));
                continue;
            }
            plan.step(PlannedStep.builder("set-tier-" + index, StepAction.UPDATE_SETTING, index)
                    .description("require " + tierLabel() + " for " + index + " (" + placement.misplaced().size()
                            + " of " + placement.copies() + " shard copies to move)")
                    .disruptive(true)
                    .change(requireKey(), before, request.tier())
                    .guard(GUARD_CLUSTER_NOT_RED)
                    .guard(GUARD_TIER_HAS_NODES)
                    .guard(GUARD_ROOM_FOR_REPLICAS));
            plan.step(PlannedStep.builder("await-tier-" + index, StepAction.WAIT, index)
                    .description("wait until all " + placement.copies() + " shard copies of " + index
                            + " are STARTED on nodes with " + tierLabel() + " " + tierNodes));
        }
        plan.stateFacts(stateFacts(indices, tierNodes));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        List<String> indices = new ArrayList<>();
        for (String pattern : request.indices()) {
            matching(pattern).forEach(row -> indices.add(row.index()));
        }
        return stateFacts(indices, nodesOfTier(dataNodeTiers()));
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.action()) {
            case NO_OP -> { }
            case UPDATE_SETTING -> client.putIndexSettings(step.target(), Map.of(requireKey(), request.tier()));
            case WAIT -> awaitPlacement(step.target(), context);
            default -> throw new IllegalStateException("tier move has no " + step.action() + " step");
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_CLUSTER_NOT_RED -> new NamedGuard(name, (step, context) -> clusterNotRed(step));
            case GUARD_TIER_HAS_NODES -> new NamedGuard(name, (step, context) -> tierHasNodes(step));
            case GUARD_ROOM_FOR_REPLICAS -> new NamedGuard(name, (step, context) -> roomForReplicas(step));
            default -> throw new OpsValidationException("tier move has no guard named '" + name + "'");
        };
    }

    private GuardResult clusterNotRed(PlannedStep step) {
        HealthStatus status = client.health().status();
        return status == HealthStatus.RED
                ? GuardResult.fail("cluster health is red: moving shards now could hide or worsen lost primaries")
                : GuardResult.pass("cluster health is " + status.name().toLowerCase());
    }

    private GuardResult tierHasNodes(PlannedStep step) {
        Set<String> nodes = nodesOfTier(dataNodeTiers());
        return nodes.isEmpty()
                ? GuardResult.fail("no joined data node has " + tierLabel())
                : GuardResult.pass(nodes.size() + " data node(s) with " + tierLabel() + ": " + nodes);
    }

    private GuardResult roomForReplicas(PlannedStep step) {
        String index = step.target();
        int replicas = Integer.parseInt(client.indexSettings(index).settings()
                .getOrDefault("index.number_of_replicas", "0"));
        int nodes = nodesOfTier(dataNodeTiers()).size();
        return nodes >= replicas + 1
                ? GuardResult.pass(index + " needs " + (replicas + 1) + " node(s) for its copies; " + tierLabel() + " has " + nodes)
                : GuardResult.fail(index + " has " + replicas + " replica(s) and needs " + (replicas + 1)
                        + " nodes with " + tierLabel() + ", there are " + nodes + ": its replicas would stay unassigned");
    }

    private void awaitPlacement(String index, StepContext context) {
        Duration timeout = request.waitTimeout().compareTo(context.remaining()) < 0
                ? request.waitTimeout() : context.remaining();
        Waiter.<TierPlacement>builder()
                .poll(() -> {
                    TierPlacement placement = TierPlacement.of(index, client.shards(index), dataNodeTiers(), request.tier());
                    context.progress(placement.placed(), placement.copies(), "shard copies");
                    return placement;
                })
                .successWhen(TierPlacement::complete)
                .retryOnException(OpsClientException.class)
                .backoff(Backoff.fixed(request.pollInterval()))
                .timeout(timeout)
                .description("every shard copy of " + index + " STARTED on " + tierLabel())
                .target(target())
                .observer(context.waitObserver())
                .build()
                .await();
    }

    private List<String> resolveIndices(Plan.Builder plan) {
        Set<String> resolved = new TreeSet<>();
        for (String pattern : request.indices()) {
            List<IndexRow> rows = matching(pattern);
            if (rows.isEmpty() && !isPattern(pattern)) {
                throw new OpsValidationException("unknown index '" + pattern + "'", target());
            }
            if (rows.isEmpty()) {
                plan.warning("pattern " + pattern + " matches no index");
            }
            rows.forEach(row -> resolved.add(row.index()));
        }
        if (resolved.isEmpty()) {
            throw new OpsValidationException("no index matches " + request.indices(), target());
        }
        return List.copyOf(resolved);
    }

    /** The indices a name or pattern matches; a missing concrete name matches nothing (OpenSearch answers 404). */
    private List<IndexRow> matching(String nameOrPattern) {
        if (!isPattern(nameOrPattern) && !client.indexExists(nameOrPattern)) {
            return List.of();
        }
        return client.indices(nameOrPattern);
    }

    private static boolean isPattern(String nameOrPattern) {
        return nameOrPattern.contains("*") || nameOrPattern.contains(",");
    }

    private Map<String, String> stateFacts(List<String> indices, Set<String> tierNodes) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("tier." + request.tier() + ".data_nodes", String.join(",", tierNodes));
        for (String index : indices) {
            String value = client.indexSettings(index).get(requireKey());
            facts.put("index." + index + "." + requireKey(), value == null ? UNSET : value);
        }
        return facts;
    }

    private Map<String, String> dataNodeTiers() {
        Map<String, String> tiers = new LinkedHashMap<>();
        for (NodeInfo node : client.nodes()) {
            String value = node.attribute(request.attribute());
            if (node.isData() && value != null) {
                tiers.put(node.name(), value);
            }
        }
        return tiers;
    }

    private Set<String> nodesOfTier(Map<String, String> tierOfNode) {
        Set<String> nodes = new TreeSet<>();
        tierOfNode.forEach((node, value) -> {
            if (value.equals(request.tier())) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    private String requireKey() {
        return "index.routing.allocation.require." + request.attribute();
    }

    private String tierLabel() {
        return request.attribute() + "=" + request.tier();
    }
}
