package io.opsstack.all;

import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.testkit.junit.SharedLabs;
import io.opsstack.testkit.opensearch.LabTopology;
import io.opsstack.testkit.opensearch.OpenSearchLab;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The shared hot/warm/cold lab (OpenSearch 2.19.4 is enough here) and the test indices on it. */
final class LabIndices {
    static final String REQUIRE_TEMP = "index.routing.allocation.require.temp";

    private LabIndices() {
    }

    static OpenSearchLab lab() {
        return SharedLabs.openSearch(OpenSearchLab.DEFAULT_VERSION, LabTopology.hotWarmCold());
    }

    static String url(OpenSearchLab lab) {
        return lab.httpEndpoint().toString();
    }

    /** A fresh index with its shards on the given tier, waited for until its primaries are started. */
    static void create(OpenSearchOps os, String index, String tier, int replicas) {
        if (os.indexExists(index)) {
            os.deleteIndex(index);
        }
        os.createIndex(index, Map.of("index.number_of_shards", 2, "index.number_of_replicas", replicas, REQUIRE_TEMP, tier));
        os.health(HealthRequest.builder().indices(index)
                .waitForStatus(replicas == 0 ? HealthStatus.GREEN : HealthStatus.YELLOW)
                .timeout(Duration.ofSeconds(60)).build());
    }

    /** Nodes that hold a started copy of the index. */
    static Set<String> nodesOf(OpenSearchOps os, String index) {
        Set<String> nodes = new TreeSet<>();
        for (ShardRow row : os.shards(index)) {
            if (row.node() != null) {
                nodes.add(row.node());
            }
        }
        return nodes;
    }

    static void deleteQuietly(OpenSearchOps os, List<String> indices) {
        for (String index : indices) {
            if (os.indexExists(index)) {
                os.deleteIndex(index);
            }
        }
    }
}
