package io.opsstack.opensearch.internal.ops.drain;

import java.util.List;
import java.util.Map;

/**
 * Whether every shard copy on a node can move elsewhere.
 *
 * @param targets copy ("index[shard]p|r") → the planned target node
 * @param blocked copy → why no node can take it
 */
public record DrainFeasibility(String node, int copies, long bytes, Map<String, String> targets,
                               Map<String, String> blocked) {

    public DrainFeasibility {
        targets = Map.copyOf(targets);
        blocked = Map.copyOf(blocked);
    }

    public boolean feasible() {
        return blocked.isEmpty();
    }

    /** The guard's sentence: counts and targets, or every blocked copy with its reasons. */
    public String summary() {
        if (feasible()) {
            return copies + " shard copies (" + bytes + " bytes) on " + node + " can all move: "
                    + targetCounts();
        }
        List<String> lines = blocked.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " cannot move: " + e.getValue()).toList();
        return blocked.size() + " of " + copies + " shard copies on " + node + " cannot move: "
                + String.join(" || ", lines);
    }

    private String targetCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        targets.values().forEach(t -> counts.merge(t, 1L, Long::sum));
        return counts.isEmpty() ? "nothing to move" : counts.toString();
    }
}
