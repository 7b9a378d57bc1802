package io.opsstack.opensearch;

import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.http.Timeouts;
import io.opsstack.api.http.TlsOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.opensearch.internal.ClusterSettingsParser;
import io.opsstack.opensearch.internal.HealthParser;
import io.opsstack.opensearch.internal.HealthQuery;
import io.opsstack.opensearch.internal.IndexResponses;
import io.opsstack.opensearch.internal.JavaClients;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.NodesParser;
import io.opsstack.opensearch.internal.OpsConfigMaps;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;
import io.opsstack.opensearch.internal.ops.TierMoveDefinition;
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
import java.net.URI;
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
        return new OpenSearchOps(OpsConfigMaps.toHttpOptions(map));
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
    public static final class Builder {
        private final HttpClientOptions.Builder http = HttpClientOptions.builder().serviceName("opensearch");

        private Builder() {
        }

        /** Base URIs of the cluster's nodes, e.g. {@code "https://os-1:9200"}. */
        public Builder endpoints(String... endpoints) {
            http.endpoints(endpoints);
            return this;
        }

        public Builder endpoints(List<URI> endpoints) {
            http.endpoints(endpoints);
            return this;
        }

        public Builder credentials(Credentials credentials) {
            http.credentials(credentials);
            return this;
        }

        public Builder tls(TlsOptions tls) {
            http.tls(tls);
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            http.timeouts(timeouts);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            http.retryPolicy(retryPolicy);
            return this;
        }

        public Builder circuitBreakerPolicy(CircuitBreakerPolicy circuitBreakerPolicy) {
            http.circuitBreakerPolicy(circuitBreakerPolicy);
            return this;
        }

        public OpenSearchOps build() {
            return new OpenSearchOps(http.build());
        }
    }
}
