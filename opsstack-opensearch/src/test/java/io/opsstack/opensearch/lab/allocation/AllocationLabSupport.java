package io.opsstack.opensearch.lab.allocation;

import io.opsstack.opensearch.OpenSearchLeaseStore;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.model.BulkResult;
import io.opsstack.opensearch.model.ClusterSettingsUpdate;
import io.opsstack.opensearch.model.HealthRequest;
import io.opsstack.opensearch.model.HealthStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers of the allocation lab tests: raw settings reads, test data and cleanup. */
final class AllocationLabSupport {
    static final String CONCURRENT = "cluster.routing.allocation.node_concurrent_recoveries";
    static final String MAX_BYTES = "indices.recovery.max_bytes_per_sec";
    static final String EXCLUDE = "cluster.routing.allocation.exclude._name";

    private AllocationLabSupport() {
    }

    /** The exact bytes of {@code GET _cluster/settings}, for byte-for-byte comparisons. */
    static String rawSettings(URI endpoint) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    endpoint.resolve("/_cluster/settings")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an index with {@code shards} primaries and one replica and indexes {@code docs} documents. */
    static void indexWithDocs(OpenSearchOps os, String index, int shards, int docs) {
        os.createIndex(index, Map.of("index.number_of_shards", shards, "index.number_of_replicas", 1));
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            batch.add("{\"message\":\"event " + i + " " + "x".repeat(200) + "\",\"n\":" + i + "}");
        }
        BulkResult result = os.bulkIndex(index, batch);
        if (result.failed() > 0) {
            throw new IllegalStateException("bulk failures: " + result);
        }
        os.refresh(index);
        green(os);
    }

    static void green(OpenSearchOps os) {
        if (os.health(HealthRequest.builder().waitForStatus(HealthStatus.GREEN).waitForNoRelocatingShards(true)
                .build()).timedOut()) {
            throw new IllegalStateException("cluster not green: " + os.health());
        }
    }

    /** Removes every setting the tests touch and the voting exclusions, and deletes the lease index. */
    static void resetAllocation(OpenSearchOps os) {
        os.putClusterSettings(ClusterSettingsUpdate.builder().persistent(CONCURRENT, null).persistent(MAX_BYTES, null)
                .persistent(EXCLUDE, null).build());
        os.allocation().clearVotingExclusions(false);
        os.deleteIndex(OpenSearchLeaseStore.DEFAULT_INDEX);
    }
}
