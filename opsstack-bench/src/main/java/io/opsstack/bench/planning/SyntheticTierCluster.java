package io.opsstack.bench.planning;

import io.opsstack.opensearch.internal.ops.tier.ClusterView;
import io.opsstack.opensearch.internal.ops.tier.DiskWatermark;
import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import io.opsstack.opensearch.policy.IndexAge;
import io.opsstack.opensearch.policy.PolicyPhase;
import io.opsstack.opensearch.policy.TierActions;
import io.opsstack.opensearch.policy.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic synthetic fleet: data nodes split 40/30/30 over temp=hot/warm/cold, daily indices of
 * many applications created over the last 100 days, 5 primaries and 1 replica each, every copy still
 * on the hot tier (the worst case: almost every index needs a move).
 */
final class SyntheticTierCluster {
    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final int DAYS = 100;
    private static final int PRIMARIES = 5;
    private static final int REPLICAS = 1;
    private static final long SHARD_BYTES = 2L << 30;

    private SyntheticTierCluster() {
    }

    /** hot → warm (7d) → cold (30d: replicas 0, read-only, force merge) → delete (90d), by creation date. */
    static TierPolicy policy() {
        return TierPolicy.builder("logs-lifecycle").indices("logs-*")
                .phase(PolicyPhase.of("hot", Duration.ZERO, TierActions.require("temp", "hot")))
                .phase(PolicyPhase.of("warm", Duration.ofDays(7), TierActions.require("temp", "warm"),
                        TierActions.indexPriority(50)))
                .phase(PolicyPhase.of("cold", Duration.ofDays(30), TierActions.replicas(0),
                        TierActions.require("temp", "cold"), TierActions.readOnly(), TierActions.forceMerge(1)))
                .phase(PolicyPhase.of("delete", Duration.ofDays(90), TierActions.delete()))
                .age(IndexAge.creationDate())
                .build();
    }

    static String nodeName(int i) {
        return String.format(Locale.ROOT, "Opensearch-Data-%04d-%s", i, tierOf(i));
    }

    private static String tierOf(int node) {
        int slot = node % 10;
        return slot < 4 ? "hot" : slot < 7 ? "warm" : "cold";
    }

    /** {@code nodes} data nodes and daily indices until {@code shardCopies} copies exist. */
    static ClusterView view(int nodes, int shardCopies) {
        Random random = new Random(42);
        List<ClusterView.DataNode> dataNodes = new ArrayList<>();
        List<Integer> hotNodes = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            long total = 4L << 40;
            dataNodes.add(new ClusterView.DataNode(nodeName(i), Map.of("temp", tierOf(i), "zone", "zone-" + (i % 3)),
                    total, (long) (total * (0.2 + random.nextDouble() * 0.3))));
            if (tierOf(i).equals("hot")) {
                hotNodes.add(i);
            }
        }
        int copiesPerIndex = PRIMARIES * (1 + REPLICAS);
        int indexCount = shardCopies / copiesPerIndex;
        List<ClusterView.IndexState> indices = new ArrayList<>();
        List<ShardRow> shards = new ArrayList<>(shardCopies);
        for (int i = 0; i < indexCount; i++) {
            int day = i % DAYS;
            String name = String.format(Locale.ROOT, "logs-app%03d-%03d", i / DAYS, day);
            Instant created = NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(3));
            indices.add(new ClusterView.IndexState(name, created, true, Map.of(
                    "index.number_of_shards", Integer.toString(PRIMARIES),
                    "index.number_of_replicas", Integer.toString(REPLICAS),
                    "index.routing.allocation.require.temp", "hot"), SHARD_BYTES * copiesPerIndex));
            for (int shard = 0; shard < PRIMARIES; shard++) {
                for (int copy = 0; copy <= REPLICAS; copy++) {
                    String node = nodeName(hotNodes.get(random.nextInt(hotNodes.size())));
                    shards.add(new ShardRow(name, shard, copy == 0, ShardState.STARTED, 1_000_000L, SHARD_BYTES,
                            "10.0.0.1", "id-" + node, node, null, null));
                }
            }
        }
        return new ClusterView(dataNodes, indices, shards, new DiskWatermark(true, "85%"));
    }

    /**
     * A {@code _cat/shards?format=json&bytes=b} answer with {@code rows} rows: mostly STARTED, every 50th
     * RELOCATING (with the {@code source -> ip id target} node column), every 97th UNASSIGNED.
     */
    static String catShardsJson(int rows) {
        StringBuilder json = new StringBuilder(rows * 200).append('[');
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                json.append(',');
            }
            String index = "logs-app" + (i / 1000) + "-2026.11." + (10 + i % 20);
            String node = nodeName(i % 1000);
            String state = i % 97 == 0 ? "UNASSIGNED" : i % 50 == 0 ? "RELOCATING" : "STARTED";
            String nodeColumn = switch (state) {
                case "UNASSIGNED" -> null;
                case "RELOCATING" -> node + " -> 10.0.3." + (i % 250) + " " + "tgtId" + i + " " + nodeName((i + 7) % 1000);
                default -> node;
            };
            json.append("{\"index\":\"").append(index).append("\",\"shard\":\"").append(i % 5)
                    .append("\",\"prirep\":\"").append(i % 2 == 0 ? "p" : "r")
                    .append("\",\"state\":\"").append(state)
                    .append("\",\"docs\":").append(state.equals("UNASSIGNED") ? "null" : "\"" + (1000 + i) + "\"")
                    .append(",\"store\":").append(state.equals("UNASSIGNED") ? "null" : "\"" + (1_048_576L + i) + "\"")
                    .append(",\"ip\":").append(nodeColumn == null ? "null" : "\"10.0.1." + (i % 250) + "\"")
                    .append(",\"id\":").append(nodeColumn == null ? "null" : "\"id" + (i % 1000) + "\"")
                    .append(",\"node\":").append(nodeColumn == null ? "null" : "\"" + nodeColumn + "\"")
                    .append(",\"unassigned.reason\":").append(nodeColumn == null ? "\"NODE_LEFT\"" : "null")
                    .append('}');
        }
        return json.append(']').toString();
    }
}
