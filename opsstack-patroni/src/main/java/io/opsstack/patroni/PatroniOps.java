package io.opsstack.patroni;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.ClientBuilder;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.internal.http.FlatOptionMaps;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.patroni.internal.ops.ConfigChangeDefinition;
import io.opsstack.patroni.internal.ops.FailoverDefinition;
import io.opsstack.patroni.internal.ops.MaintenanceDefinition;
import io.opsstack.patroni.internal.ops.ReinitializeDefinition;
import io.opsstack.patroni.internal.ops.ReloadDefinition;
import io.opsstack.patroni.internal.ops.RollingRestartDefinition;
import io.opsstack.patroni.internal.ops.StandbyAttachDefinition;
import io.opsstack.patroni.internal.ops.StandbyPromoteDefinition;
import io.opsstack.patroni.internal.ops.StandbyReads;
import io.opsstack.patroni.internal.ops.SwitchoverDefinition;
import io.opsstack.patroni.ops.ConfigChangeRequest;
import io.opsstack.patroni.ops.FailoverPlanRequest;
import io.opsstack.patroni.ops.RollingRestartRequest;
import io.opsstack.patroni.ops.StandbyAttachRequest;
import io.opsstack.patroni.ops.StandbyClusterStatus;
import io.opsstack.patroni.ops.StandbyPromoteRequest;
import io.opsstack.patroni.ops.SwitchoverPlanRequest;
import io.opsstack.patroni.ops.SwitchoverResult;
import io.opsstack.patroni.ops.TransactionAgeCheck;
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
 * <p>Planned operations ({@link #plannedSwitchover}, {@link #plannedFailover}, {@link #rollingRestart},
 * {@link #configChange}, {@link #pause()}, {@link #resume()}, {@link #reloadAll()}, {@link #reinitialize},
 * {@link #promoteStandbyCluster}, {@link #attachAsStandby}) return an {@code Operation}: {@code plan()}
 * reads only, {@code apply(plan, options)} runs the steps behind named guards with events, a journal
 * and a lease. They poll through a second client on the same options whose per-member circuit
 * breaker tolerates restarting members, and their waits retry failed polls until their own deadline.
 *
 * <p>Thread-safe; create one per cluster, share it, and {@link #close()} it when done.
 */
public final class PatroniOps implements AutoCloseable {
    private static final String SERVICE_NAME = "patroni";
    /**
     * A restarting member refuses connections for a few seconds; operations poll through a breaker
     * that opens only after many failures and probes again after a short pause, so a member is
     * seen again soon after it is back.
     */
    private static final CircuitBreakerPolicy RESTART_TOLERANT_BREAKER = CircuitBreakerPolicy.builder()
            .minimumCalls(20).windowSize(40).openDuration(Duration.ofSeconds(2)).build();

    private final PatroniRest rest;
    private final PatroniCalls anyMember;
    private static final Duration MAINTENANCE_WAIT = Duration.ofMinutes(1);

    private PatroniOps operationsClient;

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
        return new PatroniOps(FlatOptionMaps.toHttpOptions(map, SERVICE_NAME));
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

    // ---- planned operations -------------------------------------------------------------------

    /**
     * A switchover as a planned operation. {@code plan()} names the candidate (the caller's, or the
     * least lagged eligible replica) and evaluates the guards {@code leader-healthy},
     * {@code candidate-exists}, {@code candidate-running}, {@code candidate-streaming},
     * {@code candidate-not-nofailover}, {@code candidate-lag-within-limit} (the cluster's
     * {@code maximum_lag_on_failover} or the request's stricter limit) and
     * {@code synchronous-mode-candidate}; {@code apply} checks them again, sends one
     * {@code POST /switchover} (never retried; "status unknown" hands over to the wait) and waits
     * for convergence under the candidate. The old primary is restarted by Patroni as a replica.
     */
    public Operation<SwitchoverResult> plannedSwitchover(SwitchoverPlanRequest request) {
        return plannedSwitchover(request, null);
    }

    /**
     * {@link #plannedSwitchover(SwitchoverPlanRequest)} with the {@code no-long-transactions} guard,
     * evaluated with {@code transactionCheck} against the request's {@code maxTransactionAge}.
     *
     * @param transactionCheck null to skip that guard
     */
    public Operation<SwitchoverResult> plannedSwitchover(SwitchoverPlanRequest request,
                                                         TransactionAgeCheck transactionCheck) {
        Objects.requireNonNull(request, "request");
        return PlanExecutor.operation(new SwitchoverDefinition(operationsClient(), request, transactionCheck));
    }

    /** {@link #plannedSwitchover(SwitchoverPlanRequest)} configured from a map (see {@link SwitchoverPlanRequest#fromMap}). */
    public Operation<SwitchoverResult> plannedSwitchover(Map<String, ?> request) {
        return plannedSwitchover(SwitchoverPlanRequest.fromMap(request));
    }

    /**
     * A failover to a named candidate as a planned operation: guards {@code no-healthy-leader-needs-opt-in},
     * {@code candidate-exists}, {@code candidate-running}, {@code candidate-not-nofailover}; one
     * {@code POST /failover} (never retried); a convergence wait under the candidate.
     */
    public Operation<SwitchoverResult> plannedFailover(FailoverPlanRequest request) {
        Objects.requireNonNull(request, "request");
        return PlanExecutor.operation(new FailoverDefinition(operationsClient(), request));
    }

    /**
     * A replicas-first rolling restart as a planned operation: each replica that needs it (most
     * lagged first; all with {@code force}) is restarted and awaited until it streams with lag 0;
     * then the primary by switchover (its follow-up {@code restart_pending} restart is a no-op when
     * the demotion applied everything) or in place; finally no member may report
     * {@code pending_restart}. Lowering a hot-standby-sensitive parameter (see
     * {@link RollingRestartRequest#parameterChanges()}) restarts the primary first. The result is the
     * cluster as last read. Resume an interrupted run by applying the same plan (or the same
     * {@code operationId}) again: completed steps are skipped.
     */
    public Operation<ClusterStatus> rollingRestart(RollingRestartRequest request) {
        Objects.requireNonNull(request, "request");
        return PlanExecutor.operation(new RollingRestartDefinition(operationsClient(), request));
    }

    /** {@link #rollingRestart(RollingRestartRequest)} configured from a map (see {@link RollingRestartRequest#fromMap}). */
    public Operation<ClusterStatus> rollingRestart(Map<String, ?> request) {
        return rollingRestart(RollingRestartRequest.fromMap(request));
    }

    /**
     * A dynamic configuration change ({@code PATCH /config}) as a planned operation. The plan shows
     * every changed key before and after and names the parameters that need a restart; with
     * {@link ConfigChangeRequest#restartPending()} it then waits until the members report
     * {@code pending_restart} and chains a rolling restart ordered for the change (lowering a
     * hot-standby-sensitive parameter restarts the primary first).
     */
    public Operation<ClusterStatus> configChange(ConfigChangeRequest request) {
        Objects.requireNonNull(request, "request");
        return PlanExecutor.operation(new ConfigChangeDefinition(operationsClient(), request));
    }

    /** Maintenance mode on, waiting up to a minute until every member reports it. */
    public Operation<ClusterStatus> pause() {
        return pause(MAINTENANCE_WAIT);
    }

    /** Maintenance mode on, waiting up to {@code timeout} until every member reports it. */
    public Operation<ClusterStatus> pause(Duration timeout) {
        return PlanExecutor.operation(new MaintenanceDefinition(operationsClient(), true, positive(timeout)));
    }

    /** Maintenance mode off, waiting up to a minute until every member reports it. */
    public Operation<ClusterStatus> resume() {
        return resume(MAINTENANCE_WAIT);
    }

    /** Maintenance mode off, waiting up to {@code timeout} until every member reports it. */
    public Operation<ClusterStatus> resume(Duration timeout) {
        return PlanExecutor.operation(new MaintenanceDefinition(operationsClient(), false, positive(timeout)));
    }

    /** {@code POST /reload} on every member, as a planned operation. */
    public Operation<ClusterStatus> reloadAll() {
        return PlanExecutor.operation(new ReloadDefinition(operationsClient()));
    }

    /**
     * Re-clones replica {@code member} from the leader and waits until it streams again (up to
     * {@code timeout}); refused for the leader. {@code force} cancels a task the member is running.
     */
    public Operation<ClusterStatus> reinitialize(String member, boolean force, Duration timeout) {
        return PlanExecutor.operation(new ReinitializeDefinition(operationsClient(), member, force, positive(timeout)));
    }

    /**
     * This cluster as a standby cluster next to {@code active}, the cluster it replicates from (null
     * when unknown; an unreachable one reads as not writable): standby leader, received and replayed
     * positions, replay lag, whether the active cluster still accepts writes.
     */
    public StandbyClusterStatus standbyStatus(PatroniOps active) {
        return StandbyReads.read(this, active);
    }

    /**
     * A disaster-recovery promotion of this standby cluster as a planned operation: the plan shows
     * the replay lag and the last replayed position; the guard {@code active-cluster-not-writable}
     * refuses while {@code active} still has a writable primary (or, with {@code active} null,
     * always) unless the request forces it; then {@code standby_cluster} is removed and the standby
     * leader awaited as a writable primary.
     */
    public Operation<ClusterStatus> promoteStandbyCluster(StandbyPromoteRequest request, PatroniOps active) {
        Objects.requireNonNull(request, "request");
        return PlanExecutor.operation(new StandbyPromoteDefinition(operationsClient(), active, request));
    }

    /**
     * Re-attaches this cluster as a standby cluster replicating from another one (e.g. the former
     * active cluster after its standby was promoted), as a planned operation: its leader is demoted
     * to a standby leader ({@code pg_rewind} where needed) and awaited with streaming members.
     */
    public Operation<ClusterStatus> attachAsStandby(StandbyAttachRequest request) {
        Objects.requireNonNull(request, "request");
        return PlanExecutor.operation(new StandbyAttachDefinition(operationsClient(), request));
    }

    /** Closes pooled connections (also those of the operations' client); member views stop working. Idempotent. */
    @Override
    public void close() {
        PatroniOps derived;
        synchronized (this) {
            derived = operationsClient;
            operationsClient = null;
        }
        if (derived != null) {
            derived.close();
        }
        rest.close();
    }

    /**
     * The client operations poll through: these options with {@link #RESTART_TOLERANT_BREAKER} when
     * circuit breaking is on. Made once, closed with this client.
     */
    private synchronized PatroniOps operationsClient() {
        if (operationsClient == null) {
            HttpClientOptions options = rest.options();
            operationsClient = options.circuitBreakerPolicy().enabled()
                    ? new PatroniOps(options.toBuilder().circuitBreakerPolicy(RESTART_TOLERANT_BREAKER).build())
                    : new PatroniOps(options);
        }
        return operationsClient;
    }

    @Override
    public String toString() {
        return "PatroniOps[" + endpoints() + "]";
    }

    private static Duration positive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new OpsValidationException("timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    private PatroniMember viewOf(ClusterMember member) {
        if (member.apiUrl() == null) {
            throw new OpsException("member " + member.name() + " publishes no REST URL");
        }
        return new PatroniMember(rest, rest.endpointFor(member.apiUrl()));
    }

    /**
     * Not thread-safe. Credentials are usually {@code Credentials.basic(user, password)} as in
     * {@code restapi.authentication} (used for unsafe methods); TLS covers a custom CA and a client
     * certificate for {@code verify_client}; retries apply to reads and {@code PUT /config} only.
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {
            super(SERVICE_NAME);
        }

        public PatroniOps build() {
            return new PatroniOps(httpOptions());
        }
    }
}
