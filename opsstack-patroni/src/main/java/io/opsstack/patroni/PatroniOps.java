package io.opsstack.patroni;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.http.Timeouts;
import io.opsstack.api.http.TlsOptions;
import io.opsstack.patroni.internal.ConfigMaps;
import io.opsstack.patroni.internal.PatroniCalls;
import io.opsstack.patroni.internal.PatroniRest;
import io.opsstack.patroni.model.ActionResult;
import io.opsstack.patroni.model.ClusterMember;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.HistoryEntry;
import io.opsstack.patroni.model.SwitchoverRequest;

/**
 * Typed client for one Patroni cluster's REST API (Patroni 3.x and 4.x, normalised). Cluster-wide
 * reads go to any configured member (retried on connect errors and 502/503/504 with the next
 * member); member-specific calls go through {@link #member(String)} / {@link #member(URI)}.
 * POST, PATCH and DELETE calls are never retried: a switchover or restart must not run twice.
 *
 * <p>Credentials are sent with every request; Patroni checks them for unsafe methods only (GETs are
 * never authenticated). Rejected credentials raise {@link io.opsstack.api.error.OpsAuthException};
 * other refusals raise {@link PatroniServiceException} with Patroni's own reason.
 *
 * <pre>{@code
 * try (PatroniOps patroni = PatroniOps.builder().endpoints("https://pg-1:8008", "https://pg-2:8008")
 *         .credentials(Credentials.basic("patroni", Secret.fromEnv("PATRONI_PASSWORD"))).build()) {
 *     ClusterView view = patroni.clusterView();
 *     String leader = view.leader().orElseThrow().name();
 *     patroni.switchover(SwitchoverRequest.of(leader, "pg-2"));
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one per cluster, share it, and {@link #close()} it when done.
 */
public final class PatroniOps implements AutoCloseable {
    private final PatroniRest rest;
    private final PatroniCalls anyMember;

