package io.opsstack.patroni.internal.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.MemberStatus;

/**
 * Re-clones one replica from the leader ({@code POST /reinitialize}, asynchronous), then waits in
 * two phases: first until the member shows the reinitialisation started (not running, or a new
 * postmaster start time, so an old "running" is not mistaken for the end), then until it streams
 * with lag 0.
 */
public final class ReinitializeDefinition implements OperationDefinition<ClusterStatus> {
    public static final String NAME = "patroni-reinitialize";
    private static final String GUARD_IS_REPLICA = "member-is-replica";
    private static final String GUARD_LEADER = "leader-healthy";
    private static final String STEP_REINIT = "reinitialize";
    private static final String STEP_AWAIT_START = "await-reinitialize-started";
    private static final String STEP_AWAIT_STREAMING = "await-streaming";
    private static final String SAVED_START_TIME = "postmaster_start_time";

    private final PatroniOps ops;
    private final String member;
    private final boolean force;
    private final Duration timeout;
    private final String target;
    private final ClusterWaits waits;

    public ReinitializeDefinition(PatroniOps ops, String member, boolean force, Duration timeout) {
        this.ops = ops;
        this.member = Objects.requireNonNull(member, "member");
        this.force = force;
        this.timeout = timeout;
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
        if (cluster.member(member).isEmpty()) {
            throw new OpsValidationException("cluster " + cluster.scope() + " has no member '" + member + "'", target);
        }
        Plan plan = Plan.builder(NAME, target).parameter("member", member).parameter("force", Boolean.toString(force))
                .step(PlannedStep.builder(STEP_REINIT, StepAction.RESTART, member)
                        .description("wipe " + member + "'s data directory and clone it again from the leader (POST "
                                + "/reinitialize" + (force ? " force" : "") + ")")
                        .disruptive(true)
                        .guard(GUARD_IS_REPLICA).guard(GUARD_LEADER))
                .step(PlannedStep.builder(STEP_AWAIT_START, StepAction.WAIT, member)
                        .description("wait until " + member + " stopped or restarted (the reinitialisation began)"))
                .step(PlannedStep.builder(STEP_AWAIT_STREAMING, StepAction.WAIT, member)
                        .description("wait up to " + timeout + " until " + member + " streams with lag 0"))
                .stateFacts(SwitchoverDefinition.stateFacts(cluster))
                .build();
        return PlanExecutor.evaluateGuards(this, plan);
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return SwitchoverDefinition.stateFacts(ops.cluster());
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.id()) {
            case STEP_REINIT -> {
                Instant started = ops.member(member).status().postmasterStartTime();
                context.saveValue(SAVED_START_TIME, started == null ? null : started.toString());
                ops.member(member).reinitialize(force);
            }
            case STEP_AWAIT_START -> awaitStarted(context);
            case STEP_AWAIT_STREAMING -> waits.replicaStreaming(member, false, timeout, context);
            default -> throw new IllegalStateException("reinitialize has no step " + step.id());
        }
    }

    private void awaitStarted(StepContext context) {
        String before = context.savedValue(SAVED_START_TIME).map(saved -> saved.value()).orElse(null);
        Waiter.<Boolean>builder()
                .poll(() -> {
                    MemberStatus status = ops.member(member).status();
                    Instant start = status.postmasterStartTime();
                    return !status.isRunning() || start == null || !start.toString().equals(before);
                })
                .successWhen(Boolean::booleanValue)
                .retryWhen(begun -> true)
                // a member wiping its data directory may not answer for a moment: that also shows it began
                .successOnException(OpsClientException.class)
                .retryOnException(PatroniServiceException.class)
                .backoff(Backoff.fixed(Duration.ofMillis(300)))
                .timeout(Duration.ofMinutes(1))
                .description(member + " began reinitialising")
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
    }

    @Override
    public Guard guard(String name) {
        return switch (name) {
            case GUARD_IS_REPLICA -> new NamedGuard(name, (step, context) -> ops.cluster().member(member)
                    .map(m -> m.isLeader() ? GuardResult.fail(member + " is the leader: Patroni refuses to reinitialize it")
                            : GuardResult.pass(member + " is a replica"))
                    .orElseGet(() -> GuardResult.fail("cluster has no member '" + member + "'")));
            case GUARD_LEADER -> new NamedGuard(name, (step, context) -> ops.cluster().leader()
                    .filter(ClusterMember::isRunning)
                    .map(leader -> GuardResult.pass(leader.name() + " leads and runs: the clone has a source"))
                    .orElseGet(() -> GuardResult.fail("the cluster has no running leader to clone from")));
            default -> throw new OpsValidationException("reinitialize has no guard named '" + name + "'");
        };
    }

    @Override
    public ClusterStatus result(OperationContext context) {
        return ops.cluster();
    }
}
