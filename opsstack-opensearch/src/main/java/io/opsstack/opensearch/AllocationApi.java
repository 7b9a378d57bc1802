package io.opsstack.opensearch;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.allocation.AllocationParsers;
import io.opsstack.opensearch.model.allocation.AllocationExplanation;
import io.opsstack.opensearch.model.allocation.AwarenessWeights;
import io.opsstack.opensearch.model.allocation.DecommissionStatus;
import io.opsstack.opensearch.model.allocation.NodeAllocation;
import io.opsstack.opensearch.model.allocation.NodeDisk;
import io.opsstack.opensearch.model.allocation.PendingTask;
import io.opsstack.opensearch.model.allocation.RerouteCommand;
import io.opsstack.opensearch.model.allocation.RerouteResult;
import io.opsstack.opensearch.model.allocation.VotingExclusion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shard-allocation APIs of one cluster: allocation explain, reroute, voting configuration
 * exclusions, disk allocation per node, pending tasks, flush, weighted routing and zone decommission.
 * Obtained from {@link OpenSearchOps#allocation()}; thread-safe, shares the facade's transport.
 * Reads and idempotent writes are retried on transient failures; reroute and decommission are not.
 */
public final class AllocationApi {
    private static final Duration VOTING_TIMEOUT = Duration.ofSeconds(30);

    private final RestClient rest;

    AllocationApi(RestClient rest) {
        this.rest = rest;
    }

    // ---- explain and reroute --------------------------------------------------------------------

    /**
     * {@code _cluster/allocation/explain} for one shard copy.
     *
     * @param currentNode the node holding the copy to explain, or null to let the server pick the copy
     */
    public AllocationExplanation explain(String index, int shard, boolean primary, String currentNode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index", requireText(index, "index"));
        body.put("shard", shard);
        body.put("primary", primary);
        if (currentNode != null) {
            body.put("current_node", currentNode);
        }
        return AllocationParsers.explanation(rest.body(HttpRequest.post("/_cluster/allocation/explain")
                .body(Json.write(body)).idempotent(true).build()));
    }

    /**
     * {@code POST _cluster/reroute} with {@code explain=true}. With {@code dryRun} nothing changes and the
     * explanations are the server's validation of the commands; a command the deciders refuse comes
     * back with decision NO rather than as an error.
     */
    public RerouteResult reroute(List<RerouteCommand> commands, boolean dryRun) {
        Objects.requireNonNull(commands, "commands");
        Map<String, Object> body = Map.of("commands", commands.stream().map(RerouteCommand::toRequestBody).toList());
        return AllocationParsers.reroute(rest.body(HttpRequest.post("/_cluster/reroute")
                .query("dry_run", String.valueOf(dryRun)).query("explain", "true")
                .query("filter_path", "acknowledged,explanations")
                .body(Json.write(body)).idempotent(dryRun).build()), dryRun);
    }

    /** {@code POST _cluster/reroute?retry_failed=true}: retries shards whose allocation failed too often. */
    public boolean retryFailed() {
        return Json.boolOr(Json.parse(rest.body(HttpRequest.post("/_cluster/reroute").query("retry_failed", "true")
                .query("filter_path", "acknowledged").body("{}").idempotent(true).build()), "reroute"),
                "acknowledged", false);
    }

    // ---- voting configuration exclusions --------------------------------------------------------

    /** The voting configuration exclusions in the cluster state. */
    public List<VotingExclusion> votingExclusions() {
        return AllocationParsers.votingExclusions(rest.body(HttpRequest.get("/_cluster/state/metadata")
                .query("filter_path", "metadata.cluster_coordination.voting_config_exclusions").build()));
    }

    /** Excludes manager-eligible nodes (by name) from the voting configuration; waits up to 30 s for it. */
    public void addVotingExclusions(List<String> nodeNames) {
        if (nodeNames == null || nodeNames.isEmpty()) {
            throw new OpsValidationException("voting exclusions need at least one node name");
        }
        rest.body(HttpRequest.post("/_cluster/voting_config_exclusions")
                .query("node_names", String.join(",", nodeNames)).query("timeout", VOTING_TIMEOUT.toSeconds() + "s")
                .timeout(VOTING_TIMEOUT.plusSeconds(10)).idempotent(true).build());
    }

    /** Clears every voting exclusion; with {@code waitForRemoval} only once the excluded nodes have left. */
    public void clearVotingExclusions(boolean waitForRemoval) {
        rest.body(HttpRequest.delete("/_cluster/voting_config_exclusions")
                .query("wait_for_removal", String.valueOf(waitForRemoval)).timeout(VOTING_TIMEOUT.plusSeconds(10))
                .idempotent(true).build());
    }

    // ---- disk, tasks, flush ---------------------------------------------------------------------

    /** {@code _cat/allocation?bytes=b}: disk and shard count per data node (plus an UNASSIGNED row if any). */
    public List<NodeAllocation> catAllocation() {
        return AllocationParsers.catAllocation(rest.body(HttpRequest.get("/_cat/allocation").query("format", "json")
                .query("bytes", "b").query("h", "node,shards,disk.indices,disk.used,disk.avail,disk.total,disk.percent")
                .build()));
    }

    /** File-system totals of every node ({@code _nodes/stats/fs}). */
    public List<NodeDisk> nodeDisks() {
        return AllocationParsers.nodeDisks(rest.body(HttpRequest.get("/_nodes/stats/fs")
                .query("filter_path", "nodes.*.name,nodes.*.fs.total").build()));
    }

    public List<PendingTask> pendingTasks() {
        return AllocationParsers.pendingTasks(rest.body(HttpRequest.get("/_cluster/pending_tasks").build()));
    }

    /** {@code POST _flush}; a 409 (a flush already running) is not an error. */
    public void flush() {
        rest.send(HttpRequest.post("/_flush").allowStatus(409).idempotent(true).build());
    }

    /**
     * Allocation-related index settings ({@code index.routing.allocation.*} and
     * {@code index.auto_expand_replicas}, flat) of every index, hidden ones included: index → settings.
     * Indices without such settings may be absent.
     */
    public Map<String, Map<String, String>> indexAllocationSettings() {
        return AllocationParsers.indexSettings(rest.body(HttpRequest.get("/_all/_settings/index.routing.allocation.*,index.auto_expand_replicas")
                .query("flat_settings", "true").query("expand_wildcards", "all").build()));
    }

    // ---- weighted routing and zone decommission -------------------------------------------------

    /** Weighted routing of {@code attribute}; empty weights and version -1 when none are set. */
    public AwarenessWeights awarenessWeights(String attribute) {
        return AllocationParsers.weights(attribute, rest.body(HttpRequest.get(weightsPath(attribute)).build()));
    }

    /**
     * Writes weighted routing. {@code expectedVersion} is the version read before (compare-and-set; a
     * concurrent change makes the server refuse the write); -1 when none existed.
     */
    public void putAwarenessWeights(String attribute, Map<String, Double> weights, long expectedVersion) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> asText = new LinkedHashMap<>();
        weights.forEach((value, weight) -> asText.put(value, String.valueOf(weight)));
        body.put("weights", asText);
        body.put("_version", expectedVersion);
        rest.body(HttpRequest.put(weightsPath(attribute)).body(Json.write(body)).idempotent(false).build());
    }

    /**
     * Deletes the weighted routing of {@code attribute} (compare-and-set on the version read just before);
     * missing weights are not an error.
     */
    public void deleteAwarenessWeights(String attribute) {
        HttpResponse current = rest.send(HttpRequest.get(weightsPath(attribute)).allowStatus(400, 404).build());
        if (!current.isSuccess()) {
            return;
        }
        AwarenessWeights weights = AllocationParsers.weights(attribute, current.bodyAsString());
        if (weights.weights().isEmpty()) {
            return;
        }
        rest.send(HttpRequest.delete(weightsPath(attribute)).body(Json.write(Map.of("_version", weights.version())))
                .allowStatus(404).idempotent(false).build());
    }

    /**
     * Starts decommissioning the nodes whose awareness attribute has {@code value}.
     *
     * @param delay how long the server drains traffic before removing the nodes; null for its default
     *        (120 s), zero for {@code no_delay}
     */
    public void decommission(String attribute, String value, Duration delay) {
        HttpRequest.Builder b = HttpRequest.put("/_cluster/decommission/awareness/" + encode(attribute) + "/"
                + encode(requireText(value, "value"))).idempotent(false);
        if (delay != null && delay.isZero()) {
            b.query("no_delay", "true");
        } else if (delay != null) {
            b.query("delay_timeout", delay.toSeconds() + "s");
        }
        rest.body(b.build());
    }

    public DecommissionStatus decommissionStatus(String attribute) {
        HttpResponse response = rest.send(HttpRequest.get("/_cluster/decommission/awareness/" + encode(attribute)
                + "/_status").allowStatus(404).build());
        return response.isSuccess() ? AllocationParsers.decommission(attribute, response.bodyAsString())
                : new DecommissionStatus(attribute, null, DecommissionStatus.NONE);
    }

    /** Recommissions: deletes the decommission (and with it the voting exclusions it added). */
    public void deleteDecommission() {
        rest.send(HttpRequest.delete("/_cluster/decommission/awareness").allowStatus(404).idempotent(true).build());
    }

    private static String weightsPath(String attribute) {
        return "/_cluster/routing/awareness/" + encode(requireText(attribute, "attribute")) + "/weights";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new OpsValidationException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "AllocationApi";
    }
}
