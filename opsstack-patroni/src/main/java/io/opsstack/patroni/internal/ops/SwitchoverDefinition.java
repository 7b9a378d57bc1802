package io.opsstack.patroni.internal.ops;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsTimeoutException;
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
import io.opsstack.patroni.ClusterView;
import io.opsstack.patroni.PatroniErrorKind;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.SwitchoverRequest;
import io.opsstack.patroni.ops.SwitchoverPlanRequest;
import io.opsstack.patroni.ops.SwitchoverResult;
import io.opsstack.patroni.ops.TransactionAgeCheck;

/**
 * A switchover from the current leader to a candidate: client-side candidate checks as guards, one
 * {@code POST /switchover} (never retried), then a convergence wait on {@code /cluster}. A scheduled
 * switchover only registers the schedule.
 */
public final class SwitchoverDefinition implements OperationDefinition<SwitchoverResult> {
    public static final String NAME = "patroni-switchover";
    static final String GUARD_LEADER_HEALTHY = "leader-healthy";
    static final String GUARD_CANDIDATE_EXISTS = "candidate-exists";
    static final String GUARD_CANDIDATE_RUNNING = "candidate-running";
    static final String GUARD_CANDIDATE_STREAMING = "candidate-streaming";
    static final String GUARD_CANDIDATE_FAILOVER_ALLOWED = "candidate-not-nofailover";
    static final String GUARD_CANDIDATE_LAG = "candidate-lag-within-limit";
    static final String GUARD_SYNCHRONOUS_MODE = "synchronous-mode-candidate";
    static final String GUARD_NO_LONG_TRANSACTIONS = "no-long-transactions";
    static final String GUARD_NOT_PAUSED = "not-paused";
    private static final String STEP_SWITCHOVER = "switchover";
    private static final String STEP_SCHEDULE = "schedule-switchover";
    private static final String STEP_CONVERGE = "await-convergence";
    private static final Logger LOG = LoggerFactory.getLogger(SwitchoverDefinition.class);

    private final PatroniOps ops;
    private final SwitchoverPlanRequest request;
    private final TransactionAgeCheck transactionCheck;
    private final String target;
    private final ClusterWaits waits;

