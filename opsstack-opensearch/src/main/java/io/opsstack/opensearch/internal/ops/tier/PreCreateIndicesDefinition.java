package io.opsstack.opensearch.internal.ops.tier;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.guard.Guard;
import io.opsstack.api.guard.NamedGuard;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.operation.StepContext;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.PlannedStep;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.internal.ops.ClusterOperationDefinition;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.OpenSearchServiceException;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.ops.PreCreateIndicesRequest;
import io.opsstack.opensearch.policy.IndexAge;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Creates the coming days' daily indices (the job of the old {@code pre_create_index.sh}). */
public final class PreCreateIndicesDefinition extends ClusterOperationDefinition<Void> {
    public static final String NAME = "opensearch-pre-create-indices";
    private static final String ABSENT = "<absent>";

    private final OpenSearchOps client;
    private final RestClient rest;
    private final PreCreateIndicesRequest request;

    public PreCreateIndicesDefinition(OpenSearchOps client, RestClient rest, PreCreateIndicesRequest request) {
        super(NAME, client);
        this.client = client;
        this.rest = rest;
        this.request = request;
    }


    @Override
    public Plan plan() {
        Instant now = request.asOf() != null ? request.asOf() : Instant.now();
        List<String> names = names(now);
        List<String> templatePatterns = request.template() == null ? List.of() : templatePatterns(request.template());
        Plan.Builder plan = Plan.builder(NAME, target())
                .parameter("name_patterns", String.join(",", request.namePatterns()))
                .parameter("days", Integer.toString(request.days()))
                .parameter("as_of", now.toString());
        if (request.template() != null) {
            plan.parameter("template", request.template());
        }
        for (String name : names) {
            if (request.template() != null && templatePatterns.stream().noneMatch(p -> globMatches(p, name))) {
                throw new OpsValidationException("index template '" + request.template() + "' does not apply to " + name
                        + ": its index patterns are " + templatePatterns, target());
            }
            if (client.indexExists(name)) {
                plan.step(PlannedStep.builder("exists/" + name, StepAction.NO_OP, name).description(name + " already exists"));
                continue;
            }
            plan.step(PlannedStep.builder("create/" + name, StepAction.EXEC, name)
                    .description("create " + name + (request.template() == null ? "" : " from template " + request.template())
                            + (request.settings().isEmpty() ? "" : " with settings " + new TreeMap<>(request.settings())))
                    .guard(ClusterGuards.CLUSTER_NOT_RED));
        }
        plan.stateFacts(facts(names));
        return PlanExecutor.evaluateGuards(this, plan.build());
    }

    @Override
    public Map<String, String> currentStateFacts() {
        return facts(names(request.asOf() != null ? request.asOf() : Instant.now()));
    }

    @Override
    public void execute(PlannedStep step, StepContext context) {
        if (step.action() != StepAction.EXEC) {
            return;
        }
        try {
            client.createIndex(step.target(), request.settings().isEmpty() ? null
                    : Json.write(Map.of("settings", request.settings())));
        } catch (OpenSearchServiceException e) {
            // a writer (or an earlier, interrupted run) created it first: the goal is reached
            if (!"resource_already_exists_exception".equals(e.errorType())) {
                throw e;
            }
        }
    }

    @Override
    public Guard guard(String name) {
        if (ClusterGuards.CLUSTER_NOT_RED.equals(name)) {
            return new NamedGuard(name, (step, context) -> ClusterGuards.notRed(client));
        }
        throw new OpsValidationException("pre-creating indices has no guard named '" + name + "'");
    }

    private List<String> names(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> names = new ArrayList<>();
        for (String pattern : request.namePatterns()) {
            IndexAge.NameDates dates = IndexAge.fromName(pattern).nameDates();
            for (int day = 1; day <= request.days(); day++) {
                names.add(dates.nameFor(today.plusDays(day)));
            }
        }
        return names;
    }

    private Map<String, String> facts(List<String> names) {
        Map<String, String> facts = new TreeMap<>();
        for (String name : names) {
            facts.put("index." + name, client.indexExists(name) ? "exists" : ABSENT);
        }
        return facts;
    }

    private List<String> templatePatterns(String template) {
        HttpResponse response = rest.send(HttpRequest.get("/_index_template/" + template).allowStatus(404).build());
        if (response.statusCode() == 404) {
            throw new OpsValidationException("index template '" + template + "' does not exist", target());
        }
        List<String> patterns = new ArrayList<>();
        JsonNode root = Json.parse(response.bodyAsString(), "GET _index_template/" + template);
        for (JsonNode entry : root.path("index_templates")) {
            entry.path("index_template").path("index_patterns").forEach(p -> patterns.add(p.asText()));
        }
        return patterns;
    }

    private static boolean globMatches(String pattern, String name) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(name));
    }
}
