package io.opsstack.opensearch.internal.ops.tier;

import io.opsstack.opensearch.model.ShardRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What tier planning reads from a cluster, in memory, so planning can also run on synthetic state.
 *
 * @param dataNodes data nodes with their attributes and disk use
 * @param indices the indices the policy's patterns match
 * @param shards the shard copies of those indices
 * @param lowWatermark the effective low disk watermark
 */
public record ClusterView(List<DataNode> dataNodes, List<IndexState> indices, List<ShardRow> shards,
                          DiskWatermark lowWatermark) {

    public ClusterView {
        dataNodes = List.copyOf(dataNodes);
        indices = List.copyOf(indices);
        shards = List.copyOf(shards);
    }

    /**
     * @param diskTotalBytes total disk of the node; -1 when unknown
     * @param diskUsedBytes used disk of the node; -1 when unknown
     */
    public record DataNode(String name, Map<String, String> attributes, long diskTotalBytes, long diskUsedBytes) {
        public DataNode {
            attributes = Map.copyOf(attributes);
        }

        /** Bytes the node can still take before reaching the watermark; 0 when unknown or full. */
        public long room(DiskWatermark watermark) {
            if (diskTotalBytes < 0 || diskUsedBytes < 0) {
                return 0;
            }
            return Math.max(0, watermark.usableBytes(diskTotalBytes) - diskUsedBytes);
        }
    }

    /**
     * @param creationDate null when unknown
     * @param settings flat index settings
     * @param storeBytes total store size (all copies); 0 when unknown
     */
    public record IndexState(String name, Instant creationDate, boolean open, Map<String, String> settings,
                             long storeBytes) {
        public IndexState {
            settings = Map.copyOf(settings);
        }

        public String setting(String key) {
            return settings.get(key);
        }
    }
}
