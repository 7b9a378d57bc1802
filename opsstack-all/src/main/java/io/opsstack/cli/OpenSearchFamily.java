package io.opsstack.cli;

import static io.opsstack.cli.CliFlag.Kind.FILE;
import static io.opsstack.cli.CliFlag.Kind.LIST;
import static io.opsstack.cli.CliFlag.Kind.NUMBER;
import static io.opsstack.cli.CliFlag.Kind.SECONDS;
import static io.opsstack.cli.CliFlag.Kind.SWITCH;
import static io.opsstack.cli.CliFlag.Kind.TEXT;
import static io.opsstack.cli.CliFlag.optional;
import static io.opsstack.cli.CliFlag.required;

import io.opsstack.api.operation.Operation;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.ops.DrainRequest;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest;
import io.opsstack.opensearch.ops.PreCreateIndicesRequest;
import io.opsstack.opensearch.ops.RebalanceRequest;
import io.opsstack.opensearch.ops.RelocationRequest;
import io.opsstack.opensearch.ops.ZoneDecommissionRequest;
import java.util.List;
import java.util.Map;

/**
 * OpenSearch operations. Connection settings: {@code opensearch.url} (comma-separated endpoints),
 * {@code opensearch.user}, the secret {@code opensearch.password}, {@code opensearch.ca_cert},
 * {@code opensearch.insecure}. Requests use the keys of the request records' {@code fromMap} forms.
 */
final class OpenSearchFamily implements OperationFamily {
    static final String TIER_MOVE = "opensearch-tier-move";
    static final String DRAIN = "opensearch-drain";
    static final String UNDRAIN = "opensearch-undrain";
    static final String RELOCATE = "opensearch-relocate";
    static final String REBALANCE_TIER = "opensearch-rebalance-tier";
    static final String TIER_RUN = "opensearch-tier-run";
    static final String PRE_CREATE = "opensearch-pre-create-indices";
    static final String OPEN_CLOSE = "opensearch-open-close-indices";
    static final String ZONE_DECOMMISSION = "opensearch-zone-decommission";
    static final String ZONE_RECOMMISSION = "opensearch-zone-recommission";
    static final String ROLLING_RESTART = "opensearch-rolling-restart";
    static final String SNAPSHOT = "opensearch-snapshot";
    static final String RESTORE = "opensearch-restore";
    private static final String DEFAULT_UNIT = "opensearch";

    private static final CliFlag WAIT_TIMEOUT = optional("wait-timeout", "wait_timeout_seconds", SECONDS,
            "how long the shards (or the snapshot) may take");

