package io.opsstack.patroni.internal.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniErrorKind;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.RestartRequest;
import io.opsstack.patroni.model.RestartRole;
import io.opsstack.patroni.model.SwitchoverRequest;
import io.opsstack.patroni.ops.PrimaryRestartStrategy;
import io.opsstack.patroni.ops.RollingRestartRequest;

/**
 * The steps of a rolling restart, shared by the rolling restart and by configuration changes that
 * chain one. Order (rules of the Patroni reference): replicas one at a time, most lagged first,
 * each followed by a wait until it streams again with lag 0; then the primary by switchover (the
 * former primary is restarted with a {@code restart_pending} filter, where a 503 "restart conditions
 * are not satisfied" means the demotion already applied everything) or in place. When a
 * hot-standby-sensitive parameter goes down, the primary goes first (in place) and every replica is
 * restarted after it replayed the change, then once more if it still reports {@code pending_restart}.
 * Thread-safe.
 */
final class RestartSequence {
    static final String GUARD_LEADER_HEALTHY = "leader-healthy";
    static final String GUARD_MEMBER_IS_REPLICA = "member-is-replica";
    static final String GUARD_MEMBER_IS_LEADER = "member-is-leader";
    static final String GUARD_CANDIDATE_RUNNING = "candidate-running";
    static final String GUARD_CANDIDATE_FAILOVER_ALLOWED = "candidate-not-nofailover";
    static final String GUARD_CANDIDATE_LAG = "candidate-lag-within-limit";
    static final String GUARD_SYNCHRONOUS_MODE = "synchronous-mode-candidate";
    private static final Set<String> GUARDS = Set.of(GUARD_LEADER_HEALTHY, GUARD_MEMBER_IS_REPLICA, GUARD_MEMBER_IS_LEADER,
            GUARD_CANDIDATE_RUNNING, GUARD_CANDIDATE_FAILOVER_ALLOWED, GUARD_CANDIDATE_LAG, GUARD_SYNCHRONOUS_MODE);

    /** Step id prefixes; the member is the step's target. */
    private static final String RESTART_REPLICA = "restart-replica-";
    private static final String RESTART_REPLICA_AGAIN = "restart-replica-again-";
    private static final String AWAIT_REPLICA = "await-replica-";
    private static final String AWAIT_REPLAYED = "await-replayed-";
    private static final String RESTART_PRIMARY = "restart-primary-";
    private static final String AWAIT_PRIMARY = "await-primary-";
    private static final String SWITCHOVER = "switchover-";
    private static final String AWAIT_CONVERGENCE = "await-convergence-";
    private static final String RESTART_FORMER_PRIMARY = "restart-former-primary-";
    private static final String VERIFY = "verify-no-pending-restart";
    private static final Logger LOG = LoggerFactory.getLogger(RestartSequence.class);

    private final PatroniOps ops;
    private final RollingRestartRequest request;
    private final ClusterWaits waits;

    RestartSequence(PatroniOps ops, String target, RollingRestartRequest request) {
        this.ops = ops;
        this.request = request;
        this.waits = new ClusterWaits(ops, target);
    }

    /**
     * Adds the restart steps for {@code cluster}. {@code pendingLater} plans members as pending that
     * will only report it after an earlier step (a configuration change).
     */
    void addSteps(Plan.Builder plan, ClusterStatus cluster, DynamicConfig config, boolean pendingLater) {
        ClusterMember leader = ClusterView.of(cluster).leader().orElseThrow(() -> new OpsException(
                "cluster " + cluster.scope() + " has no leader: a rolling restart needs one"));
        List<ClusterMember> replicas = new ArrayList<>(ClusterView.of(cluster).replicas());
        // most lagged first: an unknown lag counts as the largest
        replicas.sort(Comparator.comparingLong((ClusterMember member) ->
                member.lagBytes() == null ? Long.MAX_VALUE : member.lagBytes()).reversed().thenComparing(ClusterMember::name));
        boolean lowering = request.lowersHotStandbySensitive();
        if (lowering) {
            plan.warning("a hot-standby-sensitive parameter goes down: the primary is restarted first, in place, and "
                    + "every replica after it replayed the change (twice if pending_restart stays set)");
        }
        if (lowering && needs(leader, pendingLater)) {
            addPrimaryInPlace(plan, leader);
        }
        for (ClusterMember replica : replicas) {
            if (!needs(replica, pendingLater) && !lowering) {
                plan.step(PlannedStep.builder("skip-" + replica.name(), StepAction.NO_OP, replica.name())
                        .description(replica.name() + " has no pending restart; skipped (force restarts it anyway)"));
                continue;
            }
            if (lowering) {
                plan.step(PlannedStep.builder(AWAIT_REPLAYED + replica.name(), StepAction.WAIT, replica.name())
                        .description("wait until " + replica.name() + " replayed the primary's parameter change (lag 0)"));
            }
            plan.step(PlannedStep.builder(RESTART_REPLICA + replica.name(), StepAction.RESTART, replica.name())
                    .description("restart replica " + replica.name() + " (POST /restart"
                            + (request.force() ? "" : " restart_pending") + " role replica)")
                    .disruptive(true)
                    .guard(GUARD_LEADER_HEALTHY).guard(GUARD_MEMBER_IS_REPLICA));
            plan.step(PlannedStep.builder(AWAIT_REPLICA + replica.name(), StepAction.WAIT, replica.name())
                    .description("wait up to " + request.memberTimeout() + " until " + replica.name()
                            + " streams from the leader with lag 0" + (lowering ? "" : " and no pending restart")));
            if (lowering) {
                plan.step(PlannedStep.builder(RESTART_REPLICA_AGAIN + replica.name(), StepAction.RESTART, replica.name())
                        .description("restart " + replica.name() + " again only if pending_restart is still set "
                                + "(Patroni starts a replica with the primary's old, higher value at first)")
                        .disruptive(true)
                        .guard(GUARD_LEADER_HEALTHY).guard(GUARD_MEMBER_IS_REPLICA));
            }
        }
        if (!lowering && needs(leader, pendingLater)) {
            if (request.primaryStrategy() == PrimaryRestartStrategy.IN_PLACE) {
                addPrimaryInPlace(plan, leader);
            } else {
                addSwitchover(plan, cluster, config, leader, replicas);
            }
        } else if (!lowering) {
            plan.step(PlannedStep.builder("skip-" + leader.name(), StepAction.NO_OP, leader.name())
                    .description("primary " + leader.name() + " has no pending restart; skipped"));
        }
        plan.step(PlannedStep.builder(VERIFY, StepAction.READ, "cluster")
                .description("re-read /cluster: no member may still report pending_restart"));
    }

