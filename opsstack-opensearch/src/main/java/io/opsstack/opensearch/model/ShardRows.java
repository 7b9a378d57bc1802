package io.opsstack.opensearch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queries over {@code _cat/shards} rows. A RELOCATING copy counts against both its source and its
 * target node until the move completes, so a node being drained is never reported empty early.
 */
public final class ShardRows {

    private ShardRows() {
    }

    /** Copies held by or moving to {@code nodeName}. */
    public static List<ShardRow> onNode(List<ShardRow> rows, String nodeName) {
        List<ShardRow> out = new ArrayList<>();
        for (ShardRow row : rows) {
            if (row.occupies(nodeName)) {
                out.add(row);
            }
        }
        return List.copyOf(out);
    }

    /** Number of copies occupying each node (relocations count on source and target). */
    public static Map<String, Integer> countByNode(List<ShardRow> rows) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ShardRow row : rows) {
            if (row.node() != null) {
                counts.merge(row.node(), 1, Integer::sum);
            }
            if (row.relocatingTo() != null) {
                counts.merge(row.relocatingTo().node(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Rows in the given state. */
    public static List<ShardRow> inState(List<ShardRow> rows, ShardState state) {
        List<ShardRow> out = new ArrayList<>();
        for (ShardRow row : rows) {
            if (row.state() == state) {
                out.add(row);
            }
        }
        return List.copyOf(out);
    }

    /** Rows of one index. */
    public static List<ShardRow> ofIndex(List<ShardRow> rows, String index) {
        List<ShardRow> out = new ArrayList<>();
        for (ShardRow row : rows) {
            if (row.index().equals(index)) {
                out.add(row);
            }
        }
        return List.copyOf(out);
    }

    /** True when every copy is STARTED and none is moving. */
    public static boolean allStarted(List<ShardRow> rows) {
        for (ShardRow row : rows) {
            if (row.state() != ShardState.STARTED) {
                return false;
            }
        }
        return true;
    }
}
