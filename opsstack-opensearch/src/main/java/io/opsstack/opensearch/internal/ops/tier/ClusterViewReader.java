package io.opsstack.opensearch.internal.ops.tier;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.internal.Json;
import io.opsstack.opensearch.internal.RestClient;
import io.opsstack.opensearch.internal.RestPaths;
import io.opsstack.opensearch.model.ClusterSettings;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.model.NodeInfo;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.allocation.NodeAllocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ClusterView} from a live cluster: data nodes ({@code _nodes}), their disk
 * ({@code AllocationApi.catAllocation()}), the low watermark, and the indices, settings and shards the patterns match.
 */
public final class ClusterViewReader {
    private final OpenSearchOps client;
    private final RestClient rest;

    public ClusterViewReader(OpenSearchOps client, RestClient rest) {
        this.client = client;
        this.rest = rest;
    }

    public ClusterView read(List<String> indexPatterns) {
        Map<String, long[]> disk = diskByNode();
        List<ClusterView.DataNode> nodes = new ArrayList<>();
        for (NodeInfo node : client.nodes()) {
            if (node.isData()) {
                long[] d = disk.getOrDefault(node.name(), new long[] {-1, -1});
                nodes.add(new ClusterView.DataNode(node.name(), node.attributes(), d[0], d[1]));
            }
        }
        ClusterSettings settings = client.clusterSettings();
        DiskWatermark low = new DiskWatermark(settings.diskThresholdEnabled().orElse(true),
                settings.diskWatermarkLow().orElse(DiskWatermark.DEFAULT_LOW));
        List<IndexRow> rows = client.indices(indexPatterns.toArray(String[]::new));
        if (rows.isEmpty()) {
            return new ClusterView(nodes, List.of(), List.of(), low);
        }
        Map<String, Map<String, String>> indexSettings = indexSettings(indexPatterns);
        List<ClusterView.IndexState> indices = new ArrayList<>();
        for (IndexRow row : rows) {
            indices.add(new ClusterView.IndexState(row.index(), row.creationDate(), "open".equals(row.status()),
                    indexSettings.getOrDefault(row.index(), Map.of()), row.storeBytes() == null ? 0 : row.storeBytes()));
        }
        List<ShardRow> shards = client.shards(indexPatterns.toArray(String[]::new));
        return new ClusterView(nodes, indices, shards, low);
    }

    /** Node name → {total, used} bytes from {@code _cat/allocation}; nodes that report no disk are left out. */
    private Map<String, long[]> diskByNode() {
        Map<String, long[]> disk = new HashMap<>();
        for (NodeAllocation row : client.allocation().catAllocation()) {
            if (row.diskUsedBytes() != null && row.diskTotalBytes() != null) {
                disk.put(row.node(), new long[] {row.diskTotalBytes(), row.diskUsedBytes()});
            }
        }
        return disk;
    }

    private Map<String, Map<String, String>> indexSettings(List<String> patterns) {
        JsonNode root = Json.parse(rest.body(HttpRequest.get("/" + RestPaths.indices(patterns) + "/_settings")
                .query("flat_settings", "true").query("expand_wildcards", "open,closed").build()), "index settings");
        Map<String, Map<String, String>> out = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> indices = root.fields();
        while (indices.hasNext()) {
            Map.Entry<String, JsonNode> index = indices.next();
            Map<String, String> flat = new HashMap<>();
            index.getValue().path("settings").fields().forEachRemaining(s -> flat.put(s.getKey(),
                    s.getValue().isArray() ? joined(s.getValue()) : s.getValue().asText()));
            out.put(index.getKey(), flat);
        }
        return out;
    }

    private static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(",", values);
    }
}
