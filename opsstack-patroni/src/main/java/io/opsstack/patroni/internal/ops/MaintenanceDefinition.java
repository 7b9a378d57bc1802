package io.opsstack.patroni.internal.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.api.wait.Backoff;
import io.opsstack.api.wait.Waiter;
import io.opsstack.patroni.PatroniMember;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterStatus;

/**
 * Pause or resume (maintenance mode): {@code PATCH /config} with {@code pause: true} or
 * {@code pause: null}, then a wait until every member's {@code /patroni} reports it (members pick
 * it up in their next HA loop).
 */
public final class MaintenanceDefinition implements OperationDefinition<ClusterStatus> {
    private static final String STEP_SET = "set-pause";
    private static final String STEP_AWAIT = "await-members";

    private final PatroniOps ops;
    private final boolean pause;
    private final Duration timeout;
    private final String target;

    public MaintenanceDefinition(PatroniOps ops, boolean pause, Duration timeout) {
        this.ops = ops;
        this.pause = pause;
        this.timeout = timeout;
        this.target = Targets.of(ops);
    }

    @Override
    public String name() {
        return pause ? "patroni-pause" : "patroni-resume";
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Plan plan() {
        ClusterStatus cluster = ops.cluster();
        Plan.Builder plan = Plan.builder(name(), target);
        if (cluster.paused() == pause) {
            plan.step(PlannedStep.builder(STEP_SET, StepAction.NO_OP, "config")
                    .description("the cluster is already " + (pause ? "paused" : "not paused")));
        } else {
            plan.step(PlannedStep.builder(STEP_SET, StepAction.UPDATE_SETTING, "config")
                    .description(pause ? "pause: Patroni stops acting on failures (no automatic failover) until resumed"
                            : "resume: Patroni manages PostgreSQL again")
                    .disruptive(true)
                    .change("pause", Boolean.toString(cluster.paused()), Boolean.toString(pause)));
        }
        plan.step(PlannedStep.builder(STEP_AWAIT, StepAction.WAIT, "cluster")
                .description("wait up to " + timeout + " until every member reports pause=" + pause));
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
            case STEP_SET -> {
                if (step.action() != StepAction.NO_OP) {
                    Map<String, Object> patch = new HashMap<>();
                    patch.put("pause", pause ? Boolean.TRUE : null);
                    ops.patchConfig(patch);
                }
            }
            case STEP_AWAIT -> Waiter.<List<String>>builder()
                    .poll(this::membersNotYetReporting)
                    .successWhen(List::isEmpty)
                    .retryWhen(waiting -> true)
                    .retryOnException(OpsClientException.class)
                    .retryOnException(PatroniServiceException.class)
                    .backoff(Backoff.fixed(Duration.ofMillis(500)))
                    .timeout(timeout.compareTo(context.remaining()) < 0 ? timeout : context.remaining())
                    .description("every member reports pause=" + pause)
                    .target(target)
                    .observer(context.waitObserver())
                    .build()
                    .await();
            default -> throw new IllegalStateException(name() + " has no step " + step.id());
        }
    }

    private List<String> membersNotYetReporting() {
        List<String> waiting = new ArrayList<>();
        for (PatroniMember member : ops.members()) {
            if (member.status().paused() != pause) {
                waiting.add(member.name().orElse(member.endpoint().toString()));
            }
        }
        return waiting;
    }

    @Override
    public Guard guard(String name) {
        throw new OpsValidationException(name() + " has no guard named '" + name + "'");
    }

    @Override
    public ClusterStatus result(OperationContext context) {
        return ops.cluster();
    }
}
