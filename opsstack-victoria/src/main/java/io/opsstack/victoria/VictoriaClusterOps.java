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
import io.opsstack.api.http.Credentials;
import io.opsstack.api.http.HttpClientOptions;
import io.opsstack.api.http.RetryPolicy;
import io.opsstack.api.http.Timeouts;
import io.opsstack.api.http.TlsOptions;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.victoria.internal.DefinitionMaps;
import io.opsstack.victoria.internal.HealthRules;
import io.opsstack.victoria.internal.NodeReading;
import io.opsstack.victoria.internal.StorageLists;
import io.opsstack.victoria.internal.TopologyChecker;
import io.opsstack.victoria.internal.Transports;
import io.opsstack.victoria.internal.VmCalls;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ClusterHealthReport;
import io.opsstack.victoria.model.ClusterNode;
import io.opsstack.victoria.model.ComponentHealth;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.ReplicationCheck;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.model.Tenant;
import io.opsstack.victoria.model.TopologyReport;

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

    private VictoriaClusterOps(Builder b) {
        this.definition = b.definition;
        this.strict = b.strict;
        try {
            for (ClusterNode node : definition.vminsert()) {
                vminserts.put(node.name(), own(new VmInsertClient(calls(b, ComponentType.VMINSERT, node.baseUrl(b.scheme)),
                        UrlLayouts.cluster(), true)));
            }
            for (ClusterNode node : definition.vmselect()) {
                vmselects.put(node.name(), own(new VmSelectClient(calls(b, ComponentType.VMSELECT, node.baseUrl(b.scheme)),
                        UrlLayouts.cluster(), true)));
            }
            for (StorageNode node : definition.vmstorage()) {
                vmstorages.put(node.name(), own(new VmStorageClient(calls(b, ComponentType.VMSTORAGE, node.baseUrl(b.scheme)), true)));
            }
            for (ClusterNode node : definition.vmagent()) {
                vmagents.put(node.name(), own(new VmAgentClient(calls(b, ComponentType.VMAGENT, node.baseUrl(b.scheme)), true)));
            }
            for (ClusterNode node : definition.vmauth()) {
                vmauths.put(node.name(), own(new VmAuthClient(calls(b, ComponentType.VMAUTH, node.baseUrl(b.scheme)), true)));
            }
            insert = own(new VmInsertClient(calls(b, ComponentType.VMINSERT, urls(definition.vminsert(), b.scheme)),
                    UrlLayouts.cluster(), true));
            select = own(new VmSelectClient(calls(b, ComponentType.VMSELECT, urls(definition.vmselect(), b.scheme)),
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

    private static VmCalls calls(Builder b, ComponentType type, String... urls) {
        HttpClientOptions options = HttpClientOptions.builder().endpoints(urls).serviceName(type.id())
                .credentials(b.credentials).tls(b.tls).timeouts(b.timeouts).retryPolicy(b.retryPolicy)
                .circuitBreakerPolicy(b.circuitBreakerPolicy).build();
        return new VmCalls(Transports.create(options, type), b.authKeys);
    }

    /** Not thread-safe. */
    public static final class Builder {
        private ClusterDefinition definition;
        private String scheme = "http";
        private Credentials credentials = Credentials.none();
        private TlsOptions tls = TlsOptions.defaults();
        private Timeouts timeouts = Timeouts.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private CircuitBreakerPolicy circuitBreakerPolicy = CircuitBreakerPolicy.defaults();
        private AdminAuthKeys authKeys = AdminAuthKeys.none();
        private boolean strict;

        private Builder() {
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

        /** Sent to every component (e.g. the basic auth of a proxy in front). */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        public Builder tls(TlsOptions tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /** Applies to idempotent calls only (reads, listing, flush); imports, deletes and snapshots are never retried. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder circuitBreakerPolicy(CircuitBreakerPolicy circuitBreakerPolicy) {
            this.circuitBreakerPolicy = Objects.requireNonNull(circuitBreakerPolicy, "circuitBreakerPolicy");
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
            return new VictoriaClusterOps(this);
        }
    }
}
