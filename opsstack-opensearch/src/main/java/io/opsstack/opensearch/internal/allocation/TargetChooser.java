package io.opsstack.opensearch.internal.allocation;

import io.opsstack.opensearch.model.ShardRow;
import io.opsstack.opensearch.model.ShardState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses target nodes for shard copies that must move, the way the allocation deciders would allow
 * it, and balances the choices: the node with the fewest shards wins, then the one with most free
 * disk. Every choice is booked, so a sequence of choices spreads the copies. Not thread-safe.
 */
public final class TargetChooser {
    private final ClusterSnapshot snapshot;
    private final AllocationRules rules;
    private final Map<String, int[]> shardCount = new HashMap<>();
    /** Per node and index, only for indices with an index-level shards-per-node limit. */
    private final Map<String, Map<String, Integer>> indexShardCount = new HashMap<>();
    private final Map<String, Long> usedBytes = new HashMap<>();
    /** index → shard → nodes holding a copy; only for the indices the caller asked about. */
    private final Map<String, Map<Integer, List<String>>> copies = new HashMap<>();
    private final Set<String> limitedIndices = new HashSet<>();
    private final Map<String, Integer> zoneCounts = new HashMap<>();
    private final Map<String, SnapshotNode> nodesByName = new HashMap<>();

    /** A chooser for copies of any index. */
    public TargetChooser(ClusterSnapshot snapshot) {
        this(snapshot, null);
    }

    /**
     * A chooser for copies of {@code indices} only (null for any): on a large cluster only their shards'
     * copies are indexed, which keeps planning a drain proportional to the cluster, not to its copies squared.
     */
    public TargetChooser(ClusterSnapshot snapshot, Set<String> indices) {
        this.snapshot = snapshot;
        snapshot.indexSettings().forEach((index, settings) -> {
            if (settings.containsKey("index.routing.allocation.total_shards_per_node")) {
                limitedIndices.add(index);
            }
        });
        this.rules = new AllocationRules(snapshot.settings());
        for (SnapshotNode node : snapshot.nodes()) {
            nodesByName.put(node.name(), node);
            usedBytes.put(node.name(), node.diskTotalBytes() - node.diskAvailableBytes());
        }
        for (ShardRow row : snapshot.shards()) {
            if (row.state() == ShardState.UNASSIGNED) {
                continue;
            }
            book(row.node(), row.index(), 1);
            boolean tracked = indices == null || indices.contains(row.index());
            if (tracked) {
                holders(row).add(row.node());
            }
            if (row.relocatingTo() != null) {
                book(row.relocatingTo().node(), row.index(), 1);
                if (tracked) {
                    holders(row).add(row.relocatingTo().node());
                }
            }
        }
        for (String attribute : rules.awarenessAttributes()) {
            List<String> forced = rules.forcedValues(attribute);
            Set<String> zones = new HashSet<>(forced);
            if (forced.isEmpty()) {
                snapshot.nodes().stream().filter(SnapshotNode::data).map(n -> n.attributes().get(attribute))
                        .filter(v -> v != null).forEach(zones::add);
            }
            zoneCounts.put(attribute, zones.size());
        }
    }

    /** The outcome of one choice: a target, or none and every candidate's reason. */
    public record Choice(String target, List<String> rejections) {
        public Choice {
            rejections = List.copyOf(rejections);
        }

        public boolean found() {
            return target != null;
        }
    }

