package io.opsstack.opensearch.internal.ops.restart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.journal.SavedValue;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.WaitForEvents;
import io.opsstack.opensearch.ops.RollingRestartRequest;

/**
 * Restarts one group of nodes: hold allocation at {@code primaries} and raise the recovery concurrency in one
 * settings write (the prior values saved in the journal once), flush, make sure no primary without a copy elsewhere
 * landed on the group (OpenSearch#17747), optionally raise the delayed-allocation timeout, stop, confirm the nodes
 * left, start, confirm they rejoined by name and version, restore the saved allocation value, wait until the
 * cluster is green (or as settled as before) and until nothing moves. The recovery concurrency stays raised for the
 * next group and is restored when the operation ends ({@link #restoreIfHeld}): a settings write per group would
 * make the cluster reroute once more before the next stop. Every part is re-entrant, so a step interrupted by a
 * crash can run again.
 */
final class RestartSequence {

    static final String ENABLE_PRIOR = "allocation.enable.prior";
    static final String RECOVERIES_KEY = "cluster.routing.allocation.node_concurrent_recoveries";
    private static final String RECOVERIES_PRIOR = "node_concurrent_recoveries.prior";
    private static final int COVER_ATTEMPTS = 3;

    private final OpenSearchOps client;
    private final RestClient rest;
    private final ServiceControl control;
    private final RollingRestartRequest request;
    private final NodeGates gates;
    private final DelayedAllocationWindow delayedWindow;
    private final String target;

    RestartSequence(OpenSearchOps client, RestClient rest, ServiceControl control, RollingRestartRequest request,
                    NodeGates gates, String target) {
        this.client = client;
        this.rest = rest;
        this.control = control;
        this.request = request;
        this.gates = gates;
        this.delayedWindow = new DelayedAllocationWindow(rest, request.delayedAllocation());
        this.target = target;
    }

    void restart(List<String> group, PlanTopology topology, StepContext context) {
        Map<String, String> versions = expectedVersions(group, context);
        holdPrimaries(context);
        flush();
        coverPrimaries(group, context);
        delayedWindow.open(context);
        for (String node : group) {
            context.waiting("stopping " + node);
            control.stop(node, request.nodeTimeout());
        }
        awaitMembership(group, false, versions, context);
        for (String node : group) {
            context.waiting("starting " + node);
            control.start(node, request.nodeTimeout());
        }
        awaitMembership(group, true, versions, context);
        restoreAllocation(context);
        delayedWindow.close(context);
        awaitRecovered(group, topology, context);
        awaitQuiet(group, topology, context);
    }

    /** Puts the saved recovery concurrency back, and the saved allocation value (and delayed timeouts) if this operation left its own in place. */
    void restoreIfHeld(OperationContext context) {
        delayedWindow.close(context);
        restoreRecoveries(context);
        Optional<SavedValue> prior = context.savedValue(ENABLE_PRIOR);
        String current = client.clusterSettings(false).persistent().get(ClusterGates.ENABLE_KEY);
        if (prior.isPresent() && "primaries".equals(current) && !"primaries".equals(prior.get().value())) {
            restoreAllocation(context);
        }
    }