    /** @param transactionCheck null to skip the long-transaction guard */
    public SwitchoverDefinition(PatroniOps ops, SwitchoverPlanRequest request, TransactionAgeCheck transactionCheck) {
        this.ops = ops;
        this.request = request;
        this.transactionCheck = transactionCheck;
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
        DynamicConfig config = ops.config();
        ClusterMember leader = ClusterView.of(cluster).leader().orElseThrow(() -> new OpsValidationException(
                "cluster " + cluster.scope() + " has no leader to switch over from; plan a failover instead", target));
        long limit = CandidateChecks.lagLimit(config, request.maxLagBytes());
        String candidate = chooseCandidate(cluster, config, limit);
        Plan.Builder plan = Plan.builder(NAME, target)
                .parameter("leader", leader.name())
                .parameter("candidate", candidate)
                .parameter("lag_limit_bytes", Long.toString(limit))
                .parameter("convergence_timeout", request.convergenceTimeout().toString());
        if (request.candidate() == null) {
            plan.warning("no candidate given: the plan chose " + candidate + " (eligible and least lagged)");
        }
        if (transactionCheck == null) {
            plan.warning("no transaction-age check configured: open transactions on " + leader.name()
                    + " are not checked and may delay its shutdown");
        }
        plan.warning("not validated server-side: Patroni has no switchover dry run");
        if (request.scheduledAt() != null) {
            plan.parameter("scheduled_at", request.scheduledAt().toString());
            plan.step(withCandidateGuards(PlannedStep.builder(STEP_SCHEDULE, StepAction.SWITCHOVER, leader.name())
                    .description("schedule a switchover from " + leader.name() + " to " + candidate + " at "
                            + request.scheduledAt() + "; cancel it with DELETE /switchover before then")
                    .disruptive(true)
                    .guard(GUARD_NOT_PAUSED)));
        } else {
            plan.step(withCandidateGuards(PlannedStep.builder(STEP_SWITCHOVER, StepAction.SWITCHOVER, leader.name())
                    .description("switch over from " + leader.name() + " to " + candidate + " (POST /switchover, not "
                            + "retried); " + leader.name() + " is then restarted as a replica of " + candidate)
                    .disruptive(true)
                    .change("leader", leader.name(), candidate)));
            plan.step(PlannedStep.builder(STEP_CONVERGE, StepAction.WAIT, "cluster")
                    .description("wait up to " + request.convergenceTimeout() + " for exactly one leader (" + candidate
                            + "), writable, and every member running on its timeline with lag 0"));
        }
        plan.stateFacts(stateFacts(cluster));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    private PlannedStep.Builder withCandidateGuards(PlannedStep.Builder step) {
        step.guard(GUARD_LEADER_HEALTHY).guard(GUARD_CANDIDATE_EXISTS).guard(GUARD_CANDIDATE_RUNNING)
                .guard(GUARD_CANDIDATE_STREAMING).guard(GUARD_CANDIDATE_FAILOVER_ALLOWED).guard(GUARD_CANDIDATE_LAG)
                .guard(GUARD_SYNCHRONOUS_MODE);
        if (transactionCheck != null) {
            step.guard(GUARD_NO_LONG_TRANSACTIONS);
        }
        return step;
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return stateFacts(ops.cluster());
    }

    /** The facts a switchover plan depends on: who leads, who is a member, the timeline, maintenance mode. */
    static Map<String, String> stateFacts(ClusterStatus cluster) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("leader", cluster.leader().map(ClusterMember::name).orElse("none"));
        facts.put("timeline", Long.toString(cluster.leader().map(ClusterMember::timeline).orElse(0L)));
        facts.put("members", String.join(",", cluster.members().stream().map(ClusterMember::name).sorted().toList()));
        facts.put("paused", Boolean.toString(cluster.paused()));
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        String leader = context.plan().parameters().get("leader");
        String candidate = context.plan().parameters().get("candidate");
        switch (step.id()) {
            case STEP_SWITCHOVER -> switchOver(leader, candidate, context);
            case STEP_SCHEDULE -> ops.member(leader).switchover(
                    new SwitchoverRequest(leader, candidate, request.scheduledAt()));
            case STEP_CONVERGE -> waits.converged(candidate, request.convergenceTimeout(), context);
            default -> throw new IllegalStateException("switchover has no step " + step.id());
        }
    }

