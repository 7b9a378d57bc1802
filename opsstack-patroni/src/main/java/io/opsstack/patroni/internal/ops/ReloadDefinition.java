package io.opsstack.patroni.internal.ops;

import java.util.Map;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
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

/**
 * {@code POST /reload} on every member: Patroni re-reads its local configuration (e.g. changed
 * tags) and reloads PostgreSQL in its next HA loop.
 */
public final class ReloadDefinition implements OperationDefinition<ClusterStatus> {
    public static final String NAME = "patroni-reload";

    private final PatroniOps ops;
    private final String target;

    public ReloadDefinition(PatroniOps ops) {
        this.ops = ops;
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
        Plan.Builder plan = Plan.builder(NAME, target);
        for (ClusterMember member : cluster.members()) {
            plan.step(PlannedStep.builder("reload-" + member.name(), StepAction.EXEC, member.name())
                    .description("POST /reload on " + member.name() + " (applied in its next HA loop)"));
        }
        plan.stateFacts(SwitchoverDefinition.stateFacts(cluster));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return SwitchoverDefinition.stateFacts(ops.cluster());
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        ops.member(step.target()).reload();
    }

    @Override
    public Guard guard(String name) {
        throw new OpsValidationException("reload has no guard named '" + name + "'");
    }

    @Override
    public ClusterStatus result(OperationContext context) {
        return ops.cluster();
    }
}
