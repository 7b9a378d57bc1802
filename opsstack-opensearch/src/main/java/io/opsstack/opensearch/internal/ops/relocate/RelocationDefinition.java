package io.opsstack.opensearch.internal.ops.relocate;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.ServerValidation;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.allocation.ClusterSnapshot;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.model.allocation.CommandExplanation;
import io.opsstack.opensearch.model.allocation.RerouteResult;
import io.opsstack.opensearch.ops.RebalanceRequest;
import io.opsstack.opensearch.ops.RelocationRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shard relocation (copies off a node) and tier rebalancing: per copy a {@code move} step, validated
 * by the server with {@code dry_run=true&explain=true} (at plan time and in SERVER dry runs), then a
 * wait until the copy is STARTED on its target.
 */
public final class RelocationDefinition extends ClusterOperationDefinition<Void> {
    public static final String RELOCATE = "opensearch-relocate";
    public static final String REBALANCE = "opensearch-rebalance-tier";
    static final String GUARD_NOT_RED = "cluster-not-red";
    static final String GUARD_SOURCE_HOLDS_COPY = "source-holds-copy";
    private static final String NODE = "node";

    private final OpenSearchOps client;
    private final RelocationRequest relocation;
    private final RebalanceRequest rebalance;

    private RelocationDefinition(OpenSearchOps client, String name, RelocationRequest relocation,
                                 RebalanceRequest rebalance) {
        super(name, client);
        this.client = client;
        this.relocation = relocation;
        this.rebalance = rebalance;
    }

    public static RelocationDefinition relocate(OpenSearchOps client, RelocationRequest request) {
        return new RelocationDefinition(client, RELOCATE, request, null);
    }

    public static RelocationDefinition rebalance(OpenSearchOps client, RebalanceRequest request) {
        return new RelocationDefinition(client, REBALANCE, null, request);
    }


    @Override
    public Plan plan() {
        ClusterSnapshot snapshot = ClusterSnapshot.read(client);
        Plan.Builder plan = Plan.builder(name(), target());
        MovePlanner.Moves moves;
        if (relocation != null) {
            requireNode(snapshot, relocation.fromNode());
            if (relocation.toNode() != null) {
                requireNode(snapshot, relocation.toNode());
            }
            Set<String> known = new java.util.HashSet<>();
            snapshot.shards().forEach(row -> known.add(row.index()));
            for (String index : relocation.indices()) {
                if (!known.contains(index)) {
                    throw new OpsValidationException("unknown index '" + index + "'", target());
                }
            }
            plan.parameter("from_node", relocation.fromNode()).parameter("to_node", String.valueOf(relocation.toNode()));
            moves = MovePlanner.offNode(snapshot, relocation.fromNode(), Set.copyOf(relocation.indices()),
                    relocation.toNode());
        } else {
            if (snapshot.nodes().stream().noneMatch(n -> rebalance.tier().equals(n.attributes().get(rebalance.attribute())))) {
                throw new OpsValidationException("no node has " + rebalance.attribute() + "=" + rebalance.tier(), target());
            }
            plan.parameter("tier", rebalance.attribute() + "=" + rebalance.tier());
            moves = MovePlanner.rebalanceTier(snapshot, rebalance.attribute(), rebalance.tier());
        }
        moves.unplaceable().forEach(copy -> plan.warning("no node can take " + copy));
        for (ShardMove move : moves.moves()) {
            plan.step(PlannedStep.builder("move-" + move.key(), StepAction.MOVE, move.label())
                    .description("move " + move.label() + " (" + move.bytes() + " bytes) from " + move.from() + " to " + move.to())
                    .disruptive(true).guard(GUARD_NOT_RED).guard(GUARD_SOURCE_HOLDS_COPY)
                    .change(NODE, move.from(), move.to())
                    .validation(dryRun(move)));
            plan.step(PlannedStep.builder("await-" + move.key(), StepAction.WAIT, move.label())
                    .description("wait until " + move.label() + " is STARTED on " + move.to())
                    .change(NODE, move.from(), move.to()));
        }
        if (moves.moves().isEmpty()) {
            plan.step(PlannedStep.builder("noop", StepAction.NO_OP, target()).description("nothing to move"));
        }
        plan.stateFacts(stateFacts(snapshot.shards()));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return stateFacts(client.shards());
    }

