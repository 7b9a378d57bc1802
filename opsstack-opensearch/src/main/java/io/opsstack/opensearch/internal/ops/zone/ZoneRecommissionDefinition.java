package io.opsstack.opensearch.internal.ops.zone;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.model.allocation.DecommissionStatus;
import java.util.Map;
import java.util.TreeMap;

/** Recommission: delete the decommission (the server clears its voting exclusions), then the weights. */
public final class ZoneRecommissionDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-zone-recommission";

    private final OpenSearchOps client;
    private final String attribute;

    public ZoneRecommissionDefinition(OpenSearchOps client, String attribute) {
        super(NAME, client);
        if (attribute == null || attribute.isBlank()) {
            throw new OpsValidationException("recommission needs the awareness attribute");
        }
        this.client = client;
        this.attribute = attribute;
    }

    @Override
    public Plan plan() {
        DecommissionStatus status = client.allocation().decommissionStatus(attribute);
        if (DecommissionStatus.NONE.equals(status.state()) && !hasWeightedRouting()) {
            // the server's delete drops any decommission, so a mistyped attribute must not get that far
            throw new OpsValidationException("nothing to recommission: attribute '" + attribute
                    + "' has neither a decommission nor weighted routing", target());
        }
        Plan.Builder plan = Plan.builder(NAME, target()).parameter("attribute", attribute);
        plan.step(PlannedStep.builder("delete-decommission", StepAction.INCLUDE, String.valueOf(status.value()))
                .description("delete the decommission of " + attribute + "=" + status.value() + " (" + status.state() + ")")
                .disruptive(true));
        plan.step(PlannedStep.builder("reset-weights", StepAction.UPDATE_SETTING, attribute)
                .description("delete the weighted routing of " + attribute));
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    private boolean hasWeightedRouting() {
        try {
            return !client.allocation().awarenessWeights(attribute).weights().isEmpty();
        } catch (OpsServiceException e) {
            if (e.statusCode() == 400) {
                return false; // the server's answer for an attribute that is not an awareness attribute
            }
            throw e;
        }
    }

    @Override
    public Map<String, String> currentStateFacts() {
        Map<String, String> facts = new TreeMap<>();
        DecommissionStatus status = client.allocation().decommissionStatus(attribute);
        facts.put("decommission", status.value() + ":" + status.state());
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.id()) {
            case "delete-decommission" -> client.allocation().deleteDecommission();
            case "reset-weights" -> client.allocation().deleteAwarenessWeights(attribute);
            default -> throw new IllegalStateException("recommission has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        throw new OpsValidationException("recommission has no guard named '" + name + "'");
    }
}
