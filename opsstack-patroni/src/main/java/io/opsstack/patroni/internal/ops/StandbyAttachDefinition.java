package io.opsstack.patroni.internal.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterRole;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.ops.StandbyAttachRequest;

/**
 * Re-attaches a cluster as a standby cluster: writes {@code standby_cluster} to its dynamic
 * configuration, so Patroni demotes its leader to a standby leader replicating from the given
 * source, then waits until the leader is a standby leader and every member streams from it.
 */
public final class StandbyAttachDefinition implements OperationDefinition<ClusterStatus> {
    public static final String NAME = "patroni-standby-attach";
    static final String GUARD_NOT_STANDBY = "not-a-standby-cluster";
    private static final String STEP_ATTACH = "attach";
    private static final String STEP_AWAIT = "await-standby-leader";

    private final PatroniOps ops;
    private final StandbyAttachRequest request;
    private final String target;

    public StandbyAttachDefinition(PatroniOps ops, StandbyAttachRequest request) {
        this.ops = ops;
        this.request = request;
        this.target = Targets.of(ops);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Plan plan() {
        ClusterStatus cluster = ops.cluster();
        String leader = cluster.leader().map(ClusterMember::name).orElse("none");
        String source = request.host() + ":" + request.port();
        Plan plan = Plan.builder(NAME, target)
                .parameter("source", source)
                .parameter("leader", leader)
                .warning("writes to this cluster stop: its leader " + leader + " becomes a read-only standby leader;"
                        + " changes it made after the other cluster's promotion are discarded by pg_rewind")
                .step(PlannedStep.builder(STEP_ATTACH, StepAction.UPDATE_SETTING, "config")
                        .description("replicate from " + source + " as a standby cluster (PATCH /config standby_cluster)")
                        .disruptive(true)
                        .change("standby_cluster", null, request.toStandbyClusterSection().toString())
                        .guard(GUARD_NOT_STANDBY))
                .step(PlannedStep.builder(STEP_AWAIT, StepAction.WAIT, "cluster")
                        .description("wait up to " + request.convergenceTimeout() + " until " + leader
                                + " is a standby leader and every member streams from it"))
                .stateFacts(SwitchoverDefinition.stateFacts(cluster))
                .build();
        return PlanExecutor.evaluateGuards(this, plan);
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return new TreeMap<>(SwitchoverDefinition.stateFacts(ops.cluster()));
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.id()) {
            case STEP_ATTACH -> ops.patchConfig(Map.of("standby_cluster", request.toStandbyClusterSection()));
            case STEP_AWAIT -> awaitStandbyLeader(context);
            default -> throw new IllegalStateException("standby attach has no step " + step.id());
        }
    }

    private void awaitStandbyLeader(StepContext context) {
        Duration remaining = context.remaining();
        Waiter.<List<String>>builder()
                .poll(() -> {
                    ClusterStatus cluster = ops.cluster();
                    List<String> problems = new ArrayList<>(ClusterView.of(cluster).problems());
                    if (cluster.leader().filter(member -> member.role() == ClusterRole.STANDBY_LEADER).isEmpty()) {
                        problems.add("no standby leader yet");
                    }
                    return problems;
                })
                .successWhen(List::isEmpty)
                .retryWhen(problems -> true)
                .retryOnException(OpsClientException.class)
                .retryOnException(PatroniServiceException.class)
                .backoff(Backoff.fixed(Duration.ofMillis(500)))
                .timeout(request.convergenceTimeout().compareTo(remaining) < 0 ? request.convergenceTimeout() : remaining)
                .description("standby leader streaming from " + request.host() + ":" + request.port())
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
    }

    @Override
    public Guard guard(String name) {
        if (!GUARD_NOT_STANDBY.equals(name)) {
            throw new OpsValidationException("standby attach has no guard named '" + name + "'");
        }
        return new NamedGuard(name, (step, context) -> ops.config().standbyCluster()
                ? GuardResult.fail("the cluster already is a standby cluster")
                : GuardResult.pass("the cluster runs as an active cluster"));
    }

    @Override
    public ClusterStatus result(OperationContext context) {
        return ops.cluster();
    }
}
