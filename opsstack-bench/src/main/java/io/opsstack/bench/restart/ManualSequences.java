package io.opsstack.bench.restart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.NodeInfo;

/**
 * The rolling restart sequences operators run by hand or with scripts, as baselines:
 * <ul>
 *   <li>community (Ansible roles): {@code allocation.enable=none}, restart, wait for the node count, {@code all},
 *       wait for green, polling every 10 s;</li>
 *   <li>official (OpenSearch docs): persistent {@code primaries}, {@code _flush}, stop, confirm it left, start,
 *       confirm it rejoined, {@code all}, wait for green, polling every second.</li>
 * </ul>
 */
final class ManualSequences {
    private static final String ENABLE = "cluster.routing.allocation.enable";
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(5);

    private final OpenSearchOps os;
    private final ServiceControl control;
    private final List<URI> endpoints;
    private final HttpClient http = HttpClient.newHttpClient();

    ManualSequences(OpenSearchOps os, ServiceControl control, List<URI> endpoints) {
        this.os = os;
        this.control = control;
        this.endpoints = endpoints;
    }

    void community(List<String> order) throws InterruptedException {
        Duration poll = Duration.ofSeconds(10);
        int nodes = os.nodes().size();
        for (String node : order) {
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "none").build());
            control.stop(node, NODE_TIMEOUT);
            control.start(node, NODE_TIMEOUT);
            until(() -> os.nodes().size() == nodes, poll);
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "all").build());
            until(() -> os.health().status() == HealthStatus.GREEN, poll);
        }
    }

    void official(List<String> order) throws InterruptedException {
        Duration poll = Duration.ofSeconds(1);
        for (String node : order) {
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "primaries").build());
            flush();
            control.stop(node, NODE_TIMEOUT);
            until(() -> os.nodes().stream().map(NodeInfo::name).noneMatch(node::equals), poll);
            control.start(node, NODE_TIMEOUT);
            until(() -> os.nodes().stream().map(NodeInfo::name).anyMatch(node::equals), poll);
            os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(ENABLE, "all").build());
            until(() -> os.health().status() == HealthStatus.GREEN, poll);
        }
    }

    /** Checks, then sleeps {@code poll} until the check holds, as a shell {@code until …; do sleep; done} loop does. */
    private static void until(Check check, Duration poll) throws InterruptedException {
        long deadline = System.nanoTime() + NODE_TIMEOUT.toNanos();
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (RuntimeException e) {
                // a node may be electing a manager; a script would just try again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not reached within " + NODE_TIMEOUT);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private void flush() {
        for (URI endpoint : endpoints) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/_flush"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // try the next node
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A condition a sequence waits for. */
    private interface Check {
        boolean holds();
    }
}
