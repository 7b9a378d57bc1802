package io.opsstack.victoria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.CircuitBreakerPolicy;
import io.opsstack.api.http.ClientBuilder;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.http.Timeouts;
import io.opsstack.api.http.TlsOptions;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.PlanExecutor;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.victoria.internal.DefinitionMaps;
import io.opsstack.victoria.internal.HealthRules;
import io.opsstack.victoria.internal.NodeReading;
import io.opsstack.victoria.internal.StorageLists;
import io.opsstack.victoria.internal.TopologyChecker;
import io.opsstack.victoria.internal.Transports;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.internal.ops.backup.BackupDefinition;
import io.opsstack.victoria.internal.ops.backup.RestoreDefinition;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ClusterHealthReport;
import io.opsstack.victoria.model.ClusterNode;
import io.opsstack.victoria.model.ComponentHealth;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.ReplicationCheck;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.model.Tenant;
import io.opsstack.victoria.model.TopologyReport;
import io.opsstack.victoria.internal.ops.AddStorageNodeDefinition;
import io.opsstack.victoria.internal.ops.RemoveStorageNodeDefinition;
import io.opsstack.victoria.internal.ops.VmRollingRestartDefinition;
import io.opsstack.victoria.ops.AddStorageNodeRequest;
import io.opsstack.victoria.ops.FlagSource;
import io.opsstack.victoria.ops.GateProfile;
import io.opsstack.victoria.ops.RemovalPhase;
import io.opsstack.victoria.ops.RemoveStorageNodeRequest;
import io.opsstack.victoria.ops.StorageRemoval;
import io.opsstack.victoria.ops.VmRollingRestartRequest;
import io.opsstack.victoria.ops.backup.BackupCommandRunner;
import io.opsstack.victoria.ops.backup.VmBackupManifest;
import io.opsstack.victoria.ops.backup.VmBackupRequest;
import io.opsstack.victoria.ops.backup.VmRestoreRequest;

/**
 * Entry point for one VictoriaMetrics cluster: typed clients per node and balanced over all
 * vminsert/vmselect nodes, a health report read from {@code /health} and {@code /metrics}, and the
 * definition checked against each vminsert's and vmselect's {@code /flags}.
 *
 * <pre>{@code
 * try (VictoriaClusterOps ops = VictoriaClusterOps.builder().definition(definition).build()) {
 *     ops.insert(Tenant.parse("12:34")).importPrometheus("up{job=\"a\"} 1\n");
 *     ClusterHealthReport report = ops.healthReport();
 *     if (!report.healthy()) System.out.println(report.render());
 * }
 * }</pre>
 *
 * <p>In strict mode {@link #checkTopology()} throws {@link OpsValidationException} when a storage
 * list or the replication factor disagrees with the definition.
 *
 * <p>Thread-safe; holds one HTTP transport per node plus one per balanced client. Not serializable:
 * keep the {@link ClusterDefinition} (or its {@code toMap()}) across pipeline steps instead.
 */
public final class VictoriaClusterOps implements AutoCloseable {
    private static final Set<String> MAP_KEYS;

    static {
        Set<String> keys = new HashSet<>(DefinitionMaps.KEYS);
        keys.addAll(Set.of("scheme", "credentials", "tls", "timeouts", "retry", "circuit_breaker", "auth_keys", "strict"));
        MAP_KEYS = Set.copyOf(keys);
    }

    private final ClusterDefinition definition;
    private final boolean strict;
    private final Map<String, VmInsertClient> vminserts = new LinkedHashMap<>();
    private final Map<String, VmSelectClient> vmselects = new LinkedHashMap<>();
    private final Map<String, VmStorageClient> vmstorages = new LinkedHashMap<>();
    private final Map<String, VmAgentClient> vmagents = new LinkedHashMap<>();
    private final Map<String, VmAuthClient> vmauths = new LinkedHashMap<>();
    private final List<VmComponentClient> owned = new ArrayList<>();
    private final VmInsertClient insert;
    private final VmSelectClient select;
    private final String scheme;
    private final AdminAuthKeys authKeys;
    /** Credentials, TLS, timeouts and policies shared by every node's transport. */
    private final HttpClientOptions connection;

