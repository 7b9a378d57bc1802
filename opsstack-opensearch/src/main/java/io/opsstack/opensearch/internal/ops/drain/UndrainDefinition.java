package io.opsstack.opensearch.internal.ops.drain;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.allocation.ExclusionList;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.allocation.VotingExclusion;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes a drained node back: removes it from {@code exclude._name} (other entries kept) and clears its
 * voting exclusion, so shards and votes may return to it.
 */
public final class UndrainDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-undrain";
    static final String GUARD_NO_FOREIGN_VOTING = "no-foreign-voting-exclusions";

    private final OpenSearchOps client;
    private final String node;

    public UndrainDefinition(OpenSearchOps client, String node) {
        super(NAME, client);
        if (node == null || node.isBlank()) {
            throw new OpsValidationException("undrain needs a node name");
        }
        this.client = client;
        this.node = node;
    }

    @Override
    public Plan plan() {
        ClusterSettings settings = client.clusterSettings(false);
        boolean excluded = ExclusionList.entries(settings).contains(node);
        boolean voting = votingExcluded();
        if (!excluded && !voting && client.nodes().stream().map(NodeInfo::name).noneMatch(node::equals)) {
            throw new OpsValidationException("unknown node '" + node + "': it is neither a member nor excluded", target());
        }
        Plan.Builder plan = Plan.builder(NAME, target()).parameter("node", node);
        if (excluded) {
            plan.step(PlannedStep.builder("remove-exclusion", StepAction.INCLUDE, node)
                    .description("remove " + node + " from " + ExclusionList.KEY + " (other entries kept)")
                    .disruptive(true)
                    .change(ExclusionList.KEY, ExclusionList.raw(settings), ExclusionList.withoutNode(settings, node)));
        }
        if (voting) {
            plan.step(PlannedStep.builder("clear-voting-exclusion", StepAction.INCLUDE, node)
                    .description("clear the voting exclusion of " + node).guard(GUARD_NO_FOREIGN_VOTING));
        }
        if (!excluded && !voting) {
            plan.step(PlannedStep.builder("noop", StepAction.NO_OP, node).description(node + " is not excluded"));
        }
        plan.stateFacts(currentStateFacts());
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        Map<String, String> facts = new TreeMap<>();
        String raw = ExclusionList.raw(client.clusterSettings(false));
        facts.put(ExclusionList.KEY, raw == null ? "<unset>" : raw);
        return facts;
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        switch (step.id()) {
            case "remove-exclusion" -> new ExclusionList(client).remove(node);
            case "clear-voting-exclusion" -> client.allocation().clearVotingExclusions(false);
            case "noop" -> { }
            default -> throw new IllegalStateException("undrain has no step " + step.id());
        }
    }

    @Override
    public Guard guard(String name) {
        if (!GUARD_NO_FOREIGN_VOTING.equals(name)) {
            throw new OpsValidationException("undrain has no guard named '" + name + "'");
        }
        return new NamedGuard(name, (step, context) -> {
            List<String> foreign = client.allocation().votingExclusions().stream().map(VotingExclusion::nodeName)
                    .filter(n -> !n.equals(node)).toList();
            return foreign.isEmpty() ? GuardResult.pass("only " + node + " is excluded from voting")
                    : GuardResult.fail("other nodes are excluded from voting too " + foreign
                            + "; clearing would undo someone else's maintenance");
        });
    }

    private boolean votingExcluded() {
        return client.allocation().votingExclusions().stream().anyMatch(e -> e.nodeName().equals(node));
    }
}
