package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Closes or opens indices by age (the job of the old {@code open_closed_index.sh}). */
public final class IndexOpenCloseDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-index-open-close";

    private final OpenSearchOps client;
    private final RestClient rest;
    private final IndexOpenCloseRequest request;

    public IndexOpenCloseDefinition(OpenSearchOps client, RestClient rest, IndexOpenCloseRequest request) {
        super(NAME, client);
        this.client = client;
        this.rest = rest;
        this.request = request;
    }


    @Override
    public Plan plan() {
        Instant now = now();
        AgedIndices selected = AgedIndices.select(client, request.indices(), request.age(), now);
        String verb = request.action() == Action.CLOSE ? "close" : "open";
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("action", verb)
                .parameter("indices", String.join(",", request.indices()))
                .parameter("age_from", request.age().text())
                .parameter("min_age", request.minAge().toString())
                .parameter("max_age", request.maxAge() == null ? "none" : request.maxAge().toString())
                .parameter("as_of", now.toString());
        selected.skipped().forEach(name -> plan.warning("skipped " + name + ": its age is unknown"));
        int changes = 0;
        for (AgedIndices.AgedIndex index : selected.indices()) {
            if (!inRange(index.age())) {
                continue;
            }
            String label = index.name() + " (age " + TierRunPlan.readable(index.age()) + ")";
            boolean done = request.action() == Action.CLOSE ? !index.open() : index.open();
            if (done) {
                plan.step(PlannedStep.builder("noop/" + index.name(), StepAction.NO_OP, index.name())
                        .description(label + " is already " + (request.action() == Action.CLOSE ? "closed" : "open")));
                continue;
            }
            plan.step(PlannedStep.builder(verb + "/" + index.name(), StepAction.EXEC, index.name())
                    .description(verb + " " + label)
                    .disruptive(request.action() == Action.CLOSE)
                    .change("status", index.row().status(), verb)
                    .guard(ClusterGuards.CLUSTER_NOT_RED));
            changes++;
        }
        if (changes == 0) {
            plan.warning("no index of " + request.indices() + " in the age range needs to " + verb);
        }
        plan.stateFacts(facts(selected));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return facts(AgedIndices.select(client, request.indices(), request.age(), now()));
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (step.id().startsWith("close/")) {
            IndexCommands.close(client, rest, step.target(), context, target());
        } else if (step.id().startsWith("open/")) {
            IndexCommands.open(client, rest, step.target(), context, target());
        }
    }

    @Override
    public Guard guard(String name) {
        if (ClusterGuards.CLUSTER_NOT_RED.equals(name)) {
            return new NamedGuard(name, (step, context) -> ClusterGuards.notRed(client));
        }
        throw new OpsValidationException("open/close has no guard named '" + name + "'");
    }

    private Instant now() {
        return request.asOf() != null ? request.asOf() : Instant.now();
    }

    private boolean inRange(Duration age) {
        return age.compareTo(request.minAge()) >= 0 && (request.maxAge() == null || age.compareTo(request.maxAge()) < 0);
    }

    private Map<String, String> facts(AgedIndices selected) {
        Map<String, String> facts = new TreeMap<>();
        for (AgedIndices.AgedIndex index : selected.indices()) {
            if (inRange(index.age())) {
                facts.put("index." + index.name() + ".status", index.row().status());
            }
        }
        return facts;
    }
}
