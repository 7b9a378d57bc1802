package io.opsstack.opensearch;

import io.opsstack.api.http.ClientBuilder;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.internal.http.FlatOptionMaps;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.opensearch.internal.ClusterSettingsParser;
import io.opsstack.opensearch.internal.HealthParser;
import io.opsstack.opensearch.internal.HealthQuery;
import io.opsstack.opensearch.internal.IndexResponses;
import io.opsstack.opensearch.internal.JavaClients;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.NodesParser;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;
import io.opsstack.opensearch.internal.ops.TierMoveDefinition;
import io.opsstack.opensearch.internal.ops.tier.IndexOpenCloseDefinition;
import io.opsstack.opensearch.internal.ops.tier.PreCreateIndicesDefinition;
import io.opsstack.opensearch.internal.ops.tier.TierRunDefinition;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest;
import io.opsstack.opensearch.ops.PreCreateIndicesRequest;
import io.opsstack.opensearch.ops.TierRunRequest;
import io.opsstack.opensearch.policy.PolicyValidation;
import io.opsstack.opensearch.policy.TierPolicy;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.model.IndexSettings;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.ops.TierMoveRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Operations client for one OpenSearch cluster. Reads health, nodes, shards and settings into
 * opsstack's lenient records over the opsstack HTTP transport (retries only for reads and
 * idempotent writes, a circuit breaker per endpoint), and offers the official typed client through
 * {@link #javaClient()} with the same endpoints, credentials and TLS.
 *
 * <p>Thread-safe; create one per cluster, share it, and {@link #close()} it when done.
 * <pre>{@code
 * try (OpenSearchOps os = OpenSearchOps.builder().endpoints("https://os-1:9200")
 *         .credentials(Credentials.basic("admin", Secret.fromEnv("OS_PASSWORD"))).build()) {
 *     ClusterHealth health = os.health();
 * }
 * }</pre>
 */
public final class OpenSearchOps implements AutoCloseable {
    /** Extra time the HTTP call gets beyond the server-side wait of a health request. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(10);
    /** The server's default for wait_for_* without a timeout. */
    private static final Duration SERVER_DEFAULT_WAIT = Duration.ofSeconds(30);

    private final HttpClientOptions options;
    private final RestClient rest;
    private final JavaClients javaClients;

    private OpenSearchOps(HttpClientOptions options) {
        this.options = options;
        this.rest = new RestClient(options);
        this.javaClients = new JavaClients(options);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plain-HTTP access without credentials, e.g. a local lab: {@code connect("http://127.0.0.1:9200")}. */
    public static OpenSearchOps connect(String... endpoints) {
        return builder().endpoints(endpoints).build();
    }

    /**
     * From a script map, e.g. {@code [endpoints: ['https://os-1:9200'], user: 'ops', password_env: 'OS_PASSWORD',
     * ca_cert: '/etc/ssl/os-ca.pem']}. Keys: {@code endpoints} (list or comma text); credentials {@code user},
     * {@code password}/{@code password_env}, {@code token}/{@code token_env}, {@code api_key}/{@code api_key_env};
     * TLS {@code ca_cert}, {@code client_cert}, {@code client_key}, {@code trust_store}, {@code key_store} (with
     * {@code *_password[_env]}, {@code *_type}), {@code hostname_verification}, {@code insecure};
     * {@code connect_timeout}, {@code response_timeout} (e.g. {@code "30s"}); and the nested maps {@code credentials},
     * {@code tls}, {@code timeouts}, {@code retry}, {@code circuit_breaker}, {@code headers}, plus
     * {@code user_agent}, {@code max_connections}. Unknown keys are rejected.
     */
    public static OpenSearchOps fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        return new OpenSearchOps(FlatOptionMaps.toHttpOptions(map, "opensearch"));
    }

    /** The HTTP options this client was built with (secrets stay masked in its {@code toString()}). */
    public HttpClientOptions options() {
        return options;
    }

    // ---- cluster health ------------------------------------------------------------------------

    /** {@code GET _cluster/health}, no waiting. */
    public ClusterHealth health() {
        return health(HealthRequest.defaults());
    }

    /**
     * {@code GET _cluster/health} with every parameter of {@code request}. A wait that runs out of time
     * is answered (HTTP 408) with a health whose {@link ClusterHealth#timedOut()} is true; it is not an error.
     */
    public ClusterHealth health(HealthRequest request) {
        Objects.requireNonNull(request, "request");
        HttpRequest.Builder http = HealthQuery.toHttp(request).allowStatus(408);
        if (waits(request)) {
            Duration wait = request.timeout() == null ? SERVER_DEFAULT_WAIT : request.timeout();
            Duration needed = wait.plus(WAIT_MARGIN);
            if (needed.compareTo(options.timeouts().response()) > 0) {
                http.timeout(needed);
            }
        }
        return HealthParser.parse(rest.body(http.build()));
    }

    private static boolean waits(HealthRequest r) {
        return r.waitForStatus() != null || r.waitForNodes() != null || r.waitForEvents() != null
                || r.waitForActiveShards() != null || Boolean.TRUE.equals(r.waitForNoRelocatingShards())
                || Boolean.TRUE.equals(r.waitForNoInitializingShards());
    }

    // ---- nodes ---------------------------------------------------------------------------------

    /** All nodes ({@code GET _nodes}), sorted by name, with roles, attributes, addresses and version. */
    public List<NodeInfo> nodes() {
        return NodesParser.parseNodes(rest.body(HttpRequest.get("/_nodes/_all/http").build()));
    }

    /**
     * Id of the elected cluster manager, or null while none is elected. Reads
     * {@code _cluster/state/cluster_manager_node}, falling back to {@code _cat/cluster_manager} where
     * the cluster-state metric is refused.
     */
    public String clusterManagerNodeId() {
        HttpResponse state = rest.send(HttpRequest.get("/_cluster/state/cluster_manager_node")
                .allowStatus(400, 404).build());
        if (state.isSuccess()) {
            return NodesParser.parseClusterStateManager(state.bodyAsString());
        }
        return NodesParser.parseCatClusterManager(rest.body(HttpRequest.get("/_cat/cluster_manager")
                .query("format", "json").build()));
    }

    // ---- shards --------------------------------------------------------------------------------

    /** Every shard copy of the cluster ({@code _cat/shards}); an unparsable row fails the call. */
    public List<ShardRow> shards() {
        return CatShardsParser.parse(rest.body(catShards("/_cat/shards")));
    }

    /** Shard copies of the given index names or patterns; a missing concrete index is an error. */
    public List<ShardRow> shards(String... indexPatterns) {
        if (indexPatterns.length == 0) {
            return shards();
        }
        return CatShardsParser.parse(rest.body(catShards("/_cat/shards/" + RestPaths.indices(List.of(indexPatterns)))));
    }

    private static HttpRequest catShards(String path) {
        return HttpRequest.get(path).query("format", "json").query("bytes", "b")
                .query("h", CatShardsParser.COLUMNS).build();
    }

    // ---- cluster settings ----------------------------------------------------------------------

    /** Persistent, transient and default cluster settings. */
    public ClusterSettings clusterSettings() {
        return clusterSettings(true);
    }

    /** Persistent and transient cluster settings, plus the defaults when {@code includeDefaults}. */
    public ClusterSettings clusterSettings(boolean includeDefaults) {
        HttpRequest.Builder b = HttpRequest.get("/_cluster/settings").query("flat_settings", "true");
        if (includeDefaults) {
            b.query("include_defaults", "true");
        }
        return ClusterSettingsParser.parse(rest.body(b.build()));
    }

    /**
     * {@code PUT _cluster/settings}. Null values unset keys. Retried on transient failures: writing the
     * same values again has the same effect. Returns whether the cluster manager acknowledged it.
     */
    public boolean putClusterSettings(ClusterSettingsUpdate update) {
        Objects.requireNonNull(update, "update");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("persistent", update.persistent());
        body.put("transient", update.transientSettings());
        return acknowledged(rest.body(HttpRequest.put("/_cluster/settings").body(Json.write(body))
                .idempotent(true).build()), "PUT _cluster/settings");
    }

    // ---- indices -------------------------------------------------------------------------------

    /** Creates an index from a full create body ({@code {"settings":…,"mappings":…}}); never retried. */
    public void createIndex(String index, String bodyJson) {
        HttpRequest.Builder b = HttpRequest.put("/" + RestPaths.index(index)).idempotent(false);
        if (bodyJson != null && !bodyJson.isBlank()) {
            b.body(bodyJson);
        }
        acknowledged(rest.body(b.build()), "create index " + index);
    }

    /** Creates an index with the given (flat or nested) settings, e.g. {@code index.number_of_shards: 1}. */
    public void createIndex(String index, Map<String, ?> settings) {
        createIndex(index, Json.write(Map.of("settings", settings == null ? Map.of() : settings)));
    }

    /** Deletes an index; false when it did not exist. Never retried. */
    public boolean deleteIndex(String index) {
        HttpResponse response = rest.send(HttpRequest.delete("/" + RestPaths.index(index)).idempotent(false)
                .allowStatus(404).build());
        return response.isSuccess();
    }

    public boolean indexExists(String index) {
        return rest.send(HttpRequest.head("/" + RestPaths.index(index)).allowStatus(404).build()).isSuccess();
    }

    /** Settings of one index, flattened, without defaults. */
    public IndexSettings indexSettings(String index) {
        return IndexResponses.parseIndexSettings(index, rest.body(HttpRequest.get("/" + RestPaths.index(index)
                + "/_settings").query("flat_settings", "true").build()));
    }

    /** {@code PUT <index>/_settings} with flat or nested keys; null values reset keys. Idempotent, so retried. */
    public void putIndexSettings(String index, Map<String, ?> settings) {
        Objects.requireNonNull(settings, "settings");
        acknowledged(rest.body(HttpRequest.put("/" + RestPaths.indices(List.of(index)) + "/_settings")
                .body(Json.write(settings)).idempotent(true).build()), "PUT " + index + "/_settings");
    }

    /**
     * Indexes JSON documents with {@code _bulk} (ids chosen by the server). Not retried, as a retry
     * could index documents twice; failures of single documents are reported in the result.
     */
    public BulkResult bulkIndex(String index, List<String> jsonDocuments) {
        Objects.requireNonNull(jsonDocuments, "jsonDocuments");
        if (jsonDocuments.isEmpty()) {
            return new BulkResult(0, 0, List.of());
        }
        String action = Json.write(Map.of("index", Map.of("_index", index))) + "\n";
        StringBuilder ndjson = new StringBuilder();
        for (String document : jsonDocuments) {
            if (document.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("bulk documents must be single-line JSON");
            }
            ndjson.append(action).append(document).append('\n');
        }
        return IndexResponses.parseBulk(rest.body(HttpRequest.post("/_bulk")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .idempotent(false).build()));
    }

    /** {@code POST <indices>/_refresh}; all indices when none are given. */
    public void refresh(String... indices) {
        String path = indices.length == 0 ? "/_refresh" : "/" + RestPaths.indices(List.of(indices)) + "/_refresh";
        rest.body(HttpRequest.post(path).idempotent(true).build());
    }

    /** Number of documents in the index or pattern. */
    public long count(String index) {
        return IndexResponses.parseCount(rest.body(HttpRequest.get("/" + RestPaths.indices(List.of(index))
                + "/_count").build()));
    }

    /** {@code _cat/indices} rows for the given names or patterns (all indices when none are given). */
    public List<IndexRow> indices(String... indexPatterns) {
        String path = indexPatterns.length == 0 ? "/_cat/indices"
                : "/_cat/indices/" + RestPaths.indices(List.of(indexPatterns));
        return IndexResponses.parseCatIndices(rest.body(HttpRequest.get(path).query("format", "json")
                .query("bytes", "b").query("h", IndexResponses.CAT_INDICES_COLUMNS).build()));
    }

    // ---- operations ----------------------------------------------------------------------------

    /**
     * Moves indices to the data nodes of a tier (node attribute, e.g. {@code temp=warm}): one
     * settings step per index, then a wait until every shard copy is STARTED on that tier. Guards:
     * {@code cluster-not-red}, {@code target-tier-has-data-nodes}, {@code target-tier-has-room-for-replicas}.
     * Unknown indices or a tier no node carries are refused by {@code plan()}.
     */
    public Operation<Void> tierMove(TierMoveRequest request) {
        return PlanExecutor.operation(new TierMoveDefinition(this, request));
    }

    /** {@link #tierMove(TierMoveRequest)} configured from a map (see {@link TierMoveRequest#fromMap}). */
    public Operation<Void> tierMove(Map<String, ?> request) {
        return tierMove(TierMoveRequest.fromMap(request));
    }

    // ---- allocation: drain, relocation, zone decommission, cluster lease --------------------------

    /** Allocation explain, reroute, voting exclusions, disk allocation, weighted routing and decommission. */
    public AllocationApi allocation() {
        return new AllocationApi(rest);
    }

    /**
     * A lease store in this cluster (index {@value OpenSearchLeaseStore#DEFAULT_INDEX}), for
     * {@code ApplyOptions.builder().leaseStore(os.leaseStore())}: applies from any machine exclude each other.
     */
    public OpenSearchLeaseStore leaseStore() {
        return new OpenSearchLeaseStore(rest, OpenSearchLeaseStore.DEFAULT_INDEX, java.time.Clock.systemUTC());
    }

    /**
     * Drains a node (and, with a service control in the request, stops it and drops its exclusions once it
     * left). {@code plan()} refuses unknown nodes and shows, per shard copy, whether it can move; an
     * infeasible drain fails its {@code drain-feasible} guard and is refused before any change. Guards:
     * {@code drain-feasible}, {@code cluster-not-red}, {@code no-foreign-voting-exclusions} (manager-eligible
     * nodes), {@code node-drained} (before a stop), {@code an-endpoint-stays-up} (with a stop: an endpoint other
     * than the node itself).
     */
    public Operation<Void> drain(io.opsstack.opensearch.ops.DrainRequest request) {
        return PlanExecutor.operation(new io.opsstack.opensearch.internal.ops.drain.DrainDefinition(this, rest, request));
    }

    /** Takes a drained node back: removes its allocation exclusion and its voting exclusion. */
    public Operation<Void> undrain(String node) {
        return PlanExecutor.operation(new io.opsstack.opensearch.internal.ops.drain.UndrainDefinition(this, node));
    }

    /**
     * Moves shard copies off a node with reroute {@code move} commands, each validated by the server with
     * {@code dry_run=true&explain=true} (the plan's and a SERVER dry run's validation status), then waits per
     * copy until it is STARTED on its target. Guards: {@code cluster-not-red}, {@code source-holds-copy}.
     */
    public Operation<Void> relocate(io.opsstack.opensearch.ops.RelocationRequest request) {
        return PlanExecutor.operation(io.opsstack.opensearch.internal.ops.relocate.RelocationDefinition.relocate(this, request));
    }

    /** Evens out shard counts within a tier with validated reroute moves (see {@link #relocate}). */
    public Operation<Void> rebalanceTier(io.opsstack.opensearch.ops.RebalanceRequest request) {
        return PlanExecutor.operation(io.opsstack.opensearch.internal.ops.relocate.RelocationDefinition.rebalance(this, request));
    }

    /**
     * Decommissions the nodes of one zone (awareness decommission API). Guards: {@code awareness-attribute-configured},
     * {@code forced-awareness-values}, {@code copies-outside-zone}, {@code no-decommission-in-progress}.
     */
    public Operation<Void> zoneDecommission(io.opsstack.opensearch.ops.ZoneDecommissionRequest request) {
        return PlanExecutor.operation(new io.opsstack.opensearch.internal.ops.zone.ZoneDecommissionDefinition(this, request));
    }

    /** Recommissions a decommissioned zone: deletes the decommission, then the weighted routing of {@code attribute}. */
    public Operation<Void> zoneRecommission(String attribute) {
        return PlanExecutor.operation(new io.opsstack.opensearch.internal.ops.zone.ZoneRecommissionDefinition(this, attribute));
    }

    // ---- tier policies and ISM -----------------------------------------------------------------

    /** The Index State Management plugin's API; its calls fail with {@link IsmPluginMissingException} where it is not installed. */
    public IsmApi ism() {
        return new IsmApi(rest);
    }

    /**
     * Checks {@code policy} against this cluster: every attribute value its phases target exists on a
     * data node, and each target tier has room below the low disk watermark for what would move now.
     */
    public PolicyValidation validateTierPolicy(TierPolicy policy) {
        return new TierRunDefinition(this, rest, TierRunRequest.builder(policy).build()).validate();
    }

    /**
     * Runs a tier policy without ISM: each index its patterns match is brought to the state of the phase
     * its age calls for (settings, then a per-index wait until every copy is STARTED on an allowed node,
     * force merge, close, or delete). Guards: {@code cluster-not-red}, {@code target-tier-has-data-nodes},
     * {@code target-tier-has-room-for-replicas}, {@code target-tier-has-disk-room}, {@code index-due-for-deletion}.
     * Attribute values no data node carries are refused by {@code plan()} before any change.
     */
    public Operation<Void> tierRun(TierRunRequest request) {
        return PlanExecutor.operation(new TierRunDefinition(this, rest, Objects.requireNonNull(request, "request")));
    }

    /** {@link #tierRun(TierRunRequest)} configured from a map (see {@link TierRunRequest#fromMap}). */
    public Operation<Void> tierRun(Map<String, ?> request) {
        return tierRun(TierRunRequest.fromMap(request));
    }

    /**
     * Creates the coming days' daily indices (e.g. tomorrow's {@code logs-yyyy.MM.dd}) from an index
     * template and/or explicit settings; existing ones are left alone. A template that does not exist or
     * does not apply to a new name is refused by {@code plan()}. Guard: {@code cluster-not-red}.
     */
    public Operation<Void> preCreateIndices(PreCreateIndicesRequest request) {
        return PlanExecutor.operation(new PreCreateIndicesDefinition(this, rest, Objects.requireNonNull(request, "request")));
    }

    /** Closes or opens indices by age, e.g. {@code IndexOpenCloseRequest.close(Duration.ofDays(30))}. Guard: {@code cluster-not-red}. */
    public Operation<Void> openCloseIndices(IndexOpenCloseRequest request) {
        return PlanExecutor.operation(new IndexOpenCloseDefinition(this, rest, Objects.requireNonNull(request, "request")));
    }

    // ---- rolling restart / rolling upgrade and snapshots ------------------------------------------

    /** Snapshot repositories, snapshots and restores, plain and as operations. */
    public SnapshotApi snapshots() {
        return new SnapshotApi(this, rest);
    }

    /**
     * Rolling restart (or, with a target version, rolling upgrade) of the cluster's nodes, stopped and started
     * through {@code control}. Steps: {@code preflight} (guards {@code cluster-settled}, {@code no-foreign-maintenance},
     * {@code version-rules} for upgrades), {@code snapshot} for upgrades with a repository, then one
     * {@code restart-<node>} step per node in a deterministic order (data tiers cold to hot, other roles,
     * manager-eligible nodes, the elected manager last) with guards {@code max-unavailable-budget},
     * {@code one-cluster-manager-at-a-time}, {@code primaries-have-started-copies}, {@code tier-keeps-a-healthy-node},
     * {@code cluster-settled}. Each restart holds allocation at {@code primaries}, flushes, restarts, checks the
     * node rejoined by name and version, and restores the saved prior {@code cluster.routing.allocation.enable}.
     * Unknown node names are refused by {@code plan()}.
     */
    public Operation<Void> rollingRestart(io.opsstack.opensearch.ops.RollingRestartRequest request,
                                          io.opsstack.api.service.ServiceControl control) {
        return PlanExecutor.operation(new io.opsstack.opensearch.internal.ops.restart.RollingRestartDefinition(
                this, rest, snapshots(), control, request));
    }

    /** {@link #rollingRestart(io.opsstack.opensearch.ops.RollingRestartRequest, io.opsstack.api.service.ServiceControl)} from a map. */
    public Operation<Void> rollingRestart(Map<String, ?> request, io.opsstack.api.service.ServiceControl control) {
        return rollingRestart(io.opsstack.opensearch.ops.RollingRestartRequest.fromMap(request), control);
    }

    // ---- official client -----------------------------------------------------------------------

    /**
     * The official typed client on the same endpoints, credentials and TLS, created on first use and
     * closed with this object. Its calls are not retried by opsstack.
     */
    public OpenSearchClient javaClient() {
        return javaClients.client();
    }

    /** Closes the transport and, if it was created, the official client. Idempotent. */
    @Override
    public void close() {
        try {
            javaClients.close();
        } finally {
            rest.close();
        }
    }

    @Override
    public String toString() {
        return "OpenSearchOps" + options.endpoints();
    }

    private static boolean acknowledged(String body, String what) {
        return Json.boolOr(Json.parse(body, what), "acknowledged", false);
    }

    /** Builder for {@link OpenSearchOps}; not thread-safe. */
    public static final class Builder extends ClientBuilder<Builder> {
        private Builder() {
            super("opensearch");
        }

        public OpenSearchOps build() {
            return new OpenSearchOps(httpOptions());
        }
    }
}