    private PatroniOps(HttpClientOptions options) {
        this.rest = new PatroniRest(options);
        this.anyMember = new PatroniCalls(rest, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plain-HTTP access without credentials, e.g. {@code connect("http://127.0.0.1:8008", "http://127.0.0.1:8009")}. */
    public static PatroniOps connect(String... endpoints) {
        return builder().endpoints(endpoints).build();
    }

    /**
     * From a script map, e.g. {@code [endpoints: ['https://pg-1:8008'], user: 'patroni', password_env: 'PATRONI_PW',
     * ca_cert: '/etc/patroni/ca.pem']}. Keys: {@code endpoints} (list or comma text); {@code user}, {@code password}
     * or {@code password_env}; TLS {@code ca_cert}, {@code client_cert}, {@code client_key},
     * {@code hostname_verification}, {@code insecure}; {@code connect_timeout}, {@code response_timeout}
     * (e.g. {@code "30s"}); the nested maps {@code credentials}, {@code tls}, {@code timeouts}, {@code retry},
     * {@code circuit_breaker}, {@code headers}; {@code user_agent}, {@code max_connections}. Unknown keys are rejected.
     */
    public static PatroniOps fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        return new PatroniOps(ConfigMaps.toHttpOptions(map));
    }

    /** The HTTP options this client was built with (secrets stay masked in its {@code toString()}). */
    public HttpClientOptions options() {
        return rest.options();
    }

    /** The configured member endpoints. */
    public List<URI> endpoints() {
        return rest.options().endpoints();
    }

    /** A view of the member at this REST base URI (need not be a configured endpoint). */
    public PatroniMember member(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return new PatroniMember(rest, rest.endpointFor(endpoint.toString()));
    }

    /** A view of the member called {@code name}, located through {@code /cluster} (its {@code api_url}). */
    public PatroniMember member(String name) {
        Objects.requireNonNull(name, "name");
        ClusterStatus cluster = cluster();
        ClusterMember member = cluster.member(name).orElseThrow(() -> new OpsValidationException("cluster "
                + cluster.scope() + " has no member '" + name + "'; members: "
                + cluster.members().stream().map(ClusterMember::name).toList()));
        return viewOf(member);
    }

    /** Views of every member that {@code /cluster} lists with a REST URL. */
    public List<PatroniMember> members() {
        List<PatroniMember> members = new ArrayList<>();
        for (ClusterMember member : cluster().members()) {
            if (member.apiUrl() != null) {
                members.add(viewOf(member));
            }
        }
        return List.copyOf(members);
    }

    /** The current leader (or standby leader); fails when the cluster has none. */
    public PatroniMember leader() {
        ClusterView view = clusterView();
        return viewOf(view.leader().orElseThrow(() -> new OpsException("cluster " + view.status().scope()
                + " has no leader: " + String.join("; ", view.problems()))));
    }

    /** {@code GET /cluster} from any member, with the scope filled in on Patroni 3.x. */
    public ClusterStatus cluster() {
        return anyMember.cluster();
    }

    /** {@link #cluster()} with leader, replicas and convergence checks. */
    public ClusterView clusterView() {
        return ClusterView.of(cluster());
    }

    /** {@code GET /history}: the timeline switches. */
    public List<HistoryEntry> history() {
        return anyMember.history();
    }

    /**
     * {@code GET /config}: the dynamic configuration in the DCS, as the answering member last read
     * it; a change written through another member shows up within a {@code loop_wait} or two.
     */
    public DynamicConfig config() {
        return anyMember.config();
    }

    /**
     * {@code PATCH /config}: a JSON merge patch of the dynamic configuration; a {@code null} value
     * removes the key (e.g. {@code postgresql → parameters → work_mem → null}). Returns the whole
     * configuration after the change. Parameters that need a restart show up as
     * {@code pending_restart} on the members within a loop or two. Not retried (409 on a concurrent change).
     */
    public DynamicConfig patchConfig(Map<String, ?> patch) {
        return anyMember.patchConfig(patch);
    }

    /** {@code PUT /config}: replaces the whole dynamic configuration (retried: writing it again changes nothing). */
    public DynamicConfig putConfig(Map<String, ?> config) {
        return anyMember.putConfig(config);
    }

    /**
     * {@code POST /switchover}, sent to the current leader. A 200 ({@code Successfully switched over
     * to "X"}) means only that the DCS names a new leader: the old primary is still stopping or
     * restarting as a replica and the new one may still be read-only for a moment, so it is <b>not</b>
     * "converged" — wait with {@link #clusterView()} until {@link ClusterView#isConverged(String)}.
     * A 200 may also say {@code Switched over to "Y" instead of "X"}. A 503
     * {@link PatroniErrorKind#STATUS_UNKNOWN} means Patroni stopped waiting while the switchover may
     * still complete (keep watching); 503 {@link PatroniErrorKind#OPERATION_FAILED} means the leader
     * refused (e.g. candidate lag above {@code maximum_lag_on_failover}); 412
     * {@link PatroniErrorKind#PRECONDITION_FAILED} that leader or candidate do not fit. With
     * {@code scheduledAt} the answer is 202 and nothing happens until then. Never retried.
     */
    public ActionResult switchover(SwitchoverRequest request) {
        Objects.requireNonNull(request, "request");
        return leader().switchover(request);
    }

    /**
     * {@code POST /failover} to {@code candidate}: allowed without a healthy leader (then lag and
     * timeline checks are skipped), so prefer {@link #switchover} for planned changes. Sent to the
     * leader, or to the candidate when the cluster has none. Same answers as a switchover. Never retried.
     */
    public ActionResult failover(String candidate) {
        ClusterView view = clusterView();
        PatroniMember target = view.leader().map(this::viewOf).orElseGet(() -> member(candidate));
        return target.failover(candidate);
    }

    /** {@code DELETE /switchover}: cancels a scheduled switchover (404 {@link PatroniErrorKind#NOT_FOUND} if none). */
    public ActionResult cancelScheduledSwitchover() {
        return anyMember.cancelScheduledSwitchover();
    }

    /** Closes pooled connections; member views stop working. Idempotent. */
    @Override
    public void close() {
        rest.close();
    }

    @Override
    public String toString() {
        return "PatroniOps[" + endpoints() + "]";
    }

    private PatroniMember viewOf(ClusterMember member) {
        if (member.apiUrl() == null) {
            throw new OpsException("member " + member.name() + " publishes no REST URL");
        }
        return new PatroniMember(rest, rest.endpointFor(member.apiUrl()));
    }

    /** Not thread-safe. */
    public static final class Builder {
        private final HttpClientOptions.Builder http = HttpClientOptions.builder().serviceName(ConfigMaps.SERVICE_NAME);

        private Builder() {
        }

        /** REST base URIs of the members, e.g. {@code "https://pg-1:8008"}. */
        public Builder endpoints(String... endpoints) {
            http.endpoints(endpoints);
            return this;
        }

        public Builder endpoints(List<URI> endpoints) {
            http.endpoints(endpoints);
            return this;
        }

        /** Usually {@code Credentials.basic(user, password)} as in {@code restapi.authentication}. */
        public Builder credentials(Credentials credentials) {
            http.credentials(credentials);
            return this;
        }

        /** Custom CA, client certificate for {@code verify_client}, hostname verification. */
        public Builder tls(TlsOptions tls) {
            http.tls(tls);
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            http.timeouts(timeouts);
            return this;
        }

        /** Applies to reads and {@code PUT /config} only. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            http.retryPolicy(retryPolicy);
            return this;
        }

        public Builder circuitBreakerPolicy(CircuitBreakerPolicy circuitBreakerPolicy) {
            http.circuitBreakerPolicy(circuitBreakerPolicy);
            return this;
        }

        public PatroniOps build() {
            return new PatroniOps(http.build());
        }
    }
}
