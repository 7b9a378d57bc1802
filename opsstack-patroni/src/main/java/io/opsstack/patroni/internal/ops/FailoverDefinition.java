package io.opsstack.patroni.internal.ops;

import java.util.Map;

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
import io.opsstack.patroni.ops.FailoverPlanRequest;
import io.opsstack.patroni.ops.SwitchoverResult;

/**
 * A failover to a named candidate ({@code POST /failover}, never retried), then a convergence wait.
 * Without a healthy leader Patroni skips its lag and timeline checks, so the plan's guard refuses
 * that case unless the request opts in.
 */
public final class FailoverDefinition implements OperationDefinition<SwitchoverResult> {
    public static final String NAME = "patroni-failover";
    static final String GUARD_LEADERLESS_OPT_IN = "no-healthy-leader-needs-opt-in";
    static final String GUARD_CANDIDATE_EXISTS = "candidate-exists";
    static final String GUARD_CANDIDATE_RUNNING = "candidate-running";
    static final String GUARD_CANDIDATE_FAILOVER_ALLOWED = "candidate-not-nofailover";
    private static final String STEP_FAILOVER = "failover";
    private static final String STEP_CONVERGE = "await-convergence";

    private final PatroniOps ops;
    private final FailoverPlanRequest request;
    private final String target;
    private final ClusterWaits waits;

    public FailoverDefinition(PatroniOps ops, FailoverPlanRequest request) {
        this.ops = ops;
        this.request = request;
        this.target = Targets.of(ops);
        this.waits = new ClusterWaits(ops, target);
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
        String leader = healthyLeader(cluster);
        Plan.Builder plan = Plan.builder(NAME, target)
                .parameter("leader", leader == null ? "none" : leader)
                .parameter("candidate", request.candidate())
                .parameter("allow_without_leader", Boolean.toString(request.allowWithoutLeader()));
        if (leader == null) {
            plan.warning("the cluster has no healthy leader: Patroni promotes " + request.candidate()
                    + " without lag or timeline checks; writes it had not received are lost");
        }
        plan.step(PlannedStep.builder(STEP_FAILOVER, StepAction.FAILOVER, request.candidate())
                .description("fail over to " + request.candidate() + " (POST /failover, not retried)"
                        + (leader == null ? "" : "; " + leader + " is then restarted as a replica"))
                .disruptive(true)
                .change("leader", leader, request.candidate())
                .guard(GUARD_LEADERLESS_OPT_IN).guard(GUARD_CANDIDATE_EXISTS).guard(GUARD_CANDIDATE_RUNNING)
                .guard(GUARD_CANDIDATE_FAILOVER_ALLOWED));
        plan.step(PlannedStep.builder(STEP_CONVERGE, StepAction.WAIT, "cluster")
                .description("wait up to " + request.convergenceTimeout() + " for exactly one leader ("
                        + request.candidate() + ") and every member running on its timeline with lag 0"));
        plan.stateFacts(SwitchoverDefinition.stateFacts(cluster));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return SwitchoverDefinition.stateFacts(ops.cluster());
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.id()) {
            case STEP_FAILOVER -> {
                if (!request.candidate().equals(healthyLeader(ops.cluster()))) {
                    ops.failover(request.candidate());
                }
            }
            case STEP_CONVERGE -> waits.converged(request.candidate(), request.convergenceTimeout(), context);
            default -> throw new IllegalStateException("failover has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_LEADERLESS_OPT_IN -> new NamedGuard(name, (step, context) -> leaderlessOptIn());
            case GUARD_CANDIDATE_EXISTS -> new NamedGuard(name, (step, context) ->
                    CandidateChecks.exists(ops.cluster(), request.candidate()));
            case GUARD_CANDIDATE_RUNNING -> new NamedGuard(name, (step, context) ->
                    CandidateChecks.running(ops.cluster(), request.candidate()));
            case GUARD_CANDIDATE_FAILOVER_ALLOWED -> new NamedGuard(name, (step, context) ->
                    CandidateChecks.failoverAllowed(ops.cluster(), request.candidate()));
            default -> throw new OpsValidationException("failover has no guard named '" + name + "'");
        };
    }

    @Override
    public SwitchoverResult result(OperationContext context) {
        ClusterStatus cluster = ops.cluster();
        ClusterMember leader = cluster.leader().orElseThrow();
        String former = context.plan().parameters().get("leader");
        return new SwitchoverResult("none".equals(former) ? null : former, leader.name(), leader.timeline(), cluster);
    }

    private GuardResult leaderlessOptIn() {
        String leader = healthyLeader(ops.cluster());
        if (leader != null) {
            return GuardResult.pass(leader + " leads and runs: Patroni checks the candidate like a switchover");
        }
        return request.allowWithoutLeader()
                ? GuardResult.pass("no healthy leader; failing over without one was explicitly allowed")
                : GuardResult.fail("the cluster has no healthy leader: a failover now skips lag checks and may lose "
                        + "writes; set allowWithoutLeader to proceed");
    }

    private static String healthyLeader(ClusterStatus cluster) {
        return cluster.leader().filter(ClusterMember::isRunning).map(ClusterMember::name).orElse(null);
    }
}
