package io.opsstack.opensearch.internal.ops.zone;

import io.opsstack.api.error.OpsException;
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
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.OpenSearchServiceException;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.allocation.AwarenessWeights;
import io.opsstack.opensearch.model.allocation.DecommissionStatus;
import io.opsstack.opensearch.ops.ZoneDecommissionRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Zone decommission: weights with the zone at 0 (compare-and-set on {@code _version}) → PUT
 * decommission → poll its status to SUCCESSFUL (FAILED fails the step). The server moves no shards,
 * so a guard verifies that every shard has a started copy outside the zone.
 */
public final class ZoneDecommissionDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-zone-decommission";
    static final String GUARD_AWARENESS = "awareness-attribute-configured";
    static final String GUARD_FORCED = "forced-awareness-values";
    static final String GUARD_COPIES = "copies-outside-zone";
    static final String GUARD_NONE_RUNNING = "no-decommission-in-progress";

    private final OpenSearchOps client;
    private final ZoneDecommissionRequest request;

    public ZoneDecommissionDefinition(OpenSearchOps client, ZoneDecommissionRequest request) {
        super(NAME, client);
        this.client = client;
        this.request = request;
    }


    @Override
    public Plan plan() {
        List<NodeInfo> zoneNodes = zoneNodes();
        AwarenessWeights weights = currentWeights();
        Plan.Builder plan = Plan.builder(NAME, target()).parameter("attribute", request.attribute())
                .parameter("zone", request.zone())
                .parameter("nodes", zoneNodes.stream().map(NodeInfo::name).toList().toString());
        Double weight = weights.weight(request.zone());
        if (weight == null || weight != 0.0) {
            plan.step(PlannedStep.builder("zero-weight", StepAction.UPDATE_SETTING, request.zone())
                    .description("weighted routing: " + request.attribute() + "=" + request.zone()
                            + " to weight 0 (compare-and-set on _version " + weights.version() + ")")
                    .change("weight." + request.zone(), weight == null ? null : String.valueOf(weight), "0.0")
                    .guard(GUARD_AWARENESS).guard(GUARD_FORCED));
        }
        plan.step(PlannedStep.builder("decommission", StepAction.EXCLUDE, request.zone())
                .description("decommission the nodes of " + request.attribute() + "=" + request.zone() + " "
                        + zoneNodes.stream().map(NodeInfo::name).toList())
                .disruptive(true).guard(GUARD_AWARENESS).guard(GUARD_FORCED).guard(GUARD_COPIES).guard(GUARD_NONE_RUNNING));
        plan.step(PlannedStep.builder("await-decommissioned", StepAction.WAIT, request.zone())
                .description("wait until the decommission status is SUCCESSFUL"));
        plan.warning("the zone's nodes stay out of the cluster until recommissioned (zoneRecommission)");
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        Map<String, String> facts = new TreeMap<>();
        facts.put("zone.nodes", zoneNodes().stream().map(NodeInfo::name).toList().toString());
        facts.put("decommission.state", client.allocation().decommissionStatus(request.attribute()).state());
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.id()) {
            case "zero-weight" -> zeroWeight();
            case "decommission" -> {
                DecommissionStatus status = client.allocation().decommissionStatus(request.attribute());
                if (!request.zone().equals(status.value())) {
                    client.allocation().decommission(request.attribute(), request.zone(), request.drainDelay());
                }
            }
            case "await-decommissioned" -> Waiter.<DecommissionStatus>builder()
                    .poll(() -> client.allocation().decommissionStatus(request.attribute()))
                    .successWhen(s -> DecommissionStatus.SUCCESSFUL.equals(s.state()))
                    .failWhen(s -> DecommissionStatus.FAILED.equals(s.state()), "the server reports the decommission FAILED")
                    .retryOnException(OpsException.class)
                    .backoff(Backoff.fixed(request.pollInterval()))
                    .timeout(request.waitTimeout().compareTo(context.remaining()) < 0 ? request.waitTimeout() : context.remaining())
                    .description("decommission of " + request.zone() + " SUCCESSFUL")
                    .target(target()).observer(context.waitObserver()).build().await();
            default -> throw new IllegalStateException("zone decommission has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_AWARENESS -> new NamedGuard(name, (step, context) -> {
                List<String> attributes = client.clusterSettings(false).awarenessAttributes().value();
                return attributes.contains(request.attribute())
                        ? GuardResult.pass(request.attribute() + " is an awareness attribute")
                        : GuardResult.fail("cluster.routing.allocation.awareness.attributes is " + attributes
                                + ", it must contain " + request.attribute());
            });
            case GUARD_FORCED -> new NamedGuard(name, (step, context) -> {
                ClusterSettings settings = client.clusterSettings(false);
                List<String> forced = settings.awarenessForceValues(request.attribute()).value();
                return forced.contains(request.zone())
                        ? GuardResult.pass("forced awareness values " + forced)
                        : GuardResult.fail("cluster.routing.allocation.awareness.force." + request.attribute()
                                + ".values is " + forced + ", it must list " + request.zone());
            });
            case GUARD_COPIES -> new NamedGuard(name, (step, context) -> {
                List<String> only = ZoneCopies.onlyInZone(client.shards(), client.nodes(), request.attribute(), request.zone());
                return only.isEmpty() ? GuardResult.pass("every shard has a started copy outside " + request.zone())
                        : GuardResult.fail(only.size() + " shard(s) have no started copy outside " + request.zone()
                                + ": " + only.subList(0, Math.min(20, only.size())));
            });
            case GUARD_NONE_RUNNING -> new NamedGuard(name, (step, context) -> {
                DecommissionStatus status = client.allocation().decommissionStatus(request.attribute());
                return status.inProgress() && !request.zone().equals(status.value())
                        ? GuardResult.fail("a decommission of " + status.value() + " is " + status.state())
                        : GuardResult.pass("decommission state " + status.state());
            });
            default -> throw new OpsValidationException("zone decommission has no guard named '" + name + "'");
        };
    }

    /** The zone's weights; none when the server refuses to read them (the attribute is no awareness attribute yet). */
    private AwarenessWeights currentWeights() {
        try {
            return client.allocation().awarenessWeights(request.attribute());
        } catch (OpenSearchServiceException e) {
            if (e.statusCode() != 400) {
                throw e;
            }
            return new AwarenessWeights(request.attribute(), Map.of(), -1);
        }
    }

    private void zeroWeight() {
        AwarenessWeights current = client.allocation().awarenessWeights(request.attribute());
        Map<String, Double> weights = new TreeMap<>(current.weights());
        for (String zone : zones()) {
            weights.putIfAbsent(zone, 1.0);
        }
        weights.put(request.zone(), 0.0);
        client.allocation().putAwarenessWeights(request.attribute(), weights, current.version());
    }

    private TreeSet<String> zones() {
        TreeSet<String> zones = new TreeSet<>(client.clusterSettings(false).awarenessForceValues(request.attribute()).value());
        client.nodes().forEach(n -> {
            if (n.attribute(request.attribute()) != null) {
                zones.add(n.attribute(request.attribute()));
            }
        });
        return zones;
    }

    private List<NodeInfo> zoneNodes() {
        List<NodeInfo> nodes = client.nodes();
        List<NodeInfo> inZone = nodes.stream().filter(n -> request.zone().equals(n.attribute(request.attribute()))).toList();
        if (inZone.isEmpty()) {
            throw new OpsValidationException("unknown zone: no node has " + request.attribute() + "=" + request.zone()
                    + "; values in the cluster: " + nodes.stream().map(n -> n.attribute(request.attribute()))
                    .filter(v -> v != null).distinct().sorted().toList(), target());
        }
        return inZone;
    }

}