    /** The version each node must rejoin with: the target of an upgrade, else the version the plan found it running. */
    private Map<String, String> expectedVersions(List<String> group, StepContext context) {
        Map<String, String> facts = context.plan().fingerprint().facts();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String node : group) {
            versions.put(node, request.targetVersion() != null ? request.targetVersion()
                    : facts.get(RollingRestartDefinition.versionFact(node)));
        }
        return versions;
    }

    /**
     * Holds allocation at {@code primaries} and, in the same settings write, raises the recovery concurrency for the
     * copies that catch up after the restart (they replay few operations after a flush). The prior values are read
     * once per operation and saved in the journal.
     */
    private void holdPrimaries(StepContext context) {
        boolean raises = request.recoveryConcurrency() > 0;
        if (context.savedValue(ENABLE_PRIOR).isEmpty() || (raises && context.savedValue(RECOVERIES_PRIOR).isEmpty())) {
            Map<String, String> persistent = client.clusterSettings(false).persistent();
            saveOnce(context, ENABLE_PRIOR, persistent.get(ClusterGates.ENABLE_KEY));
            if (raises) {
                saveOnce(context, RECOVERIES_PRIOR, persistent.get(RECOVERIES_KEY));
            }
        }
        ClusterSettingsUpdate.Builder update = ClusterSettingsUpdate.builder().persistent(ClusterGates.ENABLE_KEY, "primaries");
        String prior = context.savedValue(RECOVERIES_PRIOR).map(SavedValue::value).orElse(null);
        if (raises && (prior == null || Integer.parseInt(prior.trim()) < request.recoveryConcurrency())) {
            update.persistent(RECOVERIES_KEY, String.valueOf(request.recoveryConcurrency()));
        }
        client.putClusterSettings(update.build());
    }

    private static void saveOnce(StepContext context, String key, String value) {
        if (context.savedValue(key).isEmpty()) {
            context.saveValue(key, value);
        }
    }

    private void restoreRecoveries(OperationContext context) {
        Optional<SavedValue> prior = context.savedValue(RECOVERIES_PRIOR);
        if (prior.isPresent()) {
            client.putClusterSettings(ClusterSettingsUpdate.builder().persistent(RECOVERIES_KEY, prior.get().value()).build());
        }
    }

    private void restoreAllocation(OperationContext context) {
        String prior = context.savedValue(ENABLE_PRIOR).map(SavedValue::value).orElse(null);
        client.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ClusterGates.ENABLE_KEY, prior).build());
    }

    /** {@code POST _flush}; a 409 (a flush already running) is fine. */
    private void flush() {
        rest.send(HttpRequest.post("/_flush").idempotent(true).allowStatus(409).build());
    }

    /**
     * OpenSearch#17747: with allocation at {@code primaries}, the primary of an index created meanwhile may land on
     * the node about to stop, with no replica anywhere. Let replicas allocate until such primaries have a STARTED
     * copy elsewhere, then hold again.
     */
    private void coverPrimaries(List<String> group, StepContext context) {
        for (int attempt = 1; attempt <= COVER_ATTEMPTS; attempt++) {
            List<String> uncovered = PrimaryCopies.uncovered(group, client.shards());
            if (uncovered.isEmpty()) {
                return;
            }
            context.waiting("primaries " + uncovered + " on " + group + " have no STARTED copy elsewhere (new indices, "
                    + "OpenSearch#17747): letting their replicas allocate first");
            restoreAllocation(context);
            poll("a STARTED copy outside " + group + " for " + uncovered, request.recoveryTimeout(), context,
                    () -> PrimaryCopies.uncovered(group, client.shards()).isEmpty());
            holdPrimaries(context);
        }
        List<String> uncovered = PrimaryCopies.uncovered(group, client.shards());
        if (!uncovered.isEmpty()) {
            throw new OpsException("primaries " + uncovered + " on " + group + " keep landing without a copy elsewhere",
                    null, target, RollingRestartDefinition.NAME, context.step().id());
        }
    }

    /**
     * Names (and versions) decide; between two reads the cluster manager is asked to answer as soon as the node
     * count reaches what the group's change makes it ({@code wait_for_nodes}), so the change is seen when it happens
     * rather than at the next poll.
     */
    private void awaitMembership(List<String> group, boolean joinedWanted, Map<String, String> versions, StepContext context) {
        String what = joinedWanted ? group + " rejoined with version " + versions.values() : group + " left the cluster";
        poll(what, request.nodeTimeout(), context, () -> {
            Map<String, NodeInfo> joined = gates.joined();
            if (membershipReached(group, joinedWanted, versions, joined)) {
                return true;
            }
            long present = group.stream().filter(joined::containsKey).count();
            int expected = (int) (joinedWanted ? joined.size() + group.size() - present : joined.size() - present);
            client.health(HealthRequest.builder().waitForNodes((joinedWanted ? ">=" : "<=") + expected)
                    .timeout(serverWait()).clusterManagerTimeout(serverWait()).build());
            return membershipReached(group, joinedWanted, versions, gates.joined());
        });
    }

    private static boolean membershipReached(List<String> group, boolean joinedWanted, Map<String, String> versions,
                                             Map<String, NodeInfo> joined) {
        for (String node : group) {
            NodeInfo info = joined.get(node);
            if (!joinedWanted && info != null) {
                return false;
            }
            if (joinedWanted && (info == null || (versions.get(node) != null && !versions.get(node).equals(info.version())))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Green, or as settled as the plan found it (no shard activity, no more unassigned shards than then). Stops
     * waiting early when another node of the plan is missing: the next step's guards then halt the run by name.
     */
    private void awaitRecovered(List<String> group, PlanTopology topology, StepContext context) {
        poll("cluster green after restarting " + group, request.recoveryTimeout(), context, () -> {
            ClusterHealth health = client.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN)
                    .timeout(serverWait()).build());
            if (health.status() == HealthStatus.GREEN && !health.timedOut()) {
                return true;
            }
            boolean quiet = health.shardActivity() == 0 && health.delayedUnassignedShards() == 0;
            if (health.status() == HealthStatus.YELLOW && quiet && health.unassignedShards() <= topology.baselineUnassigned()) {
                return true;
            }
            return othersMissing(topology, context);
        });
    }

    /**
     * Nothing moves and the manager's queue is empty. Shards that started make the cluster reroute, and a reroute
     * may start rebalancing: the step ends once that is over, so the next step's {@code cluster-settled} guard meets
     * a settled cluster instead of refusing.
     */
    private void awaitQuiet(List<String> group, PlanTopology topology, StepContext context) {
        poll("no shard moving after restarting " + group, request.recoveryTimeout(), context, () -> {
            ClusterHealth health = client.health(HealthRequest.builder().waitForEvents(WaitForEvents.LANGUID)
                    .waitForNoRelocatingShards(true).waitForNoInitializingShards(true).timeout(serverWait()).build());
            return (!health.timedOut() && health.shardActivity() == 0) || othersMissing(topology, context);
        });
    }

    /** Another node of the plan is missing: waiting for the cluster is pointless, the next step's guards halt the run by name. */
    private boolean othersMissing(PlanTopology topology, StepContext context) {
        List<String> missing = new ArrayList<>(topology.clusterNodes());
        missing.removeAll(gates.joinedNames());
        if (missing.isEmpty()) {
            return false;
        }
        context.waiting("nodes " + missing + " are missing; leaving the decision to the next step's guards");
        return true;
    }

    /** How long the server holds one of the waits' long polls: a few poll intervals, so each attempt soon gets back to its own checks. */
    private Duration serverWait() {
        return request.pollInterval().multipliedBy(4);
    }

    private void poll(String description, Duration timeout, StepContext context, Check check) {
        Waiter.<Boolean>builder()
                .poll(check::holds)
                .successWhen(Boolean::booleanValue)
                .retryWhen(holds -> !holds)
                .retryOnException(OpsClientException.class)
                .retryOnException(OpsServiceException.class)
                .backoff(Backoff.fixed(request.pollInterval()))
                .timeout(timeout.compareTo(context.remaining()) < 0 ? timeout : context.remaining())
                .description(description)
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
    }

    /** A condition polled until it holds. */
    private interface Check {
        boolean holds();
    }
}