    private void switchOver(String leader, String candidate, StepContext context) {
        if (ops.cluster().leader().map(ClusterMember::name).orElse("").equals(candidate)) {
            // a resumed run after the call went through: switching again would move the leader back
            context.waiting(candidate + " already leads; not switching over again");
            return;
        }
        try {
            ops.member(leader).switchover(SwitchoverRequest.of(leader, candidate));
        } catch (PatroniServiceException e) {
            if (e.kind() != PatroniErrorKind.STATUS_UNKNOWN) {
                throw e;
            }
            // Patroni stopped waiting but the switchover may still complete: the convergence wait decides
            LOG.info("switchover {} -> {}: Patroni answered '{}'; watching /cluster", leader, candidate, e.serverReason());
            context.waiting("Patroni answered '" + e.serverReason() + "'; the convergence wait decides");
        } catch (OpsConnectException | OpsTimeoutException e) {
            if (e.getCause() instanceof ConnectException) {
                throw e; // never connected: nothing was sent
            }
            // the request may have reached Patroni before the answer was lost: resending could switch twice
            LOG.warn("switchover {} -> {}: outcome unknown, no answer ({}); not resending, watching /cluster",
                    leader, candidate, e.reason());
            context.waiting("outcome unknown: POST /switchover got no answer (" + e.reason()
                    + "); not resent; the convergence wait on /cluster decides");
        }
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_LEADER_HEALTHY -> new NamedGuard(name, (step, context) -> leaderHealthy(context));
            case GUARD_CANDIDATE_EXISTS -> new NamedGuard(name, (step, context) ->
                    CandidateChecks.exists(ops.cluster(), candidate(context)));
            case GUARD_CANDIDATE_RUNNING -> new NamedGuard(name, (step, context) ->
                    CandidateChecks.running(ops.cluster(), candidate(context)));
            case GUARD_CANDIDATE_STREAMING -> new NamedGuard(name, (step, context) -> candidateStreaming(context));
            case GUARD_CANDIDATE_FAILOVER_ALLOWED -> new NamedGuard(name, (step, context) ->
                    CandidateChecks.failoverAllowed(ops.cluster(), candidate(context)));
            case GUARD_CANDIDATE_LAG -> new NamedGuard(name, (step, context) -> CandidateChecks.lagWithinLimit(
                    ops.cluster(), candidate(context), CandidateChecks.lagLimit(ops.config(), request.maxLagBytes())));
            case GUARD_SYNCHRONOUS_MODE -> new NamedGuard(name, (step, context) ->
                    CandidateChecks.synchronousMode(ops.cluster(), ops.config(), candidate(context)));
            case GUARD_NO_LONG_TRANSACTIONS -> new NamedGuard(name, (step, context) -> noLongTransactions(context));
            case GUARD_NOT_PAUSED -> new NamedGuard(name, (step, context) -> ops.cluster().paused()
                    ? GuardResult.fail("the cluster is paused: Patroni refuses scheduled switchovers in maintenance mode")
                    : GuardResult.pass("the cluster is not paused"));
            default -> throw new OpsValidationException("switchover has no guard named '" + name + "'");
        };
    }

    @Override
    public SwitchoverResult result(OperationContext context) {
        ClusterStatus cluster = ops.cluster();
        ClusterMember leader = cluster.leader().orElseThrow();
        return new SwitchoverResult(context.plan().parameters().get("leader"), leader.name(), leader.timeline(), cluster);
    }

    private String chooseCandidate(ClusterStatus cluster, DynamicConfig config, long limit) {
        if (request.candidate() != null) {
            return request.candidate();
        }
        return CandidateChecks.bestCandidate(cluster, config, limit).orElseThrow(() -> new OpsValidationException(
                "no replica of " + cluster.scope() + " is eligible for promotion (running, not nofailover, lag within "
                        + limit + " bytes): " + ClusterView.of(cluster).problems(), target));
    }

    private GuardResult leaderHealthy(StepContext context) {
        String planned = context.plan().parameters().get("leader");
        ClusterStatus cluster = ops.cluster();
        return cluster.leader()
                .map(leader -> !leader.name().equals(planned)
                        ? GuardResult.fail("the leader is now " + leader.name() + ", the plan was made for " + planned)
                        : leader.isRunning()
                                ? GuardResult.pass(planned + " leads and is running")
                                : GuardResult.fail("leader " + planned + " is " + leader.state()))
                .orElseGet(() -> GuardResult.fail("the cluster has no leader; plan a failover instead"));
    }

    private GuardResult candidateStreaming(StepContext context) {
        String candidate = candidate(context);
        ClusterStatus cluster = ops.cluster();
        ClusterMember leader = cluster.leader().orElse(null);
        if (leader == null) {
            return GuardResult.fail("the cluster has no leader to stream from");
        }
        return CandidateChecks.streamingFrom(ops, leader, candidate)
                ? GuardResult.pass(candidate + " streams WAL from " + leader.name())
                : GuardResult.fail(leader.name() + " lists no streaming WAL sender for " + candidate);
    }

    private GuardResult noLongTransactions(StepContext context) {
        String leader = context.plan().parameters().get("leader");
        Duration age = transactionCheck.oldestTransactionAge(leader);
        return age.compareTo(request.maxTransactionAge()) <= 0
                ? GuardResult.pass("oldest open transaction on " + leader + " is " + age + ", limit " + request.maxTransactionAge())
                : GuardResult.fail("a transaction on " + leader + " has been open for " + age + ", more than "
                        + request.maxTransactionAge() + ": the graceful shutdown would wait for it");
    }

    private static String candidate(StepContext context) {
        return context.plan().parameters().get("candidate");
    }
}