    /**
     * What the moves depend on: for a relocation the started copies on the source node, for a rebalance
     * the number of copies on each node of the tier (derived from the request, so any instance can
     * re-read them).
     */
    private Map<String, String> stateFacts(List<ShardRow> shards) {
        Map<String, String> facts = new TreeMap<>();
        if (relocation != null) {
            facts.put("copies_on." + relocation.fromNode(), shards.stream()
                    .filter(row -> relocation.fromNode().equals(row.node()) && row.state() == ShardState.STARTED)
                    .filter(row -> relocation.indices().isEmpty() || relocation.indices().contains(row.index()))
                    .map(row -> row.index() + "[" + row.shard() + "]" + (row.primary() ? "p" : "r"))
                    .sorted().toList().toString());
        } else {
            Map<String, Integer> counts = new TreeMap<>();
            shards.stream().filter(row -> row.node() != null).forEach(row -> counts.merge(row.node(), 1, Integer::sum));
            facts.put("tier." + rebalance.tier() + ".copies_per_node", counts.toString());
        }
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (step.action() == StepAction.NO_OP) {
            return;
        }
        ShardMove move = move(step);
        if (step.action() == StepAction.MOVE) {
            List<ShardRow> shards = client.shards(move.index());
            if (holds(shards, move, move.to()) || relocatingToTarget(shards, move)) {
                // an earlier run's reroute went through (e.g. its answer was lost): moving again would be refused
                return;
            }
            RerouteResult result = client.allocation().reroute(List.of(move.command()), false);
            if (!result.allAccepted()) {
                throw new OpsException("the server refused " + move.command() + ": "
                        + result.explanations().stream().map(CommandExplanation::reason).toList());
            }
            return;
        }
        Waiter.<Boolean>builder()
                .poll(() -> startedOn(client.shards(move.index()), move))
                .successWhen(Boolean::booleanValue)
                .retryOnException(OpsClientException.class)
                .backoff(Backoff.fixed(pollInterval()))
                .timeout(min(waitTimeout(), context.remaining()))
                .description(move.label() + " STARTED on " + move.to())
                .target(target())
                .observer(context.waitObserver())
                .build()
                .await();
    }

    @Override
    public ServerValidation serverValidate(PlannedStep step, StepContext context) {
        if (step.action() != StepAction.MOVE) {
            return super.serverValidate(step, context);
        }
        return dryRun(move(step));
    }

    @Override
    public Guard guard(String guardName) {
        return switch (guardName) {
            case GUARD_NOT_RED -> new NamedGuard(guardName, (step, context) -> {
                HealthStatus status = client.health().status();
                return status == HealthStatus.RED ? GuardResult.fail("cluster health is red")
                        : GuardResult.pass("cluster health is " + status.name().toLowerCase());
            });
            case GUARD_SOURCE_HOLDS_COPY -> new NamedGuard(guardName, (step, context) -> {
                ShardMove move = move(step);
                List<ShardRow> shards = client.shards(move.index());
                return holds(shards, move, move.from()) || holds(shards, move, move.to())
                        ? GuardResult.pass(move.from() + " holds " + move.label())
                        : GuardResult.fail(move.from() + " no longer holds a started " + move.label());
            });
            default -> throw new OpsValidationException(name() + " has no guard named '" + guardName + "'");
        };
    }

    /** The server's verdict on a move: {@code dry_run=true&explain=true}. */
    private ServerValidation dryRun(ShardMove move) {
        try {
            RerouteResult result = client.allocation().reroute(List.of(move.command()), true);
            String reasons = result.explanations().stream().map(CommandExplanation::reason).toList().toString();
            return result.allAccepted() ? ServerValidation.validated("reroute dry run accepts " + move.command() + " " + reasons)
                    : ServerValidation.rejected("reroute dry run refuses " + move.command() + ": " + reasons);
        } catch (io.opsstack.opensearch.OpenSearchServiceException e) {
            return ServerValidation.rejected("reroute dry run refuses " + move.command() + ": " + e.getMessage());
        }
    }

    /**
     * The move behind a step, read from the step itself (target {@code index[shard]p|r}, the node change),
     * so a plan read back from JSON or resumed by another process means exactly what it said.
     */
    private static ShardMove move(PlannedStep step) {
        String label = step.target();
        int open = label.lastIndexOf('[');
        int close = label.lastIndexOf(']');
        String from = step.before().get(NODE);
        String to = step.after().get(NODE);
        if (open <= 0 || close < open || from == null || to == null) {
            throw new OpsValidationException("step " + step.id() + " does not describe a shard move");
        }
        return new ShardMove(label.substring(0, open), Integer.parseInt(label.substring(open + 1, close)),
                label.endsWith("p"), from, to, 0);
    }

    private static boolean holds(List<ShardRow> shards, ShardMove move, String node) {
        return shards.stream().anyMatch(row -> row.index().equals(move.index()) && row.shard() == move.shard()
                && node.equals(row.node()) && (row.state() == ShardState.STARTED || row.state() == ShardState.RELOCATING));
    }

    private static boolean relocatingToTarget(List<ShardRow> shards, ShardMove move) {
        return shards.stream().anyMatch(row -> row.index().equals(move.index()) && row.shard() == move.shard()
                && move.from().equals(row.node()) && row.state() == ShardState.RELOCATING
                && move.to().equals(row.relocatingTo().node()));
    }

    private static boolean startedOn(List<ShardRow> shards, ShardMove move) {
        boolean onTarget = shards.stream().anyMatch(row -> row.index().equals(move.index()) && row.shard() == move.shard()
                && move.to().equals(row.node()) && row.state() == ShardState.STARTED);
        boolean offSource = shards.stream().noneMatch(row -> row.index().equals(move.index())
                && row.shard() == move.shard() && move.from().equals(row.node()));
        return onTarget && offSource;
    }

    private static void requireNode(ClusterSnapshot snapshot, String node) {
        if (snapshot.node(node) == null) {
            throw new OpsValidationException("unknown node '" + node + "'; the cluster has "
                    + snapshot.nodes().stream().map(n -> n.name()).toList());
        }
    }

    private Duration waitTimeout() {
        return relocation != null ? relocation.waitTimeout() : rebalance.waitTimeout();
    }

    private Duration pollInterval() {
        return relocation != null ? relocation.pollInterval() : rebalance.pollInterval();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
