package io.opsstack.patroni.internal.ops;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.ops.StandbyClusterStatus;
import io.opsstack.patroni.ops.StandbyPromoteRequest;

/**
 * Promotes a standby cluster: removes {@code standby_cluster} from its dynamic configuration, so
 * its standby leader becomes a writable primary, then waits for that. The plan shows the replay
 * lag and the last replayed position; a guard refuses while the active cluster is still writable
 * (or cannot be checked) unless forced.
 */
public final class StandbyPromoteDefinition implements OperationDefinition<ClusterStatus> {
    public static final String NAME = "patroni-standby-promote";
    static final String GUARD_ACTIVE_NOT_WRITABLE = "active-cluster-not-writable";
    static final String GUARD_STANDBY_LEADER_RUNNING = "standby-leader-running";
    private static final String STEP_PROMOTE = "promote";
    private static final String STEP_AWAIT = "await-promotion";

    private final PatroniOps standby;
    private final PatroniOps active;
    private final StandbyPromoteRequest request;
    private final String target;
    private final ClusterWaits waits;

    /** @param active the active cluster's client, null when unknown (the guard then needs force) */
    public StandbyPromoteDefinition(PatroniOps standby, PatroniOps active, StandbyPromoteRequest request) {
        this.standby = standby;
        this.active = active;
        this.request = request;
        this.target = Targets.of(standby);
        this.waits = new ClusterWaits(standby, target);
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
        StandbyClusterStatus status = StandbyReads.read(standby, active);
        if (status.source().isEmpty()) {
            throw new OpsValidationException("cluster " + status.standby().scope() + " is not a standby cluster "
                    + "(no standby_cluster in its configuration)", target);
        }
        if (status.standbyLeader() == null) {
            throw new OpsValidationException("standby cluster " + status.standby().scope() + " has no standby leader",
                    target);
        }
        Plan.Builder plan = Plan.builder(NAME, target)
                .parameter("standby_leader", status.standbyLeader())
                .parameter("replayed_lsn", String.valueOf(status.replayedLsn()))
                .parameter("replay_lag_bytes", String.valueOf(status.replayLagBytes()))
                .parameter("replayed_at", String.valueOf(status.replayedAt()))
                .parameter("force", Boolean.toString(request.force()));
        if (status.replayLagBytes() == null) {
            plan.warning("the replay lag is unknown (active cluster not given or unreachable): writes after "
                    + status.replayedLsn() + " may be lost");
        } else if (status.replayLagBytes() > 0) {
            plan.warning("the standby has not replayed " + status.replayLagBytes() + " bytes yet: they are lost if "
                    + "the active cluster never comes back");
        }
        plan.step(PlannedStep.builder(STEP_PROMOTE, StepAction.UPDATE_SETTING, status.standbyLeader())
                .description("promote standby leader " + status.standbyLeader() + " (replayed up to "
                        + status.replayedLsn() + ", lag " + (status.replayLagBytes() == null ? "unknown"
                        : status.replayLagBytes() + " bytes") + ") by removing standby_cluster from the configuration")
                .disruptive(true)
                .change("standby_cluster", status.source().toString(), null)
                .guard(GUARD_STANDBY_LEADER_RUNNING).guard(GUARD_ACTIVE_NOT_WRITABLE));
        plan.step(PlannedStep.builder(STEP_AWAIT, StepAction.WAIT, "cluster")
                .description("wait up to " + request.convergenceTimeout() + " until " + status.standbyLeader()
                        + " runs as a writable primary and every member streams from it"));
        plan.stateFacts(stateFacts(standby.cluster()));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return stateFacts(standby.cluster());
    }

    private Map<String, String> stateFacts(ClusterStatus cluster) {
        Map<String, String> facts = new TreeMap<>(SwitchoverDefinition.stateFacts(cluster));
        facts.put("standby_cluster", standby.config().standbyCluster() ? "present" : "absent");
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        String leader = context.plan().parameters().get("standby_leader");
        switch (step.id()) {
            case STEP_PROMOTE -> {
                Map<String, Object> patch = new HashMap<>();
                patch.put("standby_cluster", null);
                standby.patchConfig(patch);
            }
            case STEP_AWAIT -> waits.promoted(leader, request.convergenceTimeout(), context);
            default -> throw new IllegalStateException("standby promotion has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_ACTIVE_NOT_WRITABLE -> new NamedGuard(name, (step, context) -> activeNotWritable());
            case GUARD_STANDBY_LEADER_RUNNING -> new NamedGuard(name, (step, context) -> standby.cluster().leader()
                    .filter(ClusterMember::isRunning)
                    .map(leader -> GuardResult.pass(leader.name() + " leads the standby cluster and runs"))
                    .orElseGet(() -> GuardResult.fail("the standby cluster has no running standby leader")));
            default -> throw new OpsValidationException("standby promotion has no guard named '" + name + "'");
        };
    }

    private GuardResult activeNotWritable() {
        if (active == null) {
            return request.force()
                    ? GuardResult.pass("forced: the active cluster was not given and is not checked")
                    : GuardResult.fail("the active cluster was not given, so it cannot be checked to be down; "
                            + "pass its client or force the promotion");
        }
        StandbyClusterStatus status = StandbyReads.read(standby, active);
        if (!status.activeWritable()) {
            return GuardResult.pass("the active cluster has no writable primary"
                    + (status.active() == null ? " (unreachable)" : ""));
        }
        String writable = "the active cluster is still writable (" + status.activeLeader() + " runs as primary)";
        return request.force()
                ? GuardResult.pass("forced although " + writable + ": both clusters will accept writes")
                : GuardResult.fail(writable + ": promoting now lets both clusters accept writes and diverge; "
                        + "stop it first or force the promotion");
    }

    @Override
    public ClusterStatus result(OperationContext context) {
        return standby.cluster();
    }
}