    private static final List<CliOperation> OPERATIONS = List.of(
            CliOperation.of(TIER_MOVE, "Moves indices to the nodes of a tier (allocation filtering), one index at a time.",
                    required("index", "indices", LIST, "index names or patterns"),
                    required("tier", "tier", TEXT, "value of the tier attribute, e.g. warm"),
                    optional("attribute", "attribute", TEXT, "node attribute naming the tier (default temp)"),
                    WAIT_TIMEOUT),
            CliOperation.of(DRAIN, "Moves every shard off a node; the node stays excluded until opensearch-undrain.",
                    required("node", "node", TEXT, "node name"),
                    WAIT_TIMEOUT,
                    optional("stall-polls", "stall_polls", NUMBER, "polls without progress before the drain is reported stalled")),
            CliOperation.of(UNDRAIN, "Takes a drained node back: drops its allocation exclusion.",
                    required("node", "node", TEXT, "node name")),
            CliOperation.of(RELOCATE, "Moves shard copies off one node with reroute commands.",
                    required("from-node", "from_node", TEXT, "node to move copies from"),
                    optional("index", "indices", LIST, "only copies of these indices (default: every copy on the node)"),
                    optional("to-node", "to_node", TEXT, "target node (default: chosen per copy by shard count and disk)"),
                    WAIT_TIMEOUT),
            CliOperation.of(REBALANCE_TIER, "Evens out shard counts between the nodes of one tier.",
                    required("tier", "tier", TEXT, "value of the tier attribute"),
                    optional("attribute", "attribute", TEXT, "node attribute naming the tier (default temp)"),
                    WAIT_TIMEOUT),
            CliOperation.of(TIER_RUN, "Runs a hot-warm-cold tier policy once: the moves and index changes due now.",
                    required("policy", "policy", FILE, "tier policy as a JSON or YAML file (stored in the plan)"),
                    optional("as-of", "as_of", TEXT, "evaluate index ages at this ISO instant (default now)"),
                    optional("wait-timeout", "wait_timeout", TEXT, "per move, e.g. 30m"),
                    optional("poll-interval", "poll_interval", TEXT, "e.g. 1s")),
            CliOperation.of(PRE_CREATE, "Creates the coming days' daily indices ahead of time.",
                    required("name-pattern", "name_patterns", LIST, "daily name patterns, e.g. logs-yyyy.MM.dd"),
                    optional("days", "days", NUMBER, "how many days ahead"),
                    optional("template", "template", TEXT, "index template that must apply to the new names"),
                    optional("settings", "settings", FILE, "index settings as a JSON or YAML file"),
                    optional("as-of", "as_of", TEXT, "count days from this ISO instant (default now)")),
            CliOperation.of(OPEN_CLOSE, "Closes (or opens) indices by age.",
                    required("action", "action", TEXT, "close or open"),
                    optional("index", "indices", LIST, "index patterns (default: the --age-from name's pattern)"),
                    optional("age-from", "age_from", TEXT, "creation_date (default) or a daily name pattern such as logs-yyyy.MM.dd"),
                    optional("min-age", "min_age", TEXT, "only indices at least this old, e.g. 30d"),
                    optional("max-age", "max_age", TEXT, "only indices at most this old"),
                    optional("as-of", "as_of", TEXT, "measure ages at this ISO instant (default now)")),
            CliOperation.of(ZONE_DECOMMISSION, "Decommissions every node of an awareness zone (weighted routing to 0 first).",
                    required("zone", "zone", TEXT, "the attribute value to decommission"),
                    optional("attribute", "attribute", TEXT, "awareness attribute (default zone)"),
                    optional("drain-delay", "drain_delay_seconds", SECONDS, "traffic drain before the nodes leave (default 0)"),
                    WAIT_TIMEOUT),
            CliOperation.of(ZONE_RECOMMISSION, "Takes a decommissioned zone back and restores its routing weight.",
                    optional("attribute", "attribute", TEXT, "awareness attribute (default zone)")),
            new CliOperation(ROLLING_RESTART, "Restarts (or upgrades) the nodes one at a time through SSH, cold tiers first, "
                    + "the elected manager last.", SshServices.withServiceFlags(DEFAULT_UNIT,
                    optional("node", "nodes", LIST, "only these nodes (default all), names as in the inventory"),
                    optional("target-version", "target_version", TEXT, "rolling upgrade: the version each node must come back with"),
                    optional("snapshot-repository", "snapshot_repository", TEXT, "upgrade: snapshot into this repository first"),
                    optional("max-unavailable", "max_unavailable", NUMBER, "nodes down at once (default 1)"),
                    optional("node-timeout", "node_timeout_seconds", SECONDS, "how long a node may take to stop and rejoin"),
                    optional("recovery-timeout", "recovery_timeout_seconds", SECONDS,
                            "how long the cluster may take to settle"))),
            CliOperation.of(SNAPSHOT, "Takes a snapshot into a registered repository and waits for it.",
                    required("repository", "repository", TEXT, "snapshot repository"),
                    required("snapshot", "snapshot", TEXT, "snapshot name"),
                    optional("index", "indices", LIST, "only these indices (default all)"),
                    optional("include-global-state", "include_global_state", SWITCH, "also the cluster state"),
                    WAIT_TIMEOUT),
            CliOperation.of(RESTORE, "Restores indices from a snapshot, optionally renamed, and waits until they are green.",
                    required("repository", "repository", TEXT, "snapshot repository"),
                    required("snapshot", "snapshot", TEXT, "snapshot name"),
                    optional("index", "indices", LIST, "only these indices (default all)"),
                    optional("rename-pattern", "rename_pattern", TEXT, "regular expression on index names"),
                    optional("rename-replacement", "rename_replacement", TEXT, "replacement, e.g. restored-$1"),
                    WAIT_TIMEOUT));

    @Override
    public List<CliOperation> operations() {
        return OPERATIONS;
    }

    @Override
    public Connection connect(Settings settings) {
        OpenSearchOps os = OpenSearchOps.fromMap(settings.httpConnection("opensearch", "OpenSearch"));
        return new Connection() {
            private SshServices ssh;

            @Override
            public Operation<?> operation(String operation, Map<String, ?> request) {
                return switch (operation) {
                    case TIER_MOVE -> os.tierMove(request);
                    case DRAIN -> os.drain(DrainRequest.fromMap(request));
                    case UNDRAIN -> os.undrain(String.valueOf(request.get("node")));
                    case RELOCATE -> os.relocate(RelocationRequest.fromMap(request));
                    case REBALANCE_TIER -> os.rebalanceTier(RebalanceRequest.fromMap(request));
                    case TIER_RUN -> os.tierRun(request);
                    case PRE_CREATE -> os.preCreateIndices(PreCreateIndicesRequest.fromMap(request));
                    case OPEN_CLOSE -> os.openCloseIndices(IndexOpenCloseRequest.fromMap(request));
                    case ZONE_DECOMMISSION -> os.zoneDecommission(ZoneDecommissionRequest.fromMap(request));
                    case ZONE_RECOMMISSION -> os.zoneRecommission(request.get("attribute") == null
                            ? ZoneDecommissionRequest.DEFAULT_ATTRIBUTE : String.valueOf(request.get("attribute")));
                    case ROLLING_RESTART -> {
                        ssh = SshServices.open(request, DEFAULT_UNIT, settings);
                        yield os.rollingRestart(SshServices.withoutSection(request), ssh.control());
                    }
                    case SNAPSHOT -> os.snapshots().snapshotOperation(request);
                    case RESTORE -> os.snapshots().restoreOperation(request);
                    default -> throw new UsageException("unknown OpenSearch operation " + operation);
                };
            }

            @Override
            public void close() {
                try (OpenSearchOps closing = os) {
                    if (ssh != null) {
                        ssh.close();
                    }
                }
            }
        };
    }
}
