package io.opsstack.patroni.internal.ops;

import java.util.Map;
import java.util.TreeMap;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.operation.OperationContext;
import io.opsstack.api.operation.OperationDefinition;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.patroni.PatroniOps;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.ops.RollingRestartRequest;

/** A replicas-first rolling restart of the members that need it; see {@link RestartSequence} for the order. */
public final class RollingRestartDefinition implements OperationDefinition<ClusterStatus> {
    public static final String NAME = "patroni-rolling-restart";

    private final PatroniOps ops;
    private final RollingRestartRequest request;
    private final String target;
    private final RestartSequence sequence;

    public RollingRestartDefinition(PatroniOps ops, RollingRestartRequest request) {
        this.ops = ops;
        this.request = request;
        this.target = Targets.of(ops);
        this.sequence = new RestartSequence(ops, target, request);
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
        Plan.Builder plan = Plan.builder(NAME, target)
                .parameter("force", Boolean.toString(request.force()))
                .parameter("primary_strategy", request.primaryStrategy().name());
        cluster.leader().ifPresent(leader -> plan.parameter("leader", leader.name()));
        sequence.addSteps(plan, cluster, ops.config(), false);
        plan.warning("not validated server-side: Patroni has no restart dry run");
        plan.stateFacts(stateFacts(cluster));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return stateFacts(ops.cluster());
    }

    /** The switchover facts plus which members report {@code pending_restart}. */
    private static Map<String, String> stateFacts(ClusterStatus cluster) {
        Map<String, String> facts = new TreeMap<>(SwitchoverDefinition.stateFacts(cluster));
        facts.put("pending_restart", String.join(",", cluster.members().stream().filter(ClusterMember::pendingRestart)
                .map(ClusterMember::name).sorted().toList()));
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        sequence.execute(step, context);
    }

    @Override
    public Guard guard(String name) {
        Guard guard = sequence.guard(name);
        if (guard == null) {
            throw new OpsValidationException("rolling restart has no guard named '" + name + "'");
        }
        return guard;
    }

    @Override
    public ClusterStatus result(OperationContext context) {
        return ops.cluster();
    }
}