    private VictoriaClusterOps(Builder b, HttpClientOptions connection) {
        this.definition = b.definition;
        this.strict = b.strict;
        this.scheme = b.scheme;
        this.authKeys = b.authKeys;
        this.connection = connection;
        try {
            for (ClusterNode node : definition.vminsert()) {
                vminserts.put(node.name(), own(new VmInsertClient(calls(ComponentType.VMINSERT, node.baseUrl(scheme)),
                        UrlLayouts.cluster(), true)));
            }
            for (ClusterNode node : definition.vmselect()) {
                vmselects.put(node.name(), own(new VmSelectClient(calls(ComponentType.VMSELECT, node.baseUrl(scheme)),
                        UrlLayouts.cluster(), true)));
            }
            for (StorageNode node : definition.vmstorage()) {
                vmstorages.put(node.name(), own(new VmStorageClient(calls(ComponentType.VMSTORAGE, node.baseUrl(scheme)), true)));
            }
            for (ClusterNode node : definition.vmagent()) {
                vmagents.put(node.name(), own(new VmAgentClient(calls(ComponentType.VMAGENT, node.baseUrl(scheme)), true)));
            }
            for (ClusterNode node : definition.vmauth()) {
                vmauths.put(node.name(), own(new VmAuthClient(calls(ComponentType.VMAUTH, node.baseUrl(scheme)), true)));
            }
            insert = own(new VmInsertClient(calls(ComponentType.VMINSERT, urls(definition.vminsert(), scheme)),
                    UrlLayouts.cluster(), true));
            select = own(new VmSelectClient(calls(ComponentType.VMSELECT, urls(definition.vmselect(), scheme)),
                    UrlLayouts.cluster(), true));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From a script map: the {@link ClusterDefinition#fromMap(Map)} keys plus {@code scheme}
     * ({@code http} or {@code https}), {@code credentials}, {@code tls}, {@code timeouts}, {@code retry},
     * {@code circuit_breaker} (as in {@link HttpClientOptions#fromMap(Map)}), {@code auth_keys}
     * ({@link AdminAuthKeys#fromMap(Map)}) and {@code strict}.
     */
    public static VictoriaClusterOps fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "VictoriaMetrics cluster");
        Map<String, Object> definitionMap = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (DefinitionMaps.KEYS.contains(key)) {
                definitionMap.put(key, value);
            }
        });
        Builder b = builder().definition(ClusterDefinition.fromMap(definitionMap))
                .credentials(Credentials.fromMap(OptionMaps.nested(map, "credentials")))
                .tls(TlsOptions.fromMap(OptionMaps.nested(map, "tls")))
                .timeouts(Timeouts.fromMap(OptionMaps.nested(map, "timeouts")))
                .retryPolicy(RetryPolicy.fromMap(OptionMaps.nested(map, "retry")))
                .circuitBreakerPolicy(CircuitBreakerPolicy.fromMap(OptionMaps.nested(map, "circuit_breaker")))
                .authKeys(AdminAuthKeys.fromMap(OptionMaps.nested(map, "auth_keys")));
        String scheme = OptionMaps.string(map, "scheme");
        if (scheme != null) {
            b.scheme(scheme);
        }
        Boolean strict = OptionMaps.bool(map, "strict");
        if (strict != null) {
            b.strict(strict);
        }
        return b.build();
    }

    public ClusterDefinition definition() {
        return definition;
    }

    public boolean strict() {
        return strict;
    }

    /** Writes through every vminsert (round-robin, failover) as tenant {@code 0:0}. */
    public VmInsertClient insert() {
        return insert;
    }

    public VmInsertClient insert(Tenant tenant) {
        return insert.forTenant(tenant);
    }

    /** Reads through every vmselect (round-robin, failover) as tenant {@code 0:0}. */
    public VmSelectClient select() {
        return select;
    }

    public VmSelectClient select(Tenant tenant) {
        return select.forTenant(tenant);
    }

    /** One vminsert by name or HTTP address. */
    public VmInsertClient vminsert(String node) {
        return vminserts.get(definition.node(ComponentType.VMINSERT, node).name());
    }

    public VmSelectClient vmselect(String node) {
        return vmselects.get(definition.node(ComponentType.VMSELECT, node).name());
    }

    /** One vmstorage by name, HTTP address or RPC address. */
    public VmStorageClient vmstorage(String node) {
        return vmstorages.get(definition.storageNode(node).name());
    }

    public VmAgentClient vmagent(String node) {
        return vmagents.get(definition.node(ComponentType.VMAGENT, node).name());
    }

    public VmAuthClient vmauth(String node) {
        return vmauths.get(definition.node(ComponentType.VMAUTH, node).name());
    }

    /**
     * The client of any node by component name ({@code "vmstorage"}) and node name.
     *
     * @throws OpsValidationException for an unknown component or node
     */
    public VmComponentClient component(String component, String node) {
        ComponentType type = ComponentType.parse(component);
        return switch (type) {
            case VMINSERT -> vminsert(node);
            case VMSELECT -> vmselect(node);
            case VMSTORAGE -> vmstorage(node);
            case VMAGENT -> vmagent(node);
            case VMAUTH -> vmauth(node);
            case SINGLE_NODE -> throw new OpsValidationException("a cluster has no single-node server; create clients with "
                    + "UrlLayouts.singleNode() for one");
        };
    }

    /** The {@code 2·RF−1} verdict of the definition. */
    public ReplicationCheck replicationCheck() {
        return definition.replicationCheck();
    }

    /**
     * Reads {@code /health}, {@code /flags} and {@code /metrics} of every node and judges each; an
     * unreachable node is reported, not thrown.
     */
    public ClusterHealthReport healthReport() {
        Map<String, NodeReading> insertReadings = read(vminserts);
        Map<String, NodeReading> selectReadings = read(vmselects);
        List<ComponentHealth> components = new ArrayList<>();
        insertReadings.forEach((name, reading) -> components.add(HealthRules.vminsert(name,
                definition.node(ComponentType.VMINSERT, name).httpAddress(), reading, definition)));
        selectReadings.forEach((name, reading) -> components.add(HealthRules.vmselect(name,
                definition.node(ComponentType.VMSELECT, name).httpAddress(), reading, definition)));
        for (StorageNode node : definition.vmstorage()) {
            int expectedConns = (int) insertReadings.values().stream()
                    .filter(reading -> StorageLists.vminsert(reading.flags(), definition).contains(node.vminsertAddress()))
                    .count();
            components.add(HealthRules.vmstorage(node, NodeReading.read(vmstorages.get(node.name())), expectedConns));
        }
        read(vmagents).forEach((name, reading) -> components.add(HealthRules.vmagent(name,
                definition.node(ComponentType.VMAGENT, name).httpAddress(), reading)));
        read(vmauths).forEach((name, reading) -> components.add(HealthRules.vmauth(name,
                definition.node(ComponentType.VMAUTH, name).httpAddress(), reading)));
        return new ClusterHealthReport(definition.name(), Instant.now(), components, definition.replicationCheck());
    }

    /**
     * Compares every vminsert's and vmselect's {@code -storageNode} (and vminsert's
     * {@code -replicationFactor}) from {@code /flags} with the definition.
     *
     * @throws OpsValidationException in strict mode when they disagree, listing every difference
     */
    public TopologyReport checkTopology() {
        TopologyReport report = TopologyChecker.check(definition, read(vminserts), read(vmselects));
        if (strict && !report.consistent()) {
            throw new OpsValidationException("cluster " + definition.name() + " does not match its definition: "
                    + String.join("; ", report.disagreements()), definition.name());
        }
        return report;
    }

    // backups

    /**
     * A cluster backup, planned and applied like every operation: per vmstorage node in order a
     * snapshot, {@code vmbackup} of it on the node's host through {@code runner}, and the snapshot's
     * deletion (also when the run fails); then a manifest of every node (see {@link VmBackupManifest}).
     *
     * @throws OpsValidationException for an unknown node
     */
    public Operation<VmBackupManifest> backup(VmBackupRequest request, BackupCommandRunner runner) {
        return PlanExecutor.operation(new BackupDefinition(this, Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(runner, "runner")));
    }

    /**
     * A restore from a backup manifest: per node, one at a time, stop its service through {@code control},
     * {@code vmrestore} on its host through {@code runner}, start it, and wait until it is healthy.
     *
     * @throws OpsValidationException when the manifest does not name exactly this cluster's vmstorage nodes
     */
    public Operation<Void> restore(VmRestoreRequest request, BackupCommandRunner runner, ServiceControl control) {
        return PlanExecutor.operation(new RestoreDefinition(this, Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(runner, "runner"), Objects.requireNonNull(control, "control")));
    }

    // membership and rolling restart

    /**
     * A rolling restart in the documented order vmstorage → vminsert → vmselect, one node at a time
     * through {@code control} (node names as in the definition), each behind the guards that the rest
     * of the cluster is healthy and not rerouting, and followed by a gate on the node's metrics (see
     * {@link GateProfile}).
     *
     * @throws OpsValidationException for an unknown node or one of a component the request leaves out
     */
    public Operation<Void> rollingRestart(VmRollingRestartRequest request, ServiceControl control) {
        return PlanExecutor.operation(new VmRollingRestartDefinition(this, Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(control, "control")));
    }

    /**
     * Adds a vmstorage node: starts it through {@code control}, gates on its health, then adds it to
     * every vmselect's {@code -storageNode} in {@code flags} and restarts the vmselects one at a time,
     * then the same for vminsert.
     *
     * @throws OpsValidationException at plan time when the node is already a member, or a storage list
     *         in {@code flags} or on {@code /flags} disagrees with the definition
     */
    public Operation<Void> addStorageNode(AddStorageNodeRequest request, ServiceControl control, FlagSource flags) {
        return PlanExecutor.operation(new AddStorageNodeDefinition(this, Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(control, "control"), Objects.requireNonNull(flags, "flags")));
    }

    /**
     * Removes a vmstorage node in two phases ({@link RemovalPhase}): first from every vminsert, then —
     * after its data is past retention or was re-ingested — from every vmselect, and stops it. Keep the
     * node in the definition until the second phase finished.
     *
     * @throws OpsValidationException at plan time for an unknown node or one that is not a vmstorage, or a
     *         storage list that disagrees with the definition
     * @throws io.opsstack.api.error.UnsafeOperationException at plan time when the removal would break the
     *         {@code 2·RF−1} rule, another storage node is unreachable, or the retention date is not reached
     */
    public Operation<StorageRemoval> removeStorageNode(RemoveStorageNodeRequest request, ServiceControl control,
                                                      FlagSource flags) {
        return PlanExecutor.operation(new RemoveStorageNodeDefinition(this, Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(control, "control"), Objects.requireNonNull(flags, "flags")));
    }

    /**
     * A client for a vmstorage node that is not (yet) in the definition, with this facade's connection
     * settings; the caller closes it.
     */
    public VmStorageClient storageClient(StorageNode node) {
        return new VmStorageClient(calls(ComponentType.VMSTORAGE, node.baseUrl(scheme)), true);
    }

    /** Closes every transport; idempotent. */
    @Override
    public void close() {
        for (VmComponentClient client : owned) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "VictoriaClusterOps[" + definition.name() + ": " + vminserts.size() + " vminsert, " + vmselects.size()
                + " vmselect, " + vmstorages.size() + " vmstorage, RF=" + definition.replicationFactor()
                + (strict ? ", strict" : "") + "]";
    }

    private <T extends VmComponentClient> T own(T client) {
        owned.add(client);
        return client;
    }

    private static Map<String, NodeReading> read(Map<String, ? extends VmComponentClient> clients) {
        Map<String, NodeReading> readings = new LinkedHashMap<>();
        clients.forEach((name, client) -> readings.put(name, NodeReading.read(client)));
        return readings;
    }

    private static String[] urls(List<ClusterNode> nodes, String scheme) {
        return nodes.stream().map(node -> node.baseUrl(scheme)).toArray(String[]::new);
    }

    private VmCalls calls(ComponentType type, String... urls) {
        HttpClientOptions options = connection.toBuilder().endpoints(urls).serviceName(type.id()).build();
        return new VmCalls(Transports.create(options, type), authKeys);
    }

    /**
     * The connection settings of {@link ClientBuilder} (credentials, TLS, timeouts, retry and circuit
     * breaker, sent to every component) plus the cluster definition, which supplies the endpoints (any
     * set with {@code endpoints(...)} are replaced by the definition's nodes). Not thread-safe.
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private ClusterDefinition definition;
        private String scheme = "http";
        private AdminAuthKeys authKeys = AdminAuthKeys.none();
        private boolean strict;

        private Builder() {
            super("victoria");
        }

        public Builder definition(ClusterDefinition definition) {
            this.definition = Objects.requireNonNull(definition, "definition");
            return this;
        }

        /** {@code http} (default) or {@code https}. */
        public Builder scheme(String scheme) {
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new OpsValidationException("scheme must be http or https, was '" + scheme + "'");
            }
            this.scheme = scheme;
            return this;
        }

        public Builder authKeys(AdminAuthKeys authKeys) {
            this.authKeys = Objects.requireNonNull(authKeys, "authKeys");
            return this;
        }

        /** Make {@link #checkTopology()} throw on any disagreement. Default false. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public VictoriaClusterOps build() {
            if (definition == null) {
                throw new OpsValidationException("a cluster definition is required");
            }
            return new VictoriaClusterOps(this, endpoints(urls(definition.vminsert(), scheme)).httpOptions());
        }
    }
}
