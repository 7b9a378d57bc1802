package io.opsstack.patroni.internal.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.PatroniServiceException;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.ops.ConfigChangeRequest;
import io.opsstack.patroni.ops.ParameterChange;

/**
 * {@code PATCH /config} with a plan that shows the diff per key and which parameters need a
 * restart; when some do (and the request asks for it), waits until the members report
 * {@code pending_restart} and chains the rolling restart of {@link RestartSequence}.
 */
public final class ConfigChangeDefinition implements OperationDefinition<ClusterStatus> {
    public static final String NAME = "patroni-config-change";
    private static final String STEP_PATCH = "patch-config";
    private static final String STEP_AWAIT_PENDING = "await-pending-restart";

    private final PatroniOps ops;
    private final ConfigChangeRequest request;
    private final String target;
    private final DynamicConfig current;
    private final ConfigDiff diff;
    private final RestartSequence sequence;

    public ConfigChangeDefinition(PatroniOps ops, ConfigChangeRequest request) {
        this.ops = ops;
        this.request = request;
        this.target = Targets.of(ops);
        this.current = ops.config();
        this.diff = ConfigDiff.of(current.toMap(), request.patchMap());
        this.sequence = new RestartSequence(ops, target,
                request.restart().toBuilder().parameterChanges(diff.parameterChanges()).build());
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
        List<String> keys = diff.changedKeys();
        Plan.Builder plan = Plan.builder(NAME, target);
        PlannedStep.Builder patch = PlannedStep.builder(STEP_PATCH, keys.isEmpty() ? StepAction.NO_OP
                : StepAction.UPDATE_SETTING, "config");
        if (keys.isEmpty()) {
            patch.description("the patch changes nothing");
        } else {
            patch.description("PATCH /config: " + keys.size() + " key(s) change").disruptive(true);
            keys.forEach(key -> patch.change(key, diff.before(key), diff.after(key)));
        }
        plan.step(patch);
        List<ParameterChange> restartNeeded = diff.parameterChanges().stream().filter(ParameterChange::restartRequired).toList();
        if (!restartNeeded.isEmpty()) {
            plan.parameter("restart_required", String.join(",", restartNeeded.stream().map(ParameterChange::name).toList()));
            if (request.restartPending()) {
                plan.step(PlannedStep.builder(STEP_AWAIT_PENDING, StepAction.WAIT, "cluster")
                        .description("wait up to " + request.pendingTimeout() + " until every member reports pending_restart"
                                + " for " + restartNeeded.stream().map(ParameterChange::name).toList()));
                sequence.addSteps(plan, ops.cluster(), current, true);
            } else {
                plan.warning("parameters " + restartNeeded.stream().map(ParameterChange::name).toList()
                        + " need a restart: members will report pending_restart until a rolling restart");
            }
        }
        plan.warning("not validated server-side: Patroni has no configuration dry run");
        plan.stateFacts(stateFacts(ops.cluster()));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return stateFacts(ops.cluster());
    }

    /** The switchover facts plus the current values of the keys the patch touches. */
    private Map<String, String> stateFacts(ClusterStatus cluster) {
        Map<String, String> facts = new TreeMap<>(SwitchoverDefinition.stateFacts(cluster));
        ConfigDiff now = ConfigDiff.of(ops.config().toMap(), request.patchMap());
        diff.changedKeys().forEach(key -> facts.put("config." + key, String.valueOf(now.before(key))));
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.id()) {
            case STEP_PATCH -> {
                if (step.action() != StepAction.NO_OP) {
                    ops.patchConfig(request.patchMap());
                }
            }
            case STEP_AWAIT_PENDING -> awaitPending(context);
            default -> sequence.execute(step, context);
        }
    }

    private void awaitPending(StepContext context) {
        Waiter.<List<String>>builder()
                .poll(() -> ops.cluster().members().stream().filter(member -> !member.pendingRestart())
                        .map(ClusterMember::name).toList())
                .successWhen(List::isEmpty)
                .retryWhen(waiting -> true)
                .retryOnException(OpsClientException.class)
                .retryOnException(PatroniServiceException.class)
                .backoff(Backoff.fixed(java.time.Duration.ofMillis(500)))
                .timeout(request.pendingTimeout().compareTo(context.remaining()) < 0 ? request.pendingTimeout() : context.remaining())
                .description("every member reports pending_restart")
                .target(target)
                .observer(context.waitObserver())
                .build()
                .await();
    }

    @Override
    public Guard guard(String name) {
        Guard guard = sequence.guard(name);
        if (guard == null) {
            throw new OpsValidationException("configuration change has no guard named '" + name + "'");
        }
        return guard;
    }

    @Override
    public ClusterStatus result(OperationContext context) {
        return ops.cluster();
    }
}