    private boolean needs(ClusterMember member, boolean pendingLater) {
        return request.force() || pendingLater || member.pendingRestart();
    }

    private void addPrimaryInPlace(Plan.Builder plan, ClusterMember leader) {
        plan.step(PlannedStep.builder(RESTART_PRIMARY + leader.name(), StepAction.RESTART, leader.name())
                .description("restart primary " + leader.name() + " in place (POST /restart"
                        + (request.force() ? "" : " restart_pending") + " role primary); writes stop meanwhile")
                .disruptive(true)
                .guard(GUARD_MEMBER_IS_LEADER));
        plan.step(PlannedStep.builder(AWAIT_PRIMARY + leader.name(), StepAction.WAIT, leader.name())
                .description("wait up to " + request.convergenceTimeout() + " until " + leader.name()
                        + " leads again and every member streams with lag 0"));
    }

    private void addSwitchover(Plan.Builder plan, ClusterStatus cluster, DynamicConfig config, ClusterMember leader,
                               List<ClusterMember> replicas) {
        long limit = CandidateChecks.lagLimit(config, request.maxLagBytes());
        // after the replicas' restarts every one streams with lag 0; prefer an eligible one now, else the first
        String candidate = CandidateChecks.bestCandidate(cluster, config, limit)
                .orElse(replicas.isEmpty() ? null : replicas.get(replicas.size() - 1).name());
        if (candidate == null) {
            throw new OpsException("cluster " + cluster.scope() + " has no replica to switch over to; use the in-place "
                    + "primary strategy");
        }
        plan.step(PlannedStep.builder(SWITCHOVER + candidate, StepAction.SWITCHOVER, candidate)
                .description("switch over from " + leader.name() + " to " + candidate + " (POST /switchover, not retried); "
                        + leader.name() + " is restarted as a replica, which applies its pending parameters")
                .disruptive(true)
                .change("leader", leader.name(), candidate)
                .guard(GUARD_LEADER_HEALTHY).guard(GUARD_CANDIDATE_RUNNING).guard(GUARD_CANDIDATE_FAILOVER_ALLOWED)
                .guard(GUARD_CANDIDATE_LAG).guard(GUARD_SYNCHRONOUS_MODE));
        plan.step(PlannedStep.builder(AWAIT_CONVERGENCE + candidate, StepAction.WAIT, candidate)
                .description("wait up to " + request.convergenceTimeout() + " for one leader (" + candidate
                        + ") and every member running on its timeline with lag 0"));
        plan.step(PlannedStep.builder(RESTART_FORMER_PRIMARY + leader.name(), StepAction.RESTART, leader.name())
                .description("restart " + leader.name() + " only if still pending (POST /restart restart_pending; "
                        + "503 'restart conditions are not satisfied' means nothing to do; the role filter "
                        + "'replica' keeps it from restarting a leader)")
                .disruptive(true));
        plan.step(PlannedStep.builder(AWAIT_REPLICA + leader.name(), StepAction.WAIT, leader.name())
                .description("wait until " + leader.name() + " streams with lag 0 and no pending restart"));
    }

