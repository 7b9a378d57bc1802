package io.opsstack.patroni.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.internal.json.Json;
import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.api.metrics.PrometheusTextParser;
import io.opsstack.patroni.model.ActionResult;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.HealthCheck;
import io.opsstack.patroni.model.HealthResult;
import io.opsstack.patroni.model.HistoryEntry;
import io.opsstack.patroni.model.MemberStatus;
import io.opsstack.patroni.model.RestartRequest;
import io.opsstack.patroni.model.SwitchoverRequest;

/**
 * Every Patroni REST call, sent either to one pinned member or (when {@code endpoint} is null) to
 * whichever configured member answers. Reads are retried by the transport; POST, PATCH and DELETE
 * never are. Thread-safe.
 */
public final class PatroniCalls {
    /**
     * Patroni answers a switchover after polling the DCS each second for up to
     * {@code 2 * max(10, loop_wait)} s; this covers loop_wait up to 40 s.
     */
    public static final Duration SWITCHOVER_TIMEOUT = Duration.ofSeconds(90);
    /** A restart without its own timeout waits up to {@code primary_start_timeout} (default 300 s). */
    public static final Duration RESTART_TIMEOUT = Duration.ofSeconds(330);
    private static final Duration RESTART_MARGIN = Duration.ofSeconds(30);
    private static final PrometheusTextParser METRICS = PrometheusTextParser.create();

    private final PatroniRest rest;
    private final URI endpoint;

    public PatroniCalls(PatroniRest rest, URI endpoint) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.endpoint = endpoint;
    }

    public MemberStatus status() {
        HttpResponse response = send(get("/patroni"));
        return withName(Responses.memberStatus(response.bodyAsString()), response.endpoint());
    }

    public HealthResult health(HealthCheck check, String lag, Map<String, String> tags) {
        Objects.requireNonNull(check, "check");
        HttpRequest.Builder request = get(check.path()).allowStatus(503);
        if ((lag != null || (tags != null && !tags.isEmpty())) && !check.filterable()) {
            throw new OpsValidationException(check + " takes no lag or tag filters");
        }
        if (lag != null) {
            request.query("lag", lag);
        }
        if (tags != null) {
            tags.forEach((name, value) -> request.query("tag_" + name, value));
        }
        HttpResponse response = send(request);
        MemberStatus status = check.hasBody() ? Responses.memberStatusOrNull(response.bodyAsString()) : null;
        return new HealthResult(check, response.endpoint().toString(), response.statusCode(),
                status == null ? null : withName(status, response.endpoint()));
    }

    public ClusterStatus cluster() {
        HttpResponse response = send(get("/cluster"));
        ClusterStatus cluster = Responses.cluster(response.bodyAsString());
        for (ClusterMember member : cluster.members()) {
            if (member.apiUrl() != null) {
                rest.rememberMember(rest.endpointFor(member.apiUrl()), member.name());
            }
        }
        if (cluster.scope() != null) {
            rest.rememberScope(cluster.scope());
            return cluster;
        }
        if (rest.knownScope() == null) {
            // 3.x: /cluster has no scope; the member that answered names it in /patroni
            HttpResponse status = send(HttpRequest.get("/patroni").endpoint(response.endpoint()));
            rest.rememberScope(Responses.memberStatus(status.bodyAsString()).scope());
        }
        return cluster.withScope(rest.knownScope());
    }

    public List<HistoryEntry> history() {
        return Responses.history(send(get("/history")).bodyAsString());
    }

    public DynamicConfig config() {
        return Responses.config(send(get("/config")).bodyAsString());
    }

    public MetricsPage metrics() {
        return METRICS.parse(send(get("/metrics")).bodyAsString());
    }

    public DynamicConfig patchConfig(Map<String, ?> patch) {
        return Responses.config(send(json("PATCH", "/config", nonEmpty(patch, "config patch"))).bodyAsString());
    }

    public DynamicConfig putConfig(Map<String, ?> config) {
        // the same full configuration written twice has the same effect, so the transport may retry it
        HttpRequest.Builder request = json("PUT", "/config", nonEmpty(config, "configuration")).idempotent(true);
        return Responses.config(send(request).bodyAsString());
    }

    public ActionResult switchover(SwitchoverRequest request) {
        Objects.requireNonNull(request, "request");
        return action(json("POST", "/switchover", request.toBody()).timeout(SWITCHOVER_TIMEOUT));
    }

    public ActionResult failover(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            throw new OpsValidationException("a failover needs a candidate");
        }
        return action(json("POST", "/failover", Map.of("candidate", candidate)).timeout(SWITCHOVER_TIMEOUT));
    }

    public ActionResult cancelScheduledSwitchover() {
        return action(HttpRequest.delete("/switchover"));
    }

    public ActionResult restart(RestartRequest request) {
        Objects.requireNonNull(request, "request");
        Duration timeout = request.timeout() == null ? RESTART_TIMEOUT : request.timeout().plus(RESTART_MARGIN);
        return action(json("POST", "/restart", request.toBody()).timeout(timeout));
    }

    public ActionResult cancelScheduledRestart() {
        return action(HttpRequest.delete("/restart"));
    }

    public ActionResult reload() {
        return action(HttpRequest.post("/reload"));
    }

    public ActionResult reinitialize(boolean force) {
        return action(json("POST", "/reinitialize", force ? Map.of("force", true) : Map.of()));
    }

    private MemberStatus withName(MemberStatus status, URI answered) {
        if (status.name() != null) {
            rest.rememberMember(answered, status.name());
            return status;
        }
        String name = rest.knownMember(answered);
        if (name == null) {
            // 3.x: /patroni has no member name; the member's own /cluster lists it under its api_url
            new PatroniCalls(rest, answered).cluster();
            name = rest.knownMember(answered);
        }
        return name == null ? status : status.withName(name);
    }

    private ActionResult action(HttpRequest.Builder request) {
        HttpResponse response = send(request);
        return new ActionResult(response.statusCode(), ServerText.message(response.bodyAsString()),
                response.endpoint().toString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.get(path);
    }

    /** Always with a body: Patroni needs a Content-Length (411 otherwise) and a JSON object. */
    private static HttpRequest.Builder json(String method, String path, Map<String, ?> body) {
        return HttpRequest.builder().method(method).path(path).body(Json.compact(body));
    }

    private static Map<String, ?> nonEmpty(Map<String, ?> map, String what) {
        if (map == null || map.isEmpty()) {
            throw new OpsValidationException("the " + what + " must not be empty (Patroni answers 400)");
        }
        return map;
    }

    private HttpResponse send(HttpRequest.Builder request) {
        if (endpoint != null) {
            request.endpoint(endpoint);
        }
        return rest.send(request.build());
    }
}
