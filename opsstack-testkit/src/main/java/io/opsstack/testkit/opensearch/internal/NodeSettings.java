package io.opsstack.testkit.opensearch.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.testkit.opensearch.LabNodeSpec;
import io.opsstack.testkit.opensearch.NodeRole;

/**
 * The {@code opensearch.yml} settings of a lab node. Precedence, lowest first: lab defaults, the
 * lab's cluster settings, the node's own settings.
 */
public final class NodeSettings {

    /**
     * Lab defaults: disk watermarks off, because shared CI disks are often fuller than the 85/90 %
     * thresholds and shards would then stay unassigned for reasons unrelated to the test.
     */
    static final Map<String, String> LAB_DEFAULTS = Map.of("cluster.routing.allocation.disk.threshold_enabled", "false");

    private NodeSettings() {
    }

    /**
     * Settings binding the node to 127.0.0.1 (bootstrap checks then stay advisory) with fixed ports,
     * discovering its peers through {@code seedHosts}.
     */
    public static Map<String, Object> of(String clusterName, LabNodeSpec node, NodeLayout layout, int httpPort,
                                         int transportPort, List<String> seedHosts, List<String> initialManagers,
                                         Path pathRepo, Map<String, String> clusterSettings) {
        Map<String, Object> settings = new LinkedHashMap<>(LAB_DEFAULTS);
        settings.put("cluster.name", clusterName);
        settings.put("node.name", node.name());
        List<String> roles = new ArrayList<>();
        for (NodeRole role : node.roles()) {
            roles.add(role.settingValue());
        }
        settings.put("node.roles", roles);
        node.attributes().forEach((key, value) -> settings.put("node.attr." + key, value));
        settings.put("path.data", layout.data().toString());
        settings.put("path.logs", layout.logs().toString());
        if (pathRepo != null) {
            settings.put("path.repo", List.of(pathRepo.toString()));
        }
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.port", Integer.toString(transportPort));
        settings.put("discovery.seed_hosts", List.copyOf(seedHosts));
        settings.put("cluster.initial_cluster_manager_nodes", List.copyOf(initialManagers));
        settings.putAll(clusterSettings);
        settings.putAll(node.settings());
        return settings;
    }
}