    void execute(PlannedStep step, StepContext context) {
        String id = step.id();
        String member = step.target();
        if (id.startsWith("skip-")) {
            return;
        }
        if (id.startsWith(RESTART_REPLICA_AGAIN) || id.startsWith(RESTART_FORMER_PRIMARY)) {
            restart(member, RestartRole.REPLICA, true, context);
        } else if (id.startsWith(RESTART_REPLICA)) {
            restart(member, RestartRole.REPLICA, !request.force(), context);
        } else if (id.startsWith(RESTART_PRIMARY)) {
            restart(member, RestartRole.PRIMARY, !request.force(), context);
        } else if (id.startsWith(AWAIT_REPLAYED)) {
            waits.replicaStreaming(member, false, request.memberTimeout(), context);
        } else if (id.startsWith(AWAIT_REPLICA)) {
            waits.replicaStreaming(member, !request.lowersHotStandbySensitive(), request.memberTimeout(), context);
        } else if (id.startsWith(AWAIT_PRIMARY)) {
            waits.converged(member, request.convergenceTimeout(), context);
        } else if (id.startsWith(SWITCHOVER)) {
            switchOver(member, context);
        } else if (id.startsWith(AWAIT_CONVERGENCE)) {
            waits.converged(member, request.convergenceTimeout(), context);
        } else if (id.equals(VERIFY)) {
            verifyNothingPending();
        } else {
            throw new IllegalStateException("rolling restart has no step " + id);
        }
    }

    Guard guard(String name) {
        if (!GUARDS.contains(name)) {
            return null;
        }
        return new NamedGuard(name, (step, context) -> check(name, step));
    }

    private GuardResult check(String name, PlannedStep step) {
        ClusterStatus cluster = ops.cluster();
        String member = step.target();
        return switch (name) {
            case GUARD_LEADER_HEALTHY -> cluster.leader().filter(ClusterMember::isRunning)
                    .map(leader -> GuardResult.pass(leader.name() + " leads and is running"))
                    .orElseGet(() -> GuardResult.fail("the cluster has no running leader"));
            case GUARD_MEMBER_IS_REPLICA -> cluster.member(member)
                    .map(m -> m.isLeader() ? GuardResult.fail(member + " leads the cluster now")
                            : GuardResult.pass(member + " is a replica"))
                    .orElseGet(() -> GuardResult.fail("cluster has no member '" + member + "'"));
            case GUARD_MEMBER_IS_LEADER -> cluster.leader().filter(leader -> leader.name().equals(member))
                    .map(leader -> GuardResult.pass(member + " leads the cluster"))
                    .orElseGet(() -> GuardResult.fail(member + " is not the leader"));
            case GUARD_CANDIDATE_RUNNING -> CandidateChecks.running(cluster, member);
            case GUARD_CANDIDATE_FAILOVER_ALLOWED -> CandidateChecks.failoverAllowed(cluster, member);
            case GUARD_CANDIDATE_LAG -> CandidateChecks.lagWithinLimit(cluster, member,
                    CandidateChecks.lagLimit(ops.config(), request.maxLagBytes()));
            case GUARD_SYNCHRONOUS_MODE -> CandidateChecks.synchronousMode(cluster, ops.config(), member);
            default -> throw new IllegalStateException("unknown guard " + name);
        };
    }

    private void restart(String member, RestartRole role, boolean onlyIfPending, StepContext context) {
        RestartRequest restart = RestartRequest.builder().restartPending(onlyIfPending).role(role).build();
        try {
            ops.member(member).restart(restart);
        } catch (PatroniServiceException e) {
            if (e.kind() != PatroniErrorKind.RESTART_CONDITIONS_NOT_MET) {
                throw e;
            }
            boolean stillPending = ops.cluster().member(member).map(ClusterMember::pendingRestart).orElse(false);
            if (stillPending) {
                throw e;
            }
            // nothing pending (e.g. the demotion restart of a switchover already applied everything)
            LOG.info("restart of {}: nothing pending ({})", member, e.serverReason());
            context.waiting(member + " has nothing pending: " + e.serverReason());
        }
    }

    private void switchOver(String candidate, StepContext context) {
        ClusterMember leader = ops.cluster().leader().orElseThrow(() -> new OpsException("the cluster has no leader"));
        if (leader.name().equals(candidate)) {
            context.waiting(candidate + " already leads; not switching over again");
            return;
        }
        try {
            ops.member(leader.name()).switchover(SwitchoverRequest.of(leader.name(), candidate));
        } catch (PatroniServiceException e) {
            if (e.kind() != PatroniErrorKind.STATUS_UNKNOWN) {
                throw e;
            }
            context.waiting("Patroni answered '" + e.serverReason() + "'; the convergence wait decides");
        }
    }

    private void verifyNothingPending() {
        List<String> pending = ops.cluster().members().stream().filter(ClusterMember::pendingRestart)
                .map(ClusterMember::name).toList();
        if (!pending.isEmpty()) {
            throw new OpsException("members still report pending_restart after the rolling restart: " + pending);
        }
    }
}
