package io.opsstack.patroni;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.patroni.internal.PatroniCalls;
import io.opsstack.patroni.internal.PatroniRest;
import io.opsstack.patroni.model.ActionResult;
import io.opsstack.patroni.model.ClusterStatus;
import io.opsstack.patroni.model.DynamicConfig;
import io.opsstack.patroni.model.HealthCheck;
import io.opsstack.patroni.model.HealthResult;
import io.opsstack.patroni.model.HistoryEntry;
import io.opsstack.patroni.model.MemberStatus;
import io.opsstack.patroni.model.RestartRequest;
import io.opsstack.patroni.model.SwitchoverRequest;

/**
 * The REST API of one Patroni member: every call goes to this member only, without failover to
 * others. A cheap view sharing its {@link PatroniOps}' connections; valid until that is closed.
 * Reads are retried on transient failures; POST, PATCH and DELETE calls never are.
 *
 * <p>Thread-safe.
 */
public final class PatroniMember {
    private final PatroniRest rest;
    private final URI endpoint;
    private final PatroniCalls calls;

    PatroniMember(PatroniRest rest, URI endpoint) {
        this.rest = rest;
        this.endpoint = endpoint;
        this.calls = new PatroniCalls(rest, endpoint);
    }

    /** The member's REST base URI. */
    public URI endpoint() {
        return endpoint;
    }

    /** The member name, once known (from {@code /cluster} or {@code /patroni}). */
    public Optional<String> name() {
        return Optional.ofNullable(rest.knownMember(endpoint));
    }

    /** {@code GET /patroni}: state, role, versions, timeline, WAL positions, pending restart, tags. */
    public MemberStatus status() {
        return calls.status();
    }

    /** A health-check endpoint: healthy when it answers 200, with the {@code /patroni} body where sent. */
    public HealthResult health(HealthCheck check) {
        return calls.health(check, null, Map.of());
    }

    /**
     * A health-check endpoint with filters (only for {@link HealthCheck#filterable()} checks).
     *
     * @param maxLag {@code lag} parameter, e.g. {@code 16MB} or a byte count; null for none
     * @param tags {@code tag_<name>=<value>} parameters; tags set to {@code false} are not published by Patroni,
     *             so asking for them never matches
     */
    public HealthResult health(HealthCheck check, String maxLag, Map<String, String> tags) {
        return calls.health(check, maxLag, tags);
    }

    /** {@code GET /cluster} as this member sees it. */
    public ClusterStatus cluster() {
        return calls.cluster();
    }

    /** {@code GET /history}. */
    public List<HistoryEntry> history() {
        return calls.history();
    }

    /** {@code GET /config}. */
    public DynamicConfig config() {
        return calls.config();
    }

    /** {@code GET /metrics}, parsed leniently (Patroni 3.0.2 sends one malformed line, kept as a warning). */
    public MetricsPage metrics() {
        return calls.metrics();
    }

    /** {@code PATCH /config} through this member; see {@link PatroniOps#patchConfig(Map)}. */
    public DynamicConfig patchConfig(Map<String, ?> patch) {
        return calls.patchConfig(patch);
    }

    /** {@code PUT /config} through this member; see {@link PatroniOps#putConfig(Map)}. */
    public DynamicConfig putConfig(Map<String, ?> config) {
        return calls.putConfig(config);
    }

    /** {@code POST /switchover} to this member; see {@link PatroniOps#switchover(SwitchoverRequest)}. */
    public ActionResult switchover(SwitchoverRequest request) {
        return calls.switchover(request);
    }

    /** {@code POST /failover}; see {@link PatroniOps#failover(String)}. */
    public ActionResult failover(String candidate) {
        return calls.failover(candidate);
    }

    /** {@code DELETE /switchover}: cancels a scheduled switchover (404 {@link PatroniErrorKind#NOT_FOUND} if none). */
    public ActionResult cancelScheduledSwitchover() {
        return calls.cancelScheduledSwitchover();
    }

    /**
     * {@code POST /restart} of this member. Without a schedule Patroni restarts synchronously and
     * answers 200 {@code restarted successfully}; with one, 202. A filter that does not match fails
     * with {@link PatroniErrorKind#RESTART_CONDITIONS_NOT_MET} and restarts nothing (after a
     * switchover this is the normal "nothing pending" answer). A restarted primary is restarted in
     * place; it may lose the leader lock if it does not come back within the start timeout.
     */
    public ActionResult restart(RestartRequest request) {
        return calls.restart(request);
    }

    /** An unconditional restart now; see {@link #restart(RestartRequest)}. */
    public ActionResult restart() {
        return calls.restart(RestartRequest.now());
    }

    /** {@code DELETE /restart}: cancels a scheduled restart (404 {@link PatroniErrorKind#NOT_FOUND} if none). */
    public ActionResult cancelScheduledRestart() {
        return calls.cancelScheduledRestart();
    }

    /** {@code POST /reload}: Patroni re-reads its configuration in its next HA loop (202). */
    public ActionResult reload() {
        return calls.reload();
    }

    /**
     * {@code POST /reinitialize}: wipes and re-clones this replica from the leader; asynchronous (200
     * {@code reinitialize started}). Refused on the leader. {@code force} cancels a running task first.
     */
    public ActionResult reinitialize(boolean force) {
        return calls.reinitialize(force);
    }

    @Override
    public String toString() {
        return "PatroniMember[" + name().map(n -> n + " ").orElse("") + endpoint + "]";
    }
}