    /**
     * Chooses a target for {@code copy} (held by {@code copy.node()}) among data nodes outside
     * {@code excluded}, and books the move when one is found.
     *
     * @param candidates the nodes to consider (e.g. the data nodes of a tier); null for every data node
     */
    public Choice choose(ShardRow copy, Set<String> excluded, Set<String> candidates) {
        Map<String, String> indexSettings = snapshot.indexSettings(copy.index());
        List<String> others = new ArrayList<>(holders(copy));
        others.remove(copy.node());
        int copyCount = others.size() + 1;
        Map<String, List<String>> copyZones = new HashMap<>();
        for (String attribute : rules.awarenessAttributes()) {
            List<String> zones = new ArrayList<>();
            for (String holder : others) {
                SnapshotNode n = nodesByName.get(holder);
                if (n != null && n.attributes().get(attribute) != null) {
                    zones.add(n.attributes().get(attribute));
                }
            }
            copyZones.put(attribute, zones);
        }
        long bytes = copy.storeBytes() == null ? 0 : copy.storeBytes();
        SnapshotNode best = null;
        List<String> rejections = new ArrayList<>();
        for (SnapshotNode node : snapshot.nodes()) {
            if (!node.data() || excluded.contains(node.name()) || node.name().equals(copy.node())
                    || (candidates != null && !candidates.contains(node.name()))) {
                continue;
            }
            String reason = reject(node, copy, others, indexSettings, bytes, copyCount, copyZones);
            if (reason != null) {
                rejections.add(node.name() + ": " + reason);
            } else if (best == null || better(node, best)) {
                best = node;
            }
        }
        if (best == null) {
            if (rejections.isEmpty()) {
                rejections.add("no other data node to move to");
            }
            return new Choice(null, rejections);
        }
        move(copy, best.name(), bytes);
        return new Choice(best.name(), List.of());
    }

    /** Number of copies each node holds, including the moves booked so far. */
    public int shardCount(String node) {
        int[] count = shardCount.get(node);
        return count == null ? 0 : count[0];
    }

    /** Whether {@code node} holds a copy of the same shard as {@code copy}. */
    public boolean holdsCopy(String node, ShardRow copy) {
        return holders(copy).contains(node);
    }

    private String reject(SnapshotNode node, ShardRow copy, List<String> others, Map<String, String> indexSettings,
                          long bytes, int copyCount, Map<String, List<String>> copyZones) {
        if (others.contains(node.name())) {
            return "same_shard: a copy of " + copy.index() + "[" + copy.shard() + "] is already there";
        }
        String reason = rules.clusterFilter(node);
        if (reason == null) {
            reason = rules.indexFilter(indexSettings, node);
        }
        if (reason == null) {
            reason = rules.shardsPerNode(shardCount(node.name()),
                    indexShardCount.getOrDefault(node.name(), Map.of()).getOrDefault(copy.index(), 0), indexSettings);
        }
        if (reason == null) {
            reason = rules.diskHeadroom(node, usedBytes.getOrDefault(node.name(), 0L), bytes);
        }
        if (reason == null) {
            reason = rules.awareness(node, copyCount, copyZones, zoneCounts);
        }
        return reason;
    }

    private boolean better(SnapshotNode node, SnapshotNode best) {
        int a = shardCount(node.name());
        int b = shardCount(best.name());
        if (a != b) {
            return a < b;
        }
        return free(node) > free(best);
    }

    private long free(SnapshotNode node) {
        return node.diskTotalBytes() - usedBytes.getOrDefault(node.name(), 0L);
    }

    private void move(ShardRow copy, String target, long bytes) {
        book(copy.node(), copy.index(), -1);
        book(target, copy.index(), 1);
        usedBytes.merge(copy.node(), -bytes, Long::sum);
        usedBytes.merge(target, bytes, Long::sum);
        List<String> holders = holders(copy);
        holders.remove(copy.node());
        holders.add(target);
    }

    private void book(String node, String index, int delta) {
        shardCount.computeIfAbsent(node, k -> new int[1])[0] += delta;
        if (limitedIndices.contains(index)) {
            indexShardCount.computeIfAbsent(node, k -> new HashMap<>()).merge(index, delta, Integer::sum);
        }
    }

    private List<String> holders(ShardRow row) {
        return copies.computeIfAbsent(row.index(), k -> new HashMap<>()).computeIfAbsent(row.shard(), k -> new ArrayList<>(2));
    }
}
