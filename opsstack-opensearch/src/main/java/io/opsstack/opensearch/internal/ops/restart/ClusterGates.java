package io.opsstack.opensearch.internal.ops.restart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.api.http.HttpResponse;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.model.AllocationEnable;
import io.opsstack.opensearch.model.ClusterHealth;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.Setting;
import io.opsstack.opensearch.model.SettingSource;
import io.opsstack.opensearch.model.WaitForEvents;

/**
 * Cluster-wide pre-flight gates of a rolling restart: a settled cluster (green, or a narrowly defined
 * settled yellow) and no foreign maintenance in progress.
 */
final class ClusterGates {

    static final String ENABLE_KEY = "cluster.routing.allocation.enable";
    /**
     * Server-side wait for the manager's queue to drain: with {@code 0s} the languid check itself times out,
     * so it gets a short bound; an idle queue answers at once.
     */
    private static final Duration LANGUID_WAIT = Duration.ofSeconds(2);
    private static final Set<String> DECOMMISSION_ACTIVE = Set.of("INIT", "DRAINING", "IN_PROGRESS", "SUCCESSFUL");

    private final OpenSearchOps client;
    private final RestClient rest;

    ClusterGates(OpenSearchOps client, RestClient rest) {
        this.client = client;
        this.rest = rest;
    }

    /**
     * Settled: the manager's queue is empty ({@code wait_for_events=languid}, bounded wait), no shard moves,
     * initialises, is fetched or waits delayed; green, or yellow with every expected node joined and
     * allocation fully enabled (replicas that cannot be placed anywhere). Red never passes.
     */
    GuardResult settled(int expectedNodes) {
        ClusterHealth health = client.health(HealthRequest.builder().waitForEvents(WaitForEvents.LANGUID)
                .timeout(LANGUID_WAIT).build());
        if (health.timedOut()) {
            return GuardResult.fail("the cluster manager is busy (" + health.numberOfPendingTasks()
                    + " pending tasks): the cluster has not settled");
        }
        int activity = health.shardActivity() + health.delayedUnassignedShards();
        if (activity > 0) {
            return GuardResult.fail("shards are moving: " + health.relocatingShards() + " relocating, "
                    + health.initializingShards() + " initializing, " + health.numberOfInFlightFetch()
                    + " in-flight fetches, " + health.delayedUnassignedShards() + " delayed unassigned");
        }
        if (health.status() == HealthStatus.GREEN) {
            return GuardResult.pass("green, nothing moving, " + health.numberOfNodes() + " nodes");
        }
        if (health.status() == HealthStatus.RED) {
            return GuardResult.fail("cluster health is red (" + health.unassignedShards()
                    + " unassigned shards, a primary is missing): no healthy node may be taken down");
        }
        if (health.numberOfNodes() < expectedNodes) {
            return GuardResult.fail("cluster health is yellow and only " + health.numberOfNodes() + " of "
                    + expectedNodes + " nodes are joined");
        }
        AllocationEnable enable = client.clusterSettings(true).allocationEnable().orElse(AllocationEnable.ALL);
        if (enable != AllocationEnable.ALL) {
            return GuardResult.fail("cluster health is yellow while " + ENABLE_KEY + "=" + enable.apiValue()
                    + ": unassigned replicas may only be waiting for allocation");
        }
        return GuardResult.pass("settled yellow: all " + expectedNodes + " nodes joined, allocation enabled, nothing "
                + "moving; " + health.unassignedShards() + " replica(s) cannot be placed anywhere");
    }

    /** For nodes already down when their restart step begins: anything but red (a primary missing elsewhere). */
    GuardResult notRedWhileDown(List<String> downGroup) {
        ClusterHealth health = client.health();
        if (health.status() == HealthStatus.RED) {
            return GuardResult.fail("cluster health is red (" + health.unassignedShards() + " unassigned shards) while "
                    + downGroup + " is down: start it by hand and check the missing primaries");
        }
        return GuardResult.pass(downGroup + " is already down (an earlier run stopped it and did not finish) and "
                + "every other node is joined; health " + health.status().name().toLowerCase(Locale.ROOT)
                + ": starting it is what settles the cluster");
    }

    /**
     * No other maintenance in flight: no transient allocation.enable (it would override ours), no
     * {@code none}, no leftover {@code primaries} (unless this operation set it), no cluster-level exclusions,
     * no voting config exclusions, no zone decommission.
     */
    GuardResult noForeignMaintenance(boolean primariesOurs) {
        // with defaults: awareness set in opensearch.yml must still reveal a zone decommission
        ClusterSettings settings = client.clusterSettings(true);
        List<String> problems = new ArrayList<>();
        Setting<AllocationEnable> enable = settings.allocationEnable();
        if (enable.source() == SettingSource.TRANSIENT) {
            problems.add("transient " + ENABLE_KEY + "=" + enable.raw() + " is set (it would override the restart's "
                    + "persistent value)");
        } else if (enable.value() == AllocationEnable.NONE) {
            problems.add(ENABLE_KEY + "=none: restarted nodes would never get their shards back");
        } else if (enable.value() == AllocationEnable.PRIMARIES && !primariesOurs) {
            problems.add(ENABLE_KEY + "=primaries is set, probably left behind by an earlier restart");
        }
        exclusions(settings.persistent(), problems);
        exclusions(settings.transientSettings(), problems);
        List<String> voting = votingExclusions();
        if (!voting.isEmpty()) {
            problems.add("voting config exclusions in place: " + voting);
        }
        for (String attribute : settings.awarenessAttributes().orElse(List.of())) {
            decommission(attribute, problems);
        }
        return problems.isEmpty()
                ? GuardResult.pass("no exclusions, voting exclusions or decommission in progress; "
                        + ENABLE_KEY + "=" + (enable.raw() == null ? "<unset>" : enable.raw()))
                : GuardResult.fail(String.join("; ", problems));
    }

    private static void exclusions(Map<String, String> settings, List<String> problems) {
        settings.forEach((key, value) -> {
            if (key.startsWith("cluster.routing.allocation.exclude.") && value != null
                    && !ClusterSettings.splitList(value).isEmpty()) {
                problems.add(key + "=" + value + " excludes nodes (a drain in progress?)");
            }
        });
    }

    private List<String> votingExclusions() {
        JsonNode exclusions = Json.parse(rest.body(HttpRequest.get("/_cluster/state/metadata")
                .query("filter_path", "metadata.cluster_coordination.voting_config_exclusions").build()),
                "voting config exclusions")
                .path("metadata").path("cluster_coordination").path("voting_config_exclusions");
        List<String> names = new ArrayList<>();
        exclusions.forEach(exclusion -> names.add(exclusion.path("node_name").asText(exclusion.toString())));
        return names;
    }

    private void decommission(String attribute, List<String> problems) {
        HttpResponse response = rest.send(HttpRequest.get("/_cluster/decommission/awareness/" + attribute + "/_status")
                .allowStatus(400, 404, 405).build());
        if (!response.isSuccess()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = Json.parse(response.bodyAsString(), "decommission status").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual() && DECOMMISSION_ACTIVE.contains(field.getValue().asText())) {
                problems.add("zone decommission " + attribute + "=" + field.getKey() + " is " + field.getValue().asText());
            }
        }
    }
}
